/**
 * How a Kept function is bundled for Lambda, in one place: the CDK construct
 * (infra/cdk/constructs/keptFunction.ts) passes these settings to
 * NodejsFunction, and `npm run bench -- bundles` hands the same ones to
 * esbuild directly, so the figures it prints are those of what is deployed.
 * No aws-cdk-lib here: the bench imports this module.
 */
import { resolve } from 'node:path';
import type { BuildOptions } from 'esbuild';

/** The Node.js major version of the Lambda runtime (nodejs24.x): the construct picks that runtime, esbuild targets it. */
export const NODE_MAJOR = 24;
export const ESBUILD_TARGET = `node${NODE_MAJOR}`;

/**
 * ESM bundles of the AWS SDK call `require('node:https')` and friends, which
 * esbuild's ESM output cannot satisfy ("Dynamic require of node:https is not
 * supported"); give the bundle a real `require`.
 */
export const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** Prefer packages' ESM builds, which tree-shake. */
export const MAIN_FIELDS = ['module', 'main'];

/**
 * Modules esbuild must leave alone in a web bundle: Nunjucks requires
 * chokidar only to watch templates (never in Lambda), and chokidar may pull
 * in the macOS-only fsevents.
 */
export const WEB_EXTERNAL_MODULES = ['chokidar', 'fsevents'];

/** Everything that decides how one function is bundled. */
export interface FunctionBundling {
  /** The handler module's source: functions/<handler>.ts. */
  entry: string;
  tsconfig: string;
  target: string;
  format: 'esm';
  minify: boolean;
  /** An external source map (index.mjs.map), without the sources: NODE_OPTIONS=--enable-source-maps reads it. */
  sourcemap: boolean;
  sourcesContent: boolean;
  mainFields: string[];
  banner: string;
  /** Left out of the bundle: a function that renders pages (topology.ts `uses.web`) leaves out the template watchers. */
  external: string[];
}

/**
 * How the function for `handler` is bundled: ESM for the runtime's Node,
 * minified, the SDK clients bundled and tree-shaken rather than taken from
 * the runtime (pinned versions, and only what is used).
 */
export function functionBundling(projectRoot: string, handler: string, web: boolean): FunctionBundling {
  return {
    entry: resolve(projectRoot, 'functions', `${handler}.ts`),
    tsconfig: resolve(projectRoot, 'tsconfig.json'),
    target: ESBUILD_TARGET,
    format: 'esm',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    mainFields: MAIN_FIELDS,
    banner: ESM_REQUIRE_BANNER,
    external: web ? [...WEB_EXTERNAL_MODULES] : [],
  };
}

/** The same bundling as options for esbuild's own API (what NodejsFunction passes on its command line). */
export function esbuildOptions(projectRoot: string, bundling: FunctionBundling, outfile: string): BuildOptions {
  return {
    entryPoints: [bundling.entry],
    outfile,
    absWorkingDir: projectRoot,
    bundle: true,
    platform: 'node',
    format: bundling.format,
    target: bundling.target,
    minify: bundling.minify,
    sourcemap: bundling.sourcemap,
    sourcesContent: bundling.sourcesContent,
    mainFields: bundling.mainFields,
    banner: { js: bundling.banner },
    external: bundling.external,
    tsconfig: bundling.tsconfig,
    logLevel: 'warning',
  };
}
