/**
 * `npm start`: the whole product on this machine. DynamoDB Local, the SES
 * emulator behind the relay that publishes its send events, and the local
 * SMS endpoint (both delivering their events to the same handlers as AWS's
 * topics), the table from infra/topology.ts, the demo council on first
 * start, the HTTP API on the same handlers as AWS, a clock firing the
 * scheduled handlers on the stack's own cron expressions, and one sweep
 * straight away so the inbox is not empty. Ctrl-C stops everything.
 */
import { resolve } from 'node:path';
import { applyLocalEnvironment, localSettings } from './settings.js';
import { publishKeys } from './issuer.js';
import { startDynamo, startSes } from './services.js';
import { ensureTable } from './table.js';
import { createApiServer, listen } from './server.js';
import { startClock } from './clock.js';
import { SCHEDULES } from '#infra/topology.js';
import { dynamoStores } from '#store/dynamo/stores.js';
import { seedDemoAnswers, seedDemoCampaigns, seedDemoCouncil } from './demoCouncil.js';
import { localSignInRoutes } from './signIn.js';
import { runSurveyDispatch } from '#services/surveyDispatch.js';
import { today } from '#platform/config.js';
import { runSweep } from '#services/sweep.js';
import { sesSender } from '#email/sender.js';
import { smsSender } from '#email/textSender.js';
import { startSms } from './sms.js';
import { startSesRelay } from './sesEvents.js';
import { snsDelivery } from './snsDelivery.js';
import { EMAIL_EVENTS_HANDLER, TEXT_EVENTS_HANDLER } from '#infra/topology.js';
import { registerRtlTestLanguage } from './rtlTestLanguage.js';

// The demo's 8 to 10 survey can be tried in the right-to-left test language.
registerRtlTestLanguage();
const settings = localSettings();
applyLocalEnvironment(settings);
const say = (line: string) => process.stdout.write(`${line}\n`);
const stops: Array<() => Promise<void>> = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    say('\nStopping Kept…');
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  say(`Kept: starting on this machine (data in ${settings.dataDir})`);
  const dynamo = await startDynamo(settings.dynamoPort, resolve(settings.dataDir, 'dynamodb'));
  stops.push(dynamo.stop);
  say(`  DynamoDB Local      ${dynamo.endpoint}`);
  // The emulator on a port of its own; the relay on SES_PORT passes everything through and publishes send events.
  const ses = await startSes(0);
  stops.push(ses.stop);
  const relay = await startSesRelay(settings.sesPort, ses.endpoint, snsDelivery('kept-ses-events', EMAIL_EVENTS_HANDLER.handler).publish);
  stops.push(relay.stop);
  const sms = await startSms(settings.smsPort, '127.0.0.1', { publish: snsDelivery('kept-text-events', TEXT_EVENTS_HANDLER.handler).publish });
  stops.push(sms.stop);

  await publishKeys(settings);
  const created = await ensureTable(settings.tableName);
  const { store, surveys, claims } = dynamoStores(settings.tableName);
  const day = today();
  const firstStart = !(await store.getCouncil(settings.councilId));
  if (firstStart) {
    const seeded = await seedDemoCouncil(store, settings.councilId, day);
    await seedDemoCampaigns(surveys, settings.councilId, day);
    say(`  Seeded the demo council: ${seeded.staff} staff, ${seeded.children} children, ${seeded.facts} facts (table ${created})`);
  }

  const server = createApiServer([
    ...localSignInRoutes(settings, store),
    {
      method: 'GET',
      path: '/.well-known/jwks.json',
      respond: async (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(await publishKeys(settings)));
      },
    },
  ]);
  await listen(server, settings.port);
  stops.push(() => new Promise((r) => server.close(() => r())));

  const clocks = startClock(
    (name, result) => say(`  [clock] ${name}: ${JSON.stringify(result)}`),
    (name, error) => say(`  [clock] ${name} failed: ${(error as Error).message}`),
  );
  stops.push(async () => clocks.forEach((c) => c.stop()));

  // One sweep now, whatever the day, so the demo inbox has something in it; markers make a rerun send nothing twice.
  const report = await runSweep({ store, claims, councilId: settings.councilId, today: day, send: sesSender(), appUrl: process.env.APP_URL!, anyDay: true });
  const dispatch = await runSurveyDispatch({ store, surveys, claims, councilId: settings.councilId, today: day, send: sesSender(), sendText: smsSender(), appUrl: process.env.APP_URL! });
  if (firstStart) await seedDemoAnswers(store, surveys, settings.councilId, day);

  say('');
  say(`Kept is running for ${day}${process.env.KEPT_TODAY ? ' (pinned by KEPT_TODAY)' : ''}.`);
  say(`  API                 http://localhost:${settings.port}   (try http://localhost:${settings.port}/health)`);
  say(`  Inbox (SES)         http://localhost:${settings.sesPort}   – every email Kept sends`);
  say(`  Texts (SMS)         http://localhost:${settings.smsPort}   – every text Kept sends`);
  say(`  First sweep         ${report.sent} digest(s) sent, ${report.alreadyClaimed} already sent today, ${report.itemsRead} item(s) due`);
 say(`  Surveys             ${dispatch.invited} invitation(s) sent (${dispatch.texts} by text); open one from either inbox to answer (links go to http://localhost:${settings.port}/s/…)`);
  say(`  Schedules           ${SCHEDULES.map((s) => `${s.name} ${s.cron} ${s.timezone}`).join('; ')}`);
  say(`  Leads' view         http://localhost:${settings.port}/reports   (sign in as the head of service)`);
  say(`  API token           TOKEN=$(npm run --silent token -- --role practitioner --staff sw-01)`);
  say(`                      curl -H "Authorization: Bearer $TOKEN" http://localhost:${settings.port}/me/due`);
  say('Press Ctrl-C to stop.');
} catch (error) {
  process.stderr.write(`Kept could not start: ${(error as Error).message}\n`);
  await stopAll(1);
}
