/**
 * A local Kept stack for one test file: its own table and council in the
 * shared DynamoDB Local, the shared SES emulator behind the file's own relay
 * (infra/local/sesEvents.ts) and the file's own SMS endpoint, both publishing
 * their send events to the event handlers, the real HTTP server and handlers,
 * and tokens from the local issuer.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { inject, onTestFinished } from 'vitest';
import type { Role } from '#domain/principal.js';
import { applyLocalEnvironment, type LocalSettings } from '#local/settings.js';
import { publishKeys, signLocalToken } from '#local/issuer.js';
import { ensureTable } from '#local/table.js';
import { createApiServer, listen } from '#local/server.js';
import { localSignInRoutes } from '#local/signIn.js';
import { clearInbox, receivedEmails, type ReceivedEmail } from '#local/services.js';
import { type ReceivedText, receivedTexts, startSms } from '#local/sms.js';
import { startSesRelay } from '#local/sesEvents.js';
import { snsDelivery } from '#local/snsDelivery.js';
import { EMAIL_EVENTS_HANDLER, TEXT_EVENTS_HANDLER } from '#infra/topology.js';
import { dynamoStores } from '#store/dynamo/stores.js';
import type { Stores } from '#store/ports/stores.js';
import type { Staff } from '#domain/people.js';
import type { CouncilSettings } from '#store/ports/councils.js';
import { forgetCouncils } from '#services/council.js';

/** The file's council and table, its stores (the same adapters the handlers use), and the running API. */
export interface TestStack extends Stores {
  councilId: string;
  tableName: string;
  baseUrl: string;
  sesEndpoint: string;
  /** This file's own local SMS endpoint (infra/local/sms.ts). */
  smsEndpoint: string;
  token(role: Role, staffId: string, councilId?: string): Promise<string>;
  call(method: string, path: string, options?: { token?: string; body?: unknown; raw?: string }): Promise<{ status: number; body: any; text: string; headers: Headers }>;
  /** Emails the emulator holds for this file's council (addresses are per council). */
  inbox(): Promise<ReceivedEmail[]>;
  /** Texts this file's SMS endpoint has received. */
  texts(): Promise<ReceivedText[]>;
  /** Waits until the send events of every email and text accepted so far have been handled (as SNS would deliver them). */
  events(): Promise<void>;
  /**
   * For the rest of the running test, the API serves another council
   * (COUNCIL_ID), as that council's own stack would: a stack refuses tokens of
   * any council but its own.
   */
  serveCouncil(councilId: string): void;
  stop(): Promise<void>;
}

let counter = 0;

