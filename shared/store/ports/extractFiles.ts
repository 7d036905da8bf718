/**
 * Where an extract's files are read from: a folder on this machine (the
 * `import` command) or a folder (key prefix) in the council's extract bucket
 * (the nightly import). The import reads through this and nothing else.
 */
export interface ExtractFiles {
  /** Where the files are, for messages: a path, or s3://bucket/prefix/. */
  readonly location: string;
  /** The names of the files in the folder (no folder part), sorted; sub-folders are not listed. */
  list(): Promise<string[]>;
  /** A file's text (UTF-8). */
  read(name: string): Promise<string>;
  /** Writes a file beside the extract (the nightly import's report). */
  write(name: string, text: string): Promise<void>;
}
