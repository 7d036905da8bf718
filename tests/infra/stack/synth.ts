/**
 * Global set-up of the `stack` test project: synthesizes the CDK app once for
 * every tests/infra/stack file, with the context `cdk synth` uses and the
 * cdk-nag AWS Solutions checks (synth throws on an unacknowledged finding),
 * and hands the files the cloud assembly's directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createKeptApp } from '#cdk/keptApp.js';
import { context } from './app.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The synthesized app: its cdk.out directory, the stack's artifact id and construct path. */
    keptAssembly: { directory: string; artifactId: string; stackPath: string };
  }
}

export default function setup(project: TestProject) {
  const outdir = mkdtempSync(path.join(tmpdir(), 'kept-cdk-'));
  const { app, stack } = createKeptApp({ context, outdir });
  // Bundles every handler with esbuild and runs cdk-nag; throws on an unacknowledged finding.
  const directory = app.synth().directory;
  project.provide('keptAssembly', { directory, artifactId: stack.artifactId, stackPath: stack.node.path });
  return () => rmSync(outdir, { recursive: true, force: true });
}
