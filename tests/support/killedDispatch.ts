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
import type { SendClaims } from '#store/ports/sendClaims.js';

const [councilId, today, channel, point, nth, nowMs, smsEndpoint] = process.argv.slice(2) as [string, string, 'email' | 'text', 'after-claim' | 'after-send', string, string, string];
const n = Number(nth);
const die = () => process.kill(process.pid, 'SIGKILL');

const { store, surveys, claims } = dynamoStores(process.env.TABLE_NAME!);
let claimed = 0;
let sent = 0;
const dying: SendClaims = {
  ...claims,
  async claim(key, terms) {
    const outcome = await claims.claim(key, terms);
    const onChannel = (key.kind === 'invitation' || key.kind === 'reminder') && (key.channel === 'text') === (channel === 'text');
    if (outcome === 'claimed' && onChannel && ++claimed === n && point === 'after-claim') die();
    return outcome;
  },
};
const email = sesSender({ ratePerSecond: 0 });
const text = smsSender({ endpoint: smsEndpoint, ratePerSecond: 0 })!;
const afterSend = (on: 'email' | 'text') => {
  if (on === channel && ++sent === n && point === 'after-send') die();
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
