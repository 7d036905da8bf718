/**
 * A survey dispatch in a process of its own that is killed (SIGKILL, nothing
 * runs after it) at a chosen point around its `n`th message on one channel
 * (`email` or `text`): `after-claim`, once the claim is written and before the
 * message goes; `after-send`, once the email or text has gone and before it
 * is marked sent. Run by killedRun.ts's `dispatchKilledAt`, with the test's
 * environment (table, endpoints); texts go to the SMS endpoint given.
 *
 *   tsx tests/support/killedDispatch.ts <councilId> <today> <email|text> <after-claim|after-send> <n> <nowMs> <smsEndpoint>
 */
import { runSurveyDispatch } from '#services/surveyDispatch.js';
import { sesSender, type SendEmail } from '#email/sender.js';
import { smsSender, type SendText } from '#email/textSender.js';
import { dynamoStores } from '#store/dynamo/stores.js';
import type { SendKey } from '#store/ports/sendClaims.js';
import { dyingAfterSend, dyingClaims, type KillPoint } from './dying.js';

const [councilId, today, channel, point, nth, nowMs, smsEndpoint] = process.argv.slice(2) as [string, string, 'email' | 'text', KillPoint, string, string, string];
const n = Number(nth);

const { store, surveys, claims } = dynamoStores(process.env.TABLE_NAME!);
const onChannel = (key: SendKey) => (key.kind === 'invitation' || key.kind === 'reminder') && (key.channel === 'text') === (channel === 'text');
const dying = dyingClaims(claims, point, n, onChannel);
const email = sesSender({ ratePerSecond: 0 });
const text = smsSender({ endpoint: smsEndpoint, ratePerSecond: 0 })!;
const gone = dyingAfterSend(point, n);
const afterSend = (on: 'email' | 'text') => {
  if (on === channel) gone();
};
const send: SendEmail = async (e) => {
  const id = await email(e);
  afterSend('email');
  return id;
};
const sendText: SendText = async (t) => {
  const id = await text(t);
  afterSend('text');
  return id;
};

await runSurveyDispatch({ store, surveys, claims: dying, councilId, today, send, sendText, appUrl: process.env.APP_URL!, nowMs: () => Number(nowMs) });
process.exit(0);
