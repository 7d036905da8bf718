/** An extract in a folder on this machine. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExtractFiles } from '#store/ports/extractFiles.js';

export function folderFiles(path: string): ExtractFiles {
  return {
    location: path,
    list: async () => (await readdir(path, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort(),
    read: (name) => readFile(join(path, name), 'utf8'),
    write: (name, text) => writeFile(join(path, name), text, 'utf8'),
  };
}
