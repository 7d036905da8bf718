/**
 * The app the stack tests synthesize (tests/infra/stack/synth.ts) and what
 * they check it against: the context `cdk synth` uses (cdk.json) and the
 * handlers infra/topology.ts declares.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { PROJECT_ROOT } from '#cdk/keptApp.js';
import { WEB_DIRECTORIES } from '#cdk/constructs/webFiles.js';
import { EMAIL_EVENTS_HANDLER, EXPORT_JOB_HANDLER, EXTRACT_IMPORT_HANDLER, ROUTES, type RouteDeclaration, SCHEDULES, TEXT_EVENTS_HANDLER } from '#infra/topology.js';

export type Json = Record<string, any>;

const cdkJson = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Json };
/** The context `cdk synth` runs with, and the app mode that makes synth throw on validation failures. */
export const SMS_IDENTITY = 'arn:aws:sms-voice:eu-west-2:123456789012:sender-id/KeptDemo/GB';
export const SAFEGUARDING_EMAIL = 'safeguarding@kept.example.org';
export const context: Json = { ...cdkJson.context, smsOriginationIdentity: SMS_IDENTITY, safeguardingEmail: SAFEGUARDING_EMAIL, '@aws-cdk/core:appMode': 'inmemory' };

type Uses = RouteDeclaration['uses'];
/** One entry per handler module; a handler named by several routes needs what any of them says it uses. */
export const HANDLERS: { handler: string; uses: Uses }[] = [];
for (const { handler, uses } of [...ROUTES, ...SCHEDULES, EMAIL_EVENTS_HANDLER, TEXT_EVENTS_HANDLER, EXTRACT_IMPORT_HANDLER, EXPORT_JOB_HANDLER] as { handler: string; uses: Uses }[]) {
  const seen = HANDLERS.find((h) => h.handler === handler);
  if (!seen) HANDLERS.push({ handler, uses: { ...uses } });
  else {
    if (uses.table === 'write' || !seen.uses.table) seen.uses.table = uses.table ?? seen.uses.table;
    seen.uses.email ||= uses.email;
    seen.uses.text ||= uses.text;
    seen.uses.web ||= uses.web;
    seen.uses.surveySourceSecret ||= uses.surveySourceSecret;
    seen.uses.extracts ||= uses.extracts;
  }
}
export const WEB_HANDLERS = HANDLERS.filter((h) => h.uses.web).map((h) => h.handler);
export const WEB_KEYS = Object.keys(WEB_DIRECTORIES);

/** The newest nodejsNN.x runtime this aws-cdk-lib knows, computed rather than restated. */
export const NEWEST_NODE = Object.values(lambda.Runtime)
  .filter((r): r is lambda.Runtime => r instanceof lambda.Runtime && /^nodejs\d+\.x$/.test(r.name))
  .map((r) => r.name)
  .sort((a, b) => Number(/\d+/.exec(b)![0]) - Number(/\d+/.exec(a)![0]))[0];
