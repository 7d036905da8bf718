/**
 * Runs one of the repository's scripts (infra/local/*.ts) the way `npm run`
 * does: through tsx, from the repository root, with the test's environment
 * (and what is added), logging silenced. It resolves with the exit code and
 * everything written, whatever the code; it rejects only when the process
 * cannot start.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, args: string[], env: Record<string, string | undefined> = {}): Promise<CommandResult> {
  return new Promise((done, failed) => {
    const child = spawn(TSX, [script, ...args], { cwd: ROOT, env: { ...process.env, KEPT_LOG: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', failed);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
