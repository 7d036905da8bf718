/**
 * A young person's call for help, or a worrying answer saved, in a process
 * of its own that is killed (SIGKILL, nothing runs after it) at a chosen
 * point around its `n`th safeguarding email: `after-claim`, once the claim is
 * written and before the email goes; `after-send`, once it has gone and
 * before it is marked sent. Run by killedRun.ts's `tellKilledAt`, with the
 * test's environment (table, SES endpoint, safeguarding inbox, today).
 *
 *   tsx tests/support/killedTell.ts <token> <help|worrying> <after-claim|after-send> <n> <nowMs> <requestId>
 */
import { sesSender, type SendEmail } from '#email/sender.js';
import { dynamoStores } from '#store/dynamo/stores.js';
import { dyingAfterSend, dyingClaims, type KillPoint } from './dying.js';
import { safeguardingCall, type SafeguardingCall } from './safeguardingCall.js';

const [token, what, point, nth, nowMs, requestId] = process.argv.slice(2) as [string, SafeguardingCall, KillPoint, string, string, string];
const n = Number(nth);

const { store, surveys, claims } = dynamoStores(process.env.TABLE_NAME!);
const email = sesSender({ ratePerSecond: 0 });
const gone = dyingAfterSend(point, n);
const send: SendEmail = async (e) => {
  const id = await email(e);
  gone();
  return id;
};

await safeguardingCall({ store, surveys, claims: dyingClaims(claims, point, n), send, nowMs: Number(nowMs) }, token, what, requestId);
process.exit(0);
