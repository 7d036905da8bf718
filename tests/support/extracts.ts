/**
 * What the case-system extract tests share: the demo council's invented SSD
 * extract, the two social workers it names (sw-01, sw-02, as the demo
 * council calls them), the table's keys for "nothing was written" checks,
 * and the nightly import's handler reading the S3 stand-in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, S3ObjectCreatedNotificationEvent } from 'aws-lambda';
import { afterAll, beforeAll } from 'vitest';
import { startCouncilStack, type TestStack } from './stack.js';
import { startS3StandIn, type S3StandIn } from './s3.js';
import { scanKeys } from './probe.js';

export const SSD_FIXTURES = join(import.meta.dirname, '../fixtures/ssd');

/** The demo SSD extract's files by name. */
export const ssdFiles = (): Map<string, string> => new Map(readdirSync(SSD_FIXTURES).map((f) => [f, readFileSync(join(SSD_FIXTURES, f), 'utf8')]));

export async function addExtractWorkers(stack: TestStack): Promise<void> {
  for (const id of ['sw-01', 'sw-02']) {
    await stack.store.createStaff({ councilId: stack.councilId, id, name: `Worker ${id}`, email: `${id}@${stack.councilId}.test`, role: 'practitioner', managerId: 'tm-1' });
  }
}

/** Every key in the stack's table, as `pk|sk`, sorted. */
export const tableKeys = async (stack: TestStack): Promise<string[]> => (await scanKeys(stack.tableName)).map((k) => `${k.pk}|${k.sk}`).sort();

export type ExtractHandler = (event: S3ObjectCreatedNotificationEvent, context: Context) => Promise<{ imported: string | null }>;

export interface NightlyRig {
  stack: TestStack;
  s3: S3StandIn;
  handler: ExtractHandler;
  stop(): Promise<void>;
}

/** A council stack with the extract's workers, the S3 stand-in as S3, and events/extractArrived's handler, on 1 December 2026. */
export async function startNightlyRig(name: string): Promise<NightlyRig> {
  const s3 = await startS3StandIn();
  process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
  process.env.KEPT_TODAY = '2026-12-01';
  const stack = await startCouncilStack(name);
  await addExtractWorkers(stack);
  const { handler } = await import('#functions/events/extractArrived.js');
  return {
    stack,
    s3,
    handler,
    async stop() {
      await stack.stop();
      await s3.stop();
      delete process.env.AWS_ENDPOINT_URL_S3;
    },
  };
}

/** Starts the rig before the file's tests (handing it to `got`) and stops it after them. */
export function useNightlyRig(name: string, got: (rig: NightlyRig) => void): void {
  let rig: NightlyRig | undefined;
  beforeAll(async () => {
    rig = await startNightlyRig(name);
    got(rig);
  });
  afterAll(() => rig?.stop());
}

export const EXTRACT_BUCKET = 'kept-extracts-test';

/** Puts an extract's files into `folder` of the rig's bucket. */
export function uploadExtract(rig: NightlyRig, folder: string, files: ReadonlyMap<string, string>): void {
  for (const [name, text] of files) rig.s3.objects.set(`${EXTRACT_BUCKET}/${folder}/${name}`, text);
}

/** The marker lands (listing `listed`, or empty): the handler runs on its event, as EventBridge would start it. */
export function markerArrives(rig: NightlyRig, folder: string, listed = ''): ReturnType<ExtractHandler> {
  rig.s3.objects.set(`${EXTRACT_BUCKET}/${folder}/_complete`, listed);
  const event = { detail: { bucket: { name: EXTRACT_BUCKET }, object: { key: `${folder}/_complete` } } } as unknown as S3ObjectCreatedNotificationEvent;
  return rig.handler(event, { functionName: 'extractArrived', awsRequestId: `test-${folder}`, getRemainingTimeInMillis: () => 900_000 } as unknown as Context);
}

/** The `_report.json` the import wrote beside the extract. */
export const reportOf = (rig: NightlyRig, folder: string): Record<string, any> => JSON.parse(rig.s3.objects.get(`${EXTRACT_BUCKET}/${folder}/_report.json`)!) as Record<string, any>;
