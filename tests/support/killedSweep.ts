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
import { dyingAfterSend, dyingClaims, type KillPoint } from './dying.js';

const [today, point, nth, nowMs] = process.argv.slice(2) as [string, KillPoint, string, string];
const n = Number(nth);

const { store, claims } = dynamoStores(process.env.TABLE_NAME!);
const send = sesSender({ ratePerSecond: 0 });
const gone = dyingAfterSend(point, n);
const dyingSend: SendEmail = async (email) => {
  const id = await send(email);
  gone();
  return id;
};

await runSweep({ store, claims: dyingClaims(claims, point, n), councilId: process.env.COUNCIL_ID!, today, send: dyingSend, appUrl: 'https://kept.example.org', nowMs: () => Number(nowMs) });
process.exit(0);
