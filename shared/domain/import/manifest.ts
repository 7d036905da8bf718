/**
 * How a nightly extract says it has arrived. The council's job uploads the
 * extract's files into one folder of the extract bucket, `ssd/<name>/` or
 * `ssda903/<name>/` (a date, say; letters, digits, `.`, `_` and `-` only, so
 * the key reads the same in any event's encoding), and then, last, a marker object
 * `_complete` in the same folder: the import starts on the marker, never on
 * a data file, so it cannot read a folder that is still arriving. The marker
 * may be empty (import every `.csv` in the folder) or list the files that
 * make up the extract, one name a line; a listed file that is not there
 * fails the import before anything is read. The folder's name starts with
 * the day the extract was taken (`2026-12-01`, `2026-12-01-retry`): Kept
 * refuses an extract older than the newest it has imported. Pure.
 */
export const COMPLETE_MARKER = '_complete';
/** Written beside the extract when the import has run, whatever its outcome. */
export const REPORT_FILE = '_report.json';

export type ExtractSystem = 'ssd' | 'ssda903';

/** The extract a marker's key announces (`ssd/2026-12-01/_complete`), or null for any other key. */
export function extractOfMarker(key: string): { system: ExtractSystem; folder: string } | null {
  const m = /^(ssd|ssda903)\/([A-Za-z0-9._-]+)\/_complete$/.exec(key);
  return m ? { system: m[1] as ExtractSystem, folder: `${m[1]}/${m[2]}` } : null;
}

/** The files to import: those the marker lists, or every `.csv` present; and any listed but absent. */
export function filesOfExtract(marker: string, present: readonly string[]): { files: string[]; missing: string[]; invalid: string[] } {
  const listed = marker
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const invalid = listed.filter((name) => name.includes('/') || !name.toLowerCase().endsWith('.csv'));
  if (!listed.length) return { files: present.filter((name) => name.toLowerCase().endsWith('.csv')), missing: [], invalid };
  const here = new Set(present);
  const wanted = [...new Set(listed.filter((name) => !invalid.includes(name)))];
  return { files: wanted.filter((name) => here.has(name)).sort(), missing: wanted.filter((name) => !here.has(name)), invalid };
}

/** The day an extract was taken, from its folder's name (`ssd/2026-12-01-b` or a path ending so), or null when the name starts with no real date. */
export function takenOnOf(folder: string): string | null {
  const name = folder.replace(/[\\/]+$/, '').replace(/^.*[\\/]/, '');
  const m = /^(\d{4})-(\d{2})-(\d{2})(?![0-9])/.exec(name);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === m[0] ? m[0] : null;
}