export async function startTestStack(name: string, options: { dynamoEndpoint?: string; localSignIn?: boolean } = {}): Promise<TestStack> {
  const councilId = `${name}-${process.pid}-${counter++}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  const emailEvents = snsDelivery('kept-ses-events', EMAIL_EVENTS_HANDLER.handler);
  const textEvents = snsDelivery('kept-text-events', TEXT_EVENTS_HANDLER.handler);
  const sms = await startSms(0, '127.0.0.1', { publish: textEvents.publish });
  const ses = await startSesRelay(0, `http://127.0.0.1:${inject('sesPort')}`, emailEvents.publish);
  const settings: LocalSettings = {
    port: 0,
    sesPort: ses.port,
    smsPort: sms.port,
    dynamoPort: inject('dynamoPort'),
    dataDir: mkdtempSync(join(tmpdir(), 'kept-test-')),
    tableName: `kept-${councilId}`,
    councilId,
  };
  applyLocalEnvironment(settings);
  // In the file's own addresses, so inbox() holds what the safeguarding inbox is sent.
  process.env.SAFEGUARDING_EMAIL = `safeguarding@${councilId}.test`;
  // A fault test puts a proxy between the handlers and DynamoDB Local.
  if (options.dynamoEndpoint) process.env.AWS_ENDPOINT_URL_DYNAMODB = options.dynamoEndpoint;
  process.env.KEPT_LOG = 'silent';
  process.env.MAIL_RATE_PER_SECOND = '0';
  process.env.SMS_RATE_PER_SECOND = '0';
  forgetCouncils();
  await publishKeys(settings);
  await ensureTable(settings.tableName);
  const { table: _table, ...stores } = dynamoStores(settings.tableName);
  // With `localSignIn`, the local sign-in page npm start serves is there too.
  const server: Server = createApiServer(options.localSignIn ? localSignInRoutes(settings, stores.store) : []);
  const port = await listen(server, 0);
  const baseUrl = `http://127.0.0.1:${port}`;
  process.env.APP_URL = baseUrl;
  const sesEndpoint = `http://127.0.0.1:${settings.sesPort}`;
  return {
    ...stores,
    councilId,
    tableName: settings.tableName,
    baseUrl,
    sesEndpoint,
    smsEndpoint: sms.endpoint,
    token: (role, staffId, council = councilId) => signLocalToken(settings, { role, staffId, councilId: council }),
    async call(method, path, options = {}) {
      const headers: Record<string, string> = {};
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined;
      if (options.raw !== undefined) body = options.raw;
      else if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] = 'application/json';
      }
      const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return { status: response.status, body: parsed, text, headers: response.headers };
    },
    async inbox() {
      return (await receivedEmails(sesEndpoint)).filter((e) => e.destination.to.some((to) => to.endsWith(`@${councilId}.test`)));
    },
    texts: () => receivedTexts(sms.endpoint),
    async events() {
      await Promise.all([emailEvents.settled(), textEvents.settled()]);
    },
    serveCouncil(other) {
      process.env.COUNCIL_ID = other;
      onTestFinished(() => void (process.env.COUNCIL_ID = councilId));
    },
    stop: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await Promise.all([emailEvents.settled(), textEvents.settled()]);
      await sms.stop();
      await ses.stop();
    },
  };
}

/** A small council: an admin, a lead, two managers, three practitioners. */
export function testStaff(councilId: string): Staff[] {
  const at = (id: string) => `${id}@${councilId}.test`;
  return [
    { councilId, id: 'admin-1', name: 'Ada Admin', email: at('admin-1'), role: 'admin' },
    { councilId, id: 'lead-1', name: 'Lee Lead', email: at('lead-1'), role: 'lead' },
    { councilId, id: 'tm-1', name: 'Mo Manager', email: at('tm-1'), role: 'manager', managerId: 'lead-1' },
    { councilId, id: 'tm-2', name: 'Meg Manager', email: at('tm-2'), role: 'manager', managerId: 'lead-1' },
    { councilId, id: 'sw-1', name: 'Sue Worker', email: at('sw-1'), role: 'practitioner', managerId: 'tm-1' },
    { councilId, id: 'sw-2', name: 'Sid Worker', email: at('sw-2'), role: 'practitioner', managerId: 'tm-1' },
    { councilId, id: 'sw-3', name: 'Sal Worker', email: at('sw-3'), role: 'practitioner', managerId: 'tm-2' },
  ];
}

export { clearInbox };

/**
 * Tokens for members of testStaff, each signed with the role testStaff gives
 * them, for the file's council: `{ name: staffId }` in, `{ name: token }` out.
 */
export async function staffTokens<K extends string>(stack: TestStack, staffIds: Record<K, string>): Promise<Record<K, string>> {
  const staff = testStaff(stack.councilId);
  const tokens = {} as Record<K, string>;
  for (const [name, id] of Object.entries(staffIds) as [K, string][]) {
    const member = staff.find((s) => s.id === id);
    if (!member) throw new Error(`${id} is not one of testStaff`);
    tokens[name] = await stack.token(member.role, id);
  }
  return tokens;
}

/** A test stack holding one council, Test Borough (with whatever else of the council is given), with testStaff in it. */
export async function startCouncilStack(
  name: string,
  options: { dynamoEndpoint?: string; localSignIn?: boolean; council?: Omit<CouncilSettings, 'id' | 'name'> } = {},
): Promise<TestStack> {
  const { council, ...stackOptions } = options;
  const stack = await startTestStack(name, stackOptions);
  await stack.store.putCouncil({ id: stack.councilId, name: 'Test Borough', ...council });
  for (const s of testStaff(stack.councilId)) await stack.store.createStaff(s);
  return stack;
}
