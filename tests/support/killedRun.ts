/**
 * A run killed part-way, as a process stopped mid-send would be: a sender
 * that passes each email on to `send` and, once the `n`th has gone, aborts the
 * signal the run was given. Pass both to the sweep or the dispatch.
 */
import type { SendEmail } from '#email/sender.js';
import type { KillPoint } from './dying.js';
import type { SafeguardingCall } from './safeguardingCall.js';

export function killedAfter(n: number, send: SendEmail): { send: SendEmail; signal: AbortSignal } {
  const killer = new AbortController();
  let sends = 0;
  return {
    signal: killer.signal,
    send: async (email) => {
      const id = await send(email);
      if (++sends === n) killer.abort();
      return id;
    },
  };
}

export interface Ended {
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/** A real process running the sweep, SIGKILLed at `point` around its `n`th digest (tests/support/killedSweep.ts). */
export function sweepKilledAt(today: string, point: KillPoint, n: number, nowMs: number): Promise<Ended> {
  return runScript('tests/support/killedSweep.ts', [today, point, String(n), String(nowMs)]);
}

/** A real process running the survey dispatch, SIGKILLed at `point` around its `n`th message by `channel` (tests/support/killedDispatch.ts). */
export function dispatchKilledAt(
  run: { councilId: string; today: string; smsEndpoint: string; nowMs: number },
  channel: 'email' | 'text',
  point: KillPoint,
  n: number,
): Promise<Ended> {
  return runScript('tests/support/killedDispatch.ts', [run.councilId, run.today, channel, point, String(n), String(run.nowMs), run.smsEndpoint]);
}

/** A real process pressing help or saving a worrying answer on survey link `token`, SIGKILLed at `point` around its `n`th safeguarding email (tests/support/killedTell.ts). */
export function tellKilledAt(run: { token: string; what: SafeguardingCall; requestId: string; nowMs: number }, point: KillPoint, n: number): Promise<Ended> {
  return runScript('tests/support/killedTell.ts', [run.token, run.what, point, String(n), String(run.nowMs), run.requestId]);
}

async function runScript(script: string, args: string[]): Promise<Ended> {
  const { spawn } = await import('node:child_process');
  const { ROOT } = await import('./command.js');
  return new Promise((done, failed) => {
    // node itself with tsx's loader, so that the process killed is the one the test waits on.
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...process.env, KEPT_LOG: 'silent' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', failed);
    child.on('close', (code, signal) => done({ code, signal, stderr }));
  });
}
