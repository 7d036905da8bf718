/**
 * Structured JSON log lines. Callers pass identifiers (case references,
 * staff ids, counts), never names, dates of birth or answers.
 */
type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: 'debug' | 'info' | 'warn' | 'error', message: string, fields: Fields = {}): void {
  if (process.env.KEPT_LOG === 'silent') return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...fields });
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export const log = {
  info: (message: string, fields?: Fields) => write('info', message, fields),
  warn: (message: string, fields?: Fields) => write('warn', message, fields),
  error: (message: string, fields?: Fields) => write('error', message, fields),
};
