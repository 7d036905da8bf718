/**
 * cdk-nag's AWS Solutions checks: the app synthesized once for
 * tests/infra/stack (synth.ts) passed them, with only known, explained
 * acknowledgements, and the checks really run on an app that breaks them.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeptApp } from '#cdk/keptApp.js';
import { PUBLIC_ROUTE_REASONS } from '#cdk/publicRoutes.js';
import { ROUTES, type RouteDeclaration } from '#infra/topology.js';
import { context } from './app.js';
import { assemblyDir, metadataEntries, outdir, removeOutdirs, stackPath } from './template.js';

afterAll(removeOutdirs);

describe('cdk-nag (AWS Solutions)', () => {
  it('reports no unacknowledged finding for the stack', () => {
    // synth() in synth.ts would have thrown on an error; the report shows no violation either.
    const report = JSON.parse(readFileSync(path.join(assemblyDir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; conclusion: string; violations: { ruleName: string; severity: string }[] }[];
    };
    const nag = report.pluginReports.filter((r) => r.pluginName === 'AwsSolutions');
    expect(nag.flatMap((r) => r.violations)).toEqual([]);
    expect(report.pluginReports.filter((r) => r.conclusion === 'failure')).toEqual([]);
  });

  it('acknowledges only known rules, each with a reason a reviewer can check', () => {
    // Every acknowledgement a construct of the stack carried into the assembly.
    const acknowledged = metadataEntries(Validations.ACKNOWLEDGED_RULES_METADATA_KEY).flatMap(({ path: at, data }) =>
      Object.entries(data as Record<string, string>).map(([id, reason]) => ({ path: at, id: id.replace(/^annotation::/i, ''), reason })),
    );
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const ack of acknowledged) {
      expect(ack.id, ack.path).toMatch(
        /^AwsSolutions-(APIG4|SQS3|SMG4|S1|IAM5\[Resource::\*\]|IAM5\[Resource::<Table[A-Z0-9]+\.Arn>\/index\/\*\]|IAM5\[Resource::<[A-Za-z0-9]+Fn[A-Z0-9]+\.Arn>:\*\]|IAM5\[Resource::<ExtractsBucket[A-Z0-9]+\.Arn>\/ssd(a903)?\/\*(\/_report\.json)?\])$/,
      );
      expect(ack.reason.length, ack.id).toBeGreaterThan(60);
    }
    // Only the export job's role may list streams (an action with no resource-level permissions).
    expect(acknowledged.filter((a) => a.id === 'AwsSolutions-IAM5[Resource::*]').map((a) => a.path)).toEqual([`${stackPath}/JobsAnnexAExport/Role`]);
    // Only the extract bucket's access-log bucket goes without access logs of its own.
    expect(acknowledged.filter((a) => a.id === 'AwsSolutions-S1').map((a) => a.path)).toEqual([`${stackPath}/Extracts/AccessLogs`]);
    // The public routes, and no others, are acknowledged as unauthorised, each with its own reason.
    const publicRoutes = acknowledged.filter((a) => a.id === 'AwsSolutions-APIG4');
    const declaredPublic = ROUTES.filter((r) => !r.auth).map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes).toHaveLength(declaredPublic.length);
    for (const key of declaredPublic) {
      const ack = publicRoutes.filter((a) => a.reason.startsWith(`${key} is public by design`));
      expect(ack, key).toHaveLength(1);
      expect(ack[0]!.reason, key).toContain(PUBLIC_ROUTE_REASONS[key]);
    }
    expect(Object.keys(PUBLIC_ROUTE_REASONS).sort(), 'no reasons left for routes that are gone or protected').toEqual(
      declaredPublic.sort(),
    );
  });

  it('will not let a new public route through without a written reason', () => {
    const routes = ROUTES as RouteDeclaration[];
    routes.push({ method: 'GET', path: '/unexplained', handler: 'api/health', auth: false, uses: {} });
    try {
      expect(() =>
        createKeptApp({ context: { ...context, 'aws:cdk:bundling-stacks': [] }, outdir: outdir() }),
      ).toThrow(/GET \/unexplained has auth: false .* no reason in PUBLIC_ROUTE_REASONS/);
    } finally {
      routes.pop();
    }
  });

  it('does run: the same app with a careless queue added fails to synthesize', () => {
    // Skip bundling: this app only needs its construct tree checked.
    const { app, stack: careless } = createKeptApp({
      context: { ...context, 'aws:cdk:bundling-stacks': [] },
      outdir: outdir(),
    });
    new sqs.Queue(careless, 'CarelessQueue');
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
  });

  it('does run on any app it is added to, and honours acknowledgements', () => {
    const failing = new App({ outdir: outdir(), context: { '@aws-cdk/core:appMode': 'inmemory' } });
    Validations.of(failing).addPlugins(new AwsSolutionsChecks(failing));
    new sqs.Queue(new Stack(failing, 'Throwaway'), 'Queue');
    let message = '';
    try {
      failing.synth();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/AwsSolutions-SQS3/); // no dead-letter queue
    expect(message).toMatch(/AwsSolutions-SQS4/); // no SSL-only policy

    const acknowledged = new App({ outdir: outdir(), context: { '@aws-cdk/core:appMode': 'inmemory' } });
    Validations.of(acknowledged).addPlugins(new AwsSolutionsChecks(acknowledged));
    const queue = new sqs.Queue(new Stack(acknowledged, 'Throwaway'), 'Queue');
    Validations.of(queue).acknowledge(
      { id: 'AwsSolutions-SQS3', reason: 'test: a queue with no dead-letter queue, deliberately' },
      { id: 'AwsSolutions-SQS4', reason: 'test: a queue without an SSL-only policy, deliberately' },
    );
    expect(() => acknowledged.synth()).not.toThrow();
  });
});
