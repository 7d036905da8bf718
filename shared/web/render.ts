/**
 * Server-rendered pages: our Nunjucks views on GOV.UK Frontend's own
 * template and component macros, autoescaped. In Lambda the views and the
 * govuk-frontend templates are copied beside the bundle (see the CDK stack).
 */
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import nunjucks from 'nunjucks';
import { ENGLISH_WORDS } from '#domain/surveys/pageWords.js';

let env: nunjucks.Environment | undefined;

export function govukFrontendDist(): string {
  if (process.env.GOVUK_FRONTEND_DIR) return process.env.GOVUK_FRONTEND_DIR;
  return resolve(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');
}

function environment(): nunjucks.Environment {
  const views = process.env.KEPT_VIEWS_DIR ?? resolve(import.meta.dirname, 'views');
  env ??= new nunjucks.Environment(new nunjucks.FileSystemLoader([views, govukFrontendDist()], { noCache: false }), {
    autoescape: true,
    throwOnUndefined: false,
  });
  return env;
}

/**
 * Renders a view in British English unless the context gives `htmlLang`,
 * `htmlDir` and `words` (survey pages in another language). GOV.UK's
 * template has no `dir` on <html>, so a right-to-left page gets it here.
 */
export function renderPage(view: string, context: Record<string, unknown>): string {
  const page = environment().render(view, { htmlLang: 'en-GB', words: ENGLISH_WORDS, ...context });
  return context.htmlDir === 'rtl' ? page.replace(/<html lang=/, '<html dir="rtl" lang=') : page;
}
