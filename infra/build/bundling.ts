/**
 * How a Kept function is bundled for Lambda, in one place: the CDK construct
 * (infra/cdk/constructs/bundledCode.ts) runs esbuild with these options, and
 * `npm run bench -- bundles` runs it with the same ones, so the figures it
 * prints are those of what is deployed. No aws-cdk-lib here: the bench
 * imports this module.
 */
import { resolve } from 'node:path';
import type { BuildOptions, Metafile } from 'esbuild';

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

/** The file Lambda loads (handler `index.handler`); chunks go under chunks/. */
export const ENTRY_FILE = 'index.mjs';

/** Everything that decides how one function is bundled. */
export interface FunctionBundling {
  /** The handler module's source: functions/<handler>.ts. */
  entry: string;
  tsconfig: string;
  target: string;
  format: 'esm';
  minify: boolean;
  /** An external source map per output file, without the sources: NODE_OPTIONS=--enable-source-maps reads it. */
  sourcemap: boolean;
  sourcesContent: boolean;
  mainFields: string[];
  banner: string;
  /** Left out of the bundle: a function that renders pages (topology.ts `uses.web`) leaves out the template watchers. */
  external: string[];
  /**
   * What a dynamic `import()` loads goes to a chunk of its own, loaded only
   * when that import runs. The SDK loads this way what most calls never need
   * (the credential providers after the environment's, their STS, SSO and
   * sign-in clients, the event-stream codec), so a function loads at start
   * only what it uses.
   */
  splitting: boolean;
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
    splitting: true,
  };
}

/** The same bundling as options for esbuild's API, writing `index.mjs` and its chunks into `outdir`. */
export function esbuildOptions(projectRoot: string, bundling: FunctionBundling, outdir: string): BuildOptions {
  return {
    entryPoints: { index: bundling.entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: bundling.splitting,
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

/** A bundle's JavaScript in bytes: what importing its entry loads (the entry and the chunks it imports statically), and all of it. */
export interface BundleBytes {
  atStart: number;
  all: number;
  /** The output files loaded at start. */
  loaded: string[];
}

/** Measures a bundle from esbuild's metafile (`entry` is the entry's output path as the metafile names it). */
export function bundleBytes(metafile: Metafile, entry: string): BundleBytes {
  const { outputs } = metafile;
  const loaded = new Set<string>();
  const load = (path: string) => {
    if (loaded.has(path) || !outputs[path]) return;
    loaded.add(path);
    for (const imported of outputs[path].imports) if (imported.kind === 'import-statement') load(imported.path);
  };
  load(entry);
  const js = Object.keys(outputs).filter((path) => path.endsWith('.mjs'));
  const sum = (paths: Iterable<string>) => [...paths].reduce((total, path) => total + outputs[path]!.bytes, 0);
  return { atStart: sum(loaded), all: sum(js), loaded: [...loaded] };
}
