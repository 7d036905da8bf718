/**
 * What a function that renders pages (topology.ts `uses.web`) needs beside
 * its bundle, and where it finds it at run time:
 *
 * - shared/web/views/ -> views/, KEPT_VIEWS_DIR
 * - govuk-frontend's dist/govuk (its *.njk and govuk-frontend.min.js only)
 *   -> govuk-frontend/govuk/, GOVUK_FRONTEND_DIR
 * - shared/web/assets/ (init.js, and kept.css built by `npm run build:css`)
 *   -> assets/, KEPT_ASSETS_DIR
 *
 * shared/web/render.ts loads templates from KEPT_VIEWS_DIR and
 * GOVUK_FRONTEND_DIR (`govuk/template.njk`, `govuk/components/...`);
 * shared/web/assets.ts and functions/web/assets.ts serve KEPT_ASSETS_DIR and
 * `<GOVUK_FRONTEND_DIR>/govuk/govuk-frontend.min.js`.
 *
 * The copies are made right after esbuild, into the same asset directory
 * (bundledCode.ts), so they are part of the bundled output and of its asset
 * hash: a changed view or stylesheet is a new deployment.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/** Where Lambda unpacks a function's code ($LAMBDA_TASK_ROOT). */
export const LAMBDA_TASK_ROOT = '/var/task';

/** Environment variable -> directory inside the function's asset. */
export const WEB_DIRECTORIES = {
  KEPT_VIEWS_DIR: 'views',
  GOVUK_FRONTEND_DIR: 'govuk-frontend',
  KEPT_ASSETS_DIR: 'assets',
} as const;

/** The environment a web function gets: absolute paths under the task root. */
export function webEnvironment(): Record<keyof typeof WEB_DIRECTORIES, string> {
  const entries = Object.entries(WEB_DIRECTORIES).map(([key, dir]) => [key, path.posix.join(LAMBDA_TASK_ROOT, dir)]);
  return Object.fromEntries(entries) as Record<keyof typeof WEB_DIRECTORIES, string>;
}

/** Where the copied files come from, relative to the project root (the bundling input directory). */
export interface WebFileSources {
  views: string;
  /** govuk-frontend's dist directory (holds govuk/). */
  govukFrontendDist: string;
  assets: string;
}

/** Locates the sources; govuk-frontend is resolved the way Node would from the project root. */
export function webFileSources(projectRoot: string): WebFileSources {
  let govukFrontendDist: string;
  try {
    const pkg = createRequire(path.join(projectRoot, 'package.json')).resolve('govuk-frontend/package.json');
    govukFrontendDist = path.relative(projectRoot, path.join(path.dirname(pkg), 'dist'));
  } catch {
    govukFrontendDist = path.join('node_modules', 'govuk-frontend', 'dist');
  }
  return {
    views: path.join('shared', 'web', 'views'),
    govukFrontendDist,
    assets: path.join('shared', 'web', 'assets'),
  };
}

/**
 * Fails with a message saying what to run when a file the pages need is
 * missing: kept.css above all, which is built (`npm run build:css`, also run
 * by `npm install`) and not in git.
 */
export function assertWebFilesPresent(projectRoot: string, sources: WebFileSources = webFileSources(projectRoot)): void {
  const missing = (relative: string) => !existsSync(path.join(projectRoot, relative));
  const problems: string[] = [];
  if (missing(path.join(sources.views, 'layout.njk'))) {
    problems.push(`${path.join(sources.views, 'layout.njk')} is missing: the page templates should be in git.`);
  }
  if (missing(path.join(sources.govukFrontendDist, 'govuk', 'template.njk'))) {
    problems.push(`govuk-frontend is not installed (no ${path.join(sources.govukFrontendDist, 'govuk', 'template.njk')}): run \`npm install\`.`);
  }
  if (missing(path.join(sources.assets, 'kept.css'))) {
    problems.push(
      `${path.join(sources.assets, 'kept.css')} is missing: it is built from GOV.UK Frontend's Sass and not kept in git. Run \`npm run build:css\` (npm install runs it too), then synth again.`,
    );
  }
  if (missing(path.join(sources.assets, 'init.js'))) {
    problems.push(`${path.join(sources.assets, 'init.js')} is missing: it should be in git.`);
  }
  if (problems.length) {
    throw new Error(`Kept: the survey pages cannot be bundled.\n  ${problems.join('\n  ')}`);
  }
}

/** Single-quotes a path for bash. */
function sh(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The copy commands (bash, run by bundledCode.ts after esbuild). Only what
 * the pages use is copied from govuk-frontend:
 * its Nunjucks templates and its minified script, a few hundred KB rather
 * than the 9 MB of dist/govuk.
 */
export function copyWebFilesCommands(sources: WebFileSources, inputDir: string, outputDir: string): string[] {
  const from = (relative: string) => sh(path.posix.join(inputDir, relative.split(path.sep).join('/')));
  const to = (dir: string) => sh(path.posix.join(outputDir, dir));
  return [
    `mkdir -p ${to(WEB_DIRECTORIES.KEPT_VIEWS_DIR)} ${to(WEB_DIRECTORIES.GOVUK_FRONTEND_DIR)} ${to(WEB_DIRECTORIES.KEPT_ASSETS_DIR)}`,
    `cp -R ${from(sources.views)}/. ${to(WEB_DIRECTORIES.KEPT_VIEWS_DIR)}/`,
    `cp -R ${from(sources.assets)}/. ${to(WEB_DIRECTORIES.KEPT_ASSETS_DIR)}/`,
    // find | tar keeps govuk/components/<name>/ paths, which the macros import relatively.
    `set -o pipefail; cd ${from(sources.govukFrontendDist)} && find govuk \\( -name '*.njk' -o -path govuk/govuk-frontend.min.js \\) -type f | tar -cf - -T - | tar -xf - -C ${to(WEB_DIRECTORIES.GOVUK_FRONTEND_DIR)}`,
  ];
}
