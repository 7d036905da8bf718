/**
 * A sweep in a process of its own that is killed (SIGKILL, nothing runs
 * after it) at a chosen point around its `n`th digest: `after-claim`, once
 * the claim is written and before the email goes; `after-send`, once the
 * email has gone and before it is marked sent. Run by killedRun.ts's
 * `sweepKilledAt`, with the test's environment (table, council, endpoints).
 *
 *   tsx tests/support/killedSweep.ts <today> <after-claim|after-send> <n> <nowMs>
 */
import { runSweep } from '#services/sweep.js';
import { sesSender, type SendEmail } from '#email/sender.js';
import { dynamoStores } from '#store/dynamo/stores.js';
import type { SendClaims } from '#store/ports/sendClaims.js';

const [today, point, nth, nowMs] = process.argv.slice(2) as [string, 'after-claim' | 'after-send', string, string];
const n = Number(nth);
const die = () => process.kill(process.pid, 'SIGKILL');

const { store, claims } = dynamoStores(process.env.TABLE_NAME!);
let claimed = 0;
let sent = 0;
const dying: SendClaims = {
  ...claims,
  async claim(key, terms) {
    const outcome = await claims.claim(key, terms);
    if (outcome === 'claimed' && ++claimed === n && point === 'after-claim') die();
    return outcome;
  },
};
const send = sesSender({ ratePerSecond: 0 });
const dyingSend: SendEmail = async (email) => {
  const id = await send(email);
  if (++sent === n && point === 'after-send') die();
  return id;
};

await runSweep({ store, claims: dying, councilId: process.env.COUNCIL_ID!, today, send: dyingSend, appUrl: 'https://kept.example.org', nowMs: () => Number(nowMs) });
process.exit(0);
