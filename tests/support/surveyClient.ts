/** A young person's browser, without JavaScript: cookies, forms, redirects followed by hand. */
import type { SurveyDefinition, Question } from '#domain/surveys/schema.js';

export interface Page {
  status: number;
  html: string;
  location?: string;
}

export class SurveyBrowser {
  private cookies = new Map<string, string>();
  constructor(private readonly baseUrl: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: Response): void {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }

  async get(path: string): Promise<Page> {
    const r = await fetch(`${this.baseUrl}${path}`, { headers: { cookie: this.cookieHeader() }, redirect: 'manual' });
    this.remember(r);
    return { status: r.status, html: await r.text(), location: r.headers.get('location') ?? undefined };
  }

  async post(path: string, fields: Record<string, string>, options: { csrf?: string | null } = {}): Promise<Page> {
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    const body = new URLSearchParams({ ...fields, ...(csrf === null ? {} : { csrf: csrf ?? '' }) });
    const r = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
      redirect: 'manual',
    });
    this.remember(r);
    return { status: r.status, html: await r.text(), location: r.headers.get('location') ?? undefined };
  }

  get csrf(): string | undefined {
    return this.cookies.get('kept_csrf');
  }

  forgetCookies(): void {
    this.cookies.clear();
  }
}

/** A sensible answer to every question: the first option, the middle of a scale, a short text. */
export function answersFor(definition: SurveyDefinition, overrides: Record<string, string> = {}): Record<string, Record<string, string>> {
  const bySection: Record<string, Record<string, string>> = {};
  for (const s of definition.sections) {
    bySection[s.id] = {};
    for (const q of s.questions) bySection[s.id]![q.id] = overrides[q.id] ?? defaultAnswer(q);
  }
  return bySection;
}

function defaultAnswer(q: Question): string {
  if (q.type === 'choice') return q.options.find((o) => !(q.worrying ?? []).includes(o.value))!.value;
  if (q.type === 'scale') return String(Math.round((q.min + q.max) / 2) + 1);
  return 'Thank you for asking.';
}

/** Answers every section of the survey at `link` and sends it; returns the last page. */
export async function completeSurvey(browser: SurveyBrowser, link: string, definition: SurveyDefinition, overrides: Record<string, string> = {}): Promise<Page[]> {
  const pages: Page[] = [await browser.get(link)];
  const answers = answersFor(definition, overrides);
  for (const s of definition.sections) {
    pages.push(await browser.get(`${link}/${s.id}`));
    pages.push(await browser.post(`${link}/${s.id}`, answers[s.id]!));
  }
  pages.push(await browser.get(`${link}/check`));
  pages.push(await browser.post(`${link}/check`, {}));
  pages.push(await browser.get(`${link}/done`));
  return pages;
}
