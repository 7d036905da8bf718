/**
 * Structured JSON log lines, one per event, as CloudWatch reads them.
 * Callers pass identifiers (case references, staff ids, counts), never
 * names, dates of birth or answers; a test runs a whole demo day and scans
 * every line for them.
 */
type Fields = Record<string, string | number | boolean | null | undefined>;
type Level = 'info' | 'warn' | 'error';

let sink: ((line: string, level: Level) => void) | null = null;

function write(level: Level, message: string, fields: Fields = {}): void {
  const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...fields });
  if (sink) return sink(line, level);
  if (process.env.KEPT_LOG === 'silent') return;
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export const log = {
  info: (message: string, fields?: Fields) => write('info', message, fields),
  warn: (message: string, fields?: Fields) => write('warn', message, fields),
  error: (message: string, fields?: Fields) => write('error', message, fields),
};

/** Collects every log line instead of printing it (for tests that read the logs). */
export function captureLogs(): { lines: string[]; stop(): void } {
  const lines: string[] = [];
  sink = (line) => void lines.push(line);
  return { lines, stop: () => void (sink = null) };
}
