/**
 * The functions that render pages (uses.web), in the app synthesized once for
 * tests/infra/stack (synth.ts): their views, templates and assets beside the
 * bundle, and the bundles run from cdk.out as Lambda would run them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '#cdk/keptApp.js';
import { KeptFunction } from '#cdk/constructs/keptFunction.js';
import { LAMBDA_TASK_ROOT } from '#cdk/constructs/webFiles.js';
import { context, HANDLERS, type Json, WEB_HANDLERS, WEB_KEYS } from './app.js';
import { assemblyDir, functionIdOf, outdir, removeOutdirs, resources } from './template.js';

afterAll(removeOutdirs);

describe('the functions that render pages (uses.web)', () => {
  /** The cdk.out directory of a function's code: asset.<hash> for Code.S3Key <hash>.zip. */
  const assetDirOf = (handler: string): string => {
    const key = resources[functionIdOf(handler)]!.Properties.Code.S3Key as string;
    const dir = path.join(assemblyDir, `asset.${key.replace(/\.zip$/, '')}`);
    expect(existsSync(path.join(dir, 'index.mjs')), dir).toBe(true);
    return dir;
  };
  const variablesOf = (handler: string) => resources[functionIdOf(handler)]!.Properties.Environment.Variables as Json;

  /**
   * Runs a bundled handler from cdk.out in a fresh Node process, as Lambda
   * would: its own environment from the template, with /var/task standing
   * for the asset directory, outside the repository (no node_modules to
   * fall back on).
   */
  const invoke = (handler: string, event: Json): Json => {
    const dir = assetDirOf(handler);
    const variables = variablesOf(handler);
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-2', NODE_NO_WARNINGS: '1' };
    for (const [key, value] of Object.entries(variables)) {
      if (typeof value === 'string') env[key] = value.startsWith(`${LAMBDA_TASK_ROOT}/`) ? path.join(dir, value.slice(LAMBDA_TASK_ROOT.length + 1)) : value;
    }
    env.APP_URL = context.appUrl as string;
    env.TABLE_NAME = 'kept-test-not-used';
    const script = `
      const { handler } = await import(${JSON.stringify(pathToFileURL(path.join(dir, 'index.mjs')).href)});
      const result = await handler(${JSON.stringify(event)}, {});
      console.log();
      console.log('RESULT ' + JSON.stringify(result));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, env, encoding: 'utf8', timeout: 20_000 });
    const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    expect(line, `${handler} printed no result; exit ${run.status}\n${run.stderr}\n${run.stdout}`).toBeDefined();
    return JSON.parse(line!.slice('RESULT '.length)) as Json;
  };

  it('include the survey pages and their assets', () => {
    expect(WEB_HANDLERS).toEqual(expect.arrayContaining(['web/assets', 'web/survey']));
  });

  it('are told where their views, GOV.UK Frontend templates and assets are, under the task root', () => {
    for (const handler of WEB_HANDLERS) {
      expect(variablesOf(handler), handler).toMatchObject({
        KEPT_VIEWS_DIR: `${LAMBDA_TASK_ROOT}/views`,
        GOVUK_FRONTEND_DIR: `${LAMBDA_TASK_ROOT}/govuk-frontend`,
        KEPT_ASSETS_DIR: `${LAMBDA_TASK_ROOT}/assets`,
      });
    }
    for (const { handler } of HANDLERS.filter((h) => !h.uses.web)) {
      for (const key of WEB_KEYS) expect(variablesOf(handler)[key], `${handler} ${key}`).toBeUndefined();
    }
  });

  it('have those files beside the bundle, and GOV.UK Frontend only as far as the pages need it', () => {
    for (const handler of WEB_HANDLERS) {
      const dir = assetDirOf(handler);
      for (const file of [
        'views/layout.njk',
        'views/message.njk',
        'govuk-frontend/govuk/template.njk',
        'govuk-frontend/govuk/components/button/macro.njk',
        'govuk-frontend/govuk/components/button/template.njk',
        'govuk-frontend/govuk/macros/attributes.njk',
        'govuk-frontend/govuk/govuk-frontend.min.js',
        'assets/kept.css',
        'assets/init.js',
      ]) {
        expect(existsSync(path.join(dir, file)), `${handler}: ${file}`).toBe(true);
      }
      expect(readFileSync(path.join(dir, 'assets/kept.css'), 'utf8')).toBe(
        readFileSync(path.join(PROJECT_ROOT, 'shared/web/assets/kept.css'), 'utf8'),
      );
      // Not the Sass, the compiled CSS or the unminified bundles of dist/govuk.
      expect(existsSync(path.join(dir, 'govuk-frontend/govuk/index.scss')), handler).toBe(false);
      expect(existsSync(path.join(dir, 'govuk-frontend/govuk/all.bundle.js')), handler).toBe(false);
    }
    for (const { handler } of HANDLERS.filter((h) => !h.uses.web)) {
      expect(existsSync(path.join(assetDirOf(handler), 'views')), handler).toBe(false);
    }
  });

  it('have Nunjucks bundled in, not required at run time', () => {
    for (const handler of WEB_HANDLERS) {
      const bundle = readFileSync(path.join(assetDirOf(handler), 'index.mjs'), 'utf8');
      expect(bundle, handler).toContain('FileSystemLoader');
      expect(bundle, handler).not.toMatch(/\(\s*["']nunjucks["']\s*\)|from\s*["']nunjucks["']/);
    }
  });

  it('serve kept.css and GOV.UK Frontend\'s script from the deployed asset (web/assets run from cdk.out)', () => {
    const css = invoke('web/assets', { pathParameters: { file: 'kept.css' } });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.body).toBe(readFileSync(path.join(PROJECT_ROOT, 'shared/web/assets/kept.css'), 'utf8'));
    const script = invoke('web/assets', { pathParameters: { file: 'govuk-frontend.min.js' } });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.body.length).toBeGreaterThan(1000);
    expect(invoke('web/assets', { pathParameters: { file: '../index.mjs' } }).statusCode).toBe(404);
  });

  it('render a page through the GOV.UK template, with a cookie, from the deployed asset (web/survey run from cdk.out)', () => {
    // A token that cannot be a link is answered without the table (here unreachable): the council's name falls back to Kept.
    const page = invoke('web/survey', {
      pathParameters: { token: 'not-a-link' },
      requestContext: { http: { method: 'GET' } },
      headers: {},
    });
    expect(page.statusCode, page.body).toBe(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('We cannot find this survey');
    expect(page.body).toContain('class="govuk-template"'); // govuk/template.njk
    expect(page.body).toContain('/assets/kept.css'); // views/layout.njk
    expect(page.cookies).toEqual([expect.stringMatching(/^kept_csrf=[^;]+; Path=\/s\/; HttpOnly; SameSite=Strict; Secure$/)]);
  });

  it('stop the synth, saying what to run, when kept.css has not been built', () => {
    const root = outdir();
    for (const [file, text] of [
      ['shared/web/views/layout.njk', ''],
      ['shared/web/assets/init.js', ''],
      ['node_modules/govuk-frontend/package.json', '{"name":"govuk-frontend"}'],
      ['node_modules/govuk-frontend/dist/govuk/template.njk', ''],
    ] as const) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    const make = () =>
      new KeptFunction(new Stack(new App({ outdir: outdir() }), 'Bare'), 'Page', {
        projectRoot: root,
        handler: 'web/survey',
        environment: {},
        timeout: Duration.seconds(3),
        memorySize: 128,
        logRetention: RetentionDays.ONE_DAY,
        web: true,
      });
    expect(make).toThrow(/shared\/web\/assets\/kept\.css is missing.*npm run build:css/);
  });
});
