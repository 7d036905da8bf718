/** The local stack a benchmark runs against: DynamoDB Local, the SES emulator and the API server, on free ports. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyLocalEnvironment, type LocalSettings } from '#local/settings.js';
import { startDynamo, startSes } from '#local/services.js';
import { createApiServer, listen } from '#local/server.js';
import { publishKeys } from '#local/issuer.js';
import { freePort } from '#tests/support/ports.js';

export async function startBenchStack(tableName: string, councilId: string, today: string) {
  const [dynamoPort, sesPort] = [await freePort(), await freePort()];
  const settings: LocalSettings = { port: 0, sesPort, smsPort: await freePort(), dynamoPort, dataDir: mkdtempSync(join(tmpdir(), 'kept-bench-')), tableName, councilId };
  applyLocalEnvironment(settings);
  await publishKeys(settings);
  process.env.KEPT_LOG = 'silent';
  process.env.KEPT_TODAY = today;
  const [dynamo, ses] = await Promise.all([startDynamo(dynamoPort), startSes(sesPort)]);
  const server = createApiServer();
  const port = await listen(server, 0);
  return { settings, dynamo, ses, server, base: `http://127.0.0.1:${port}` };
}
