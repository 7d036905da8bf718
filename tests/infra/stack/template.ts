/**
 * The stack as synthesized once by tests/infra/stack/synth.ts: its template,
 * its resources, its construct metadata, and the queries the stack tests
 * share. A test that needs an app of its own makes one in `outdir()`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { expect, inject } from 'vitest';
import { handlerId } from '#cdk/keptStack.js';
import type { Json } from './app.js';

const assembly = inject('keptAssembly');
/** The cdk.out directory of the synthesized app. */
export const assemblyDir = assembly.directory;
/** The construct path of the stack (`Kept-<council>`). */
export const stackPath = assembly.stackPath;

const manifest = JSON.parse(readFileSync(path.join(assemblyDir, 'manifest.json'), 'utf8')) as Json;
const artifact = manifest.artifacts[assembly.artifactId] as Json;
export const template = Template.fromJSON(JSON.parse(readFileSync(path.join(assemblyDir, artifact.properties.templateFile as string), 'utf8')) as Json);
export const resources = template.toJSON().Resources as Record<string, Json>;

/** The metadata every construct of the stack carried into the assembly, by construct path (without the leading /). */
const metadata = (artifact.metadata ??
  JSON.parse(readFileSync(path.join(assemblyDir, artifact.additionalMetadataFile as string), 'utf8'))) as Record<string, { type: string; data: unknown }[]>;
export const metadataEntries = (type: string): { path: string; data: unknown }[] =>
  Object.entries(metadata).flatMap(([at, entries]) => entries.filter((e) => e.type === type).map((e) => ({ path: at.replace(/^\//, ''), data: e.data })));

export const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
/** The logical id of the one resource of a type. */
export const onlyId = (type: string): string => {
  const ids = ofType(type).map(([id]) => id);
  expect(ids, type).toHaveLength(1);
  return ids[0]!;
};
export const functionIdOf = (handler: string): string => {
  const ids = ofType('AWS::Lambda::Function')
    .map(([id]) => id)
    .filter((id) => id.startsWith(`${handlerId(handler)}Fn`));
  expect(ids, `one function for ${handler}`).toHaveLength(1);
  return ids[0]!;
};
/** Every IAM statement attached to the role of a function. */
export const statementsOf = (functionId: string): Json[] => {
  const roleRef = resources[functionId]!.Properties.Role['Fn::GetAtt'][0] as string;
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties.Roles as Json[]).some((r) => r.Ref === roleRef))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[]);
};
export const actionsOf = (statements: Json[]) => statements.flatMap((s) => [s.Action].flat() as string[]);

const outdirs: string[] = [];
/** A fresh temporary directory, removed by `removeOutdirs`. */
export function outdir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kept-cdk-'));
  outdirs.push(dir);
  return dir;
}
export function removeOutdirs(): void {
  for (const dir of outdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
