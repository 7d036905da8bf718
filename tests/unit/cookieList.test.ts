import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COOKIES } from '#web/pages/legal.js';

/** Every `kept_...` cookie name written in the code that serves pages. */
function cookieNamesInCode(): string[] {
  const root = join(import.meta.dirname, '../../shared');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('legal.ts'));
  const names = new Set<string>();
  for (const f of files) for (const m of readFileSync(join(root, f), 'utf8').matchAll(/'(kept_[a-z_]+)'/g)) names.add(m[1]!);
  return [...names].sort();
}

describe('the cookies page', () => {
  it('lists exactly the cookies the code sets, each with a purpose and when it goes', () => {
    expect(COOKIES.map((c) => c.name).sort()).toEqual(cookieNamesInCode());
    for (const c of COOKIES) expect(c.purpose.length && c.expires.length, c.name).toBeTruthy();
  });
});
