/** Changing a young person's contact details: the change's schema, what is written, and how the pages show the marks. */
import { describe, expect, it } from 'vitest';
import { contactChangeSchema, planContactChange, ukMobileText } from '#domain/contact.js';
import { problemsOf } from '#domain/validation.js';
import { InvalidInput } from '#domain/errors.js';
import { parseContactChange } from '#services/contact.js';
import { contactRows, languageText, unreachableText } from '#web/pages/contactRows.js';

const bounced = { since: '2026-12-03T09:05:00.000Z', reason: 'bounced' };
const failed = { since: '2026-12-04T09:05:00.000Z', reason: 'invalid number' };
const held = { email: 'old@x.test', mobile: '+447700900111', preferredChannel: 'both' as const, language: 'fa', emailUnreachable: bounced, mobileUnreachable: failed };

describe('the change as sent', () => {
  it('takes values and nulls, writes a typed mobile in E.164 and lower-cases the address', () => {
    expect(parseContactChange({ email: ' New@X.Test ', mobile: '07700 100123', preferredChannel: null, language: 'ps', version: 3 })).toEqual({
      email: 'new@x.test', mobile: '+447700100123', preferredChannel: null, language: 'ps', version: 3,
    });
  });

  it('names each bad field, and refuses an empty change or an unknown field', () => {
    const problems = (input: unknown) => {
      try {
        parseContactChange(input);
      } catch (error) {
        if (error instanceof InvalidInput) return error.problems.map((p) => p.field).sort();
        throw error;
      }
      return [];
    };
    expect(problems({ email: 'nope', mobile: '020 7946 0000', preferredChannel: 'pigeon', language: 'Farsi!' })).toEqual(['email', 'language', 'mobile', 'preferredChannel']);
    expect(problems({})).toEqual(['(body)']);
    expect(problems({ version: 2 })).toEqual(['(body)']);
    expect(problems({ email: 'a@b.test', holderId: 'sw-9' })).toHaveLength(1);
    expect(problems({ language: 'en', version: -1 })).toEqual(['version']);
    const parsed = contactChangeSchema.safeParse({ mobile: 12 });
    expect(problemsOf(parsed.error!).map((p) => p.field)).toEqual(['mobile']);
  });
});

describe('planning the write', () => {
  it('replaces what is given, removes what is null, and leaves the rest', () => {
    const { after, write, problem } = planContactChange(held, { language: 'ps', preferredChannel: null });
    expect(problem).toBeNull();
    expect(write).toEqual({ fields: { language: 'ps', preferredChannel: null }, clear: [] });
    expect(after).toEqual({ ...held, language: 'ps', preferredChannel: undefined });
    expect('preferredChannel' in after).toBe(false);
  });

  it('clears the mark of an address or number that changes or goes, and keeps it when the same one is given again', () => {
    expect(planContactChange(held, { email: 'new@x.test' }).write).toEqual({ fields: { email: 'new@x.test' }, clear: ['emailUnreachable'] });
    expect(planContactChange(held, { email: 'old@x.test', mobile: '+447700900111' }).write.clear).toEqual([]);
    const { after, write } = planContactChange({ ...held, preferredChannel: 'email' }, { mobile: null });
    expect(write.clear).toEqual(['mobileUnreachable']);
    expect(after.mobileUnreachable).toBeUndefined();
    expect(after.emailUnreachable).toEqual(bounced);
  });

  it('refuses a preferred channel with nothing to go to, naming the field that made it so', () => {
    expect(planContactChange({ email: 'a@x.test' }, { preferredChannel: 'text' }).problem).toEqual({ field: 'preferredChannel', message: 'needs a mobile number' });
    expect(planContactChange({ mobile: '+447700900111', preferredChannel: 'both' }, { preferredChannel: 'both' }).problem?.field).toBe('preferredChannel');
    expect(planContactChange(held, { mobile: null }).problem).toEqual({ field: 'mobile', message: 'is needed while the preferred channel is both' });
    expect(planContactChange(held, { email: null, preferredChannel: 'text' }).problem).toBeNull();
  });
});

describe('showing the details', () => {
  it('writes a mobile as people do, and names the language', () => {
    expect(ukMobileText('+447700900123')).toBe('07700 900123');
    expect(languageText('fa')).toBe('Persian (fa)');
    expect(languageText('xx-Nope')).toMatch(/xx-Nope/);
  });

  it('flags an unreachable address or number with the day it stopped and why', () => {
    expect(unreachableText(bounced)).toBe('Not delivered since 3 December 2026: bounced');
    expect(unreachableText({ since: '2026-12-03T23:30:00.000Z', reason: 'complained' })).toBe('Not delivered since 3 December 2026: reported as spam');
    const rows = contactRows(held);
    expect(rows.map((r) => r.key.text)).toEqual(['Email address', 'Mobile number', 'Preferred channel', 'Language']);
    expect(JSON.stringify(rows[0]!.value)).toContain('old@x.test <strong class=\\"govuk-tag govuk-tag--red\\">Not delivered since 3 December 2026: bounced</strong>');
    expect(JSON.stringify(rows[1]!.value)).toContain('07700 900111');
    expect(contactRows({})[0]!.value).toEqual({ text: 'Not recorded' });
  });
});
