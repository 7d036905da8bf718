/**
 * Checking a page as the accessibility tests do: a fresh browser context at
 * a phone's width (optionally signed in), collecting the page's script
 * errors, and axe-core's WCAG 2.2 AA and best-practice rules, plus whether
 * the page is wider than the screen.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export const PHONE = { width: 390, height: 844 };

export interface OpenedPage {
  page: Page;
  /** Script errors and console errors (other than the 4xx answers a test asks for). */
  problems: string[];
}

export async function openPage(browser: Browser, options: { width?: number; height?: number; session?: { name: string; value: string; url: string } } = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: options.width ?? PHONE.width, height: options.height ?? PHONE.height } });
  if (options.session) await context.addCookies([options.session]);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}

/** axe-core's violations on the page as it is now, as "rule (nodes)", and a page that scrolls sideways. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(
    (values) =>
      (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run(document, {
        runOnly: { type: 'tag', values },
      }),
    RULES,
  );
  const found = result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  const { wide, screen } = await page.evaluate(() => ({ wide: document.documentElement.scrollWidth, screen: window.innerWidth }));
  if (wide > screen) found.push(`scrolls sideways: ${wide}px wide`);
  return found;
}
