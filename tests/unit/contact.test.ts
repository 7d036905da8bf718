/** A young person's contact details and the survey texts: UK mobiles in E.164, channels, one GSM-7 part. */
import { describe, expect, it } from 'vitest';
import { channelsFor, contactProblem } from '#domain/contact.js';
import { ukMobileE164, withUkMobile } from '#domain/mobileInput.js';
import { childInputSchema } from '#domain/people.js';
import { problemsOf } from '#domain/validation.js';
import { gsm7Length, gsm7Name, surveyText, SMS_PART } from '#domain/textMessage.js';

const base = { id: 'C-1', firstName: 'Zara', lastName: 'Quill', dateOfBirth: '2010-01-01', holderId: 'sw-1' };

describe('UK mobile numbers', () => {
  it('stores national, international and spaced forms in E.164', () => {
    expect(ukMobileE164('07700 100123')).toBe('+447700100123');
    expect(ukMobileE164('+44 7700 100123')).toBe('+447700100123');
    expect(ukMobileE164('0044 (0)7700-100123')).toBe('+447700100123');
    expect(childInputSchema.parse(withUkMobile({ ...base, mobile: ' 07700 100123 ' })).mobile).toBe('+447700100123');
  });

  it('refuses landlines, foreign numbers, short numbers and text, naming the field', () => {
    for (const bad of ['020 7946 0000', '+33 6 12 34 56 78', '0770010012', 'call me', '']) {
      expect(ukMobileE164(bad), bad).toBeNull();
      const parsed = childInputSchema.safeParse(withUkMobile({ ...base, mobile: bad }));
      expect(parsed.success, bad).toBe(false);
      expect(problemsOf(parsed.error!).map((p) => p.field)).toEqual(['mobile']);
    }
  });

  it('takes a preferred channel and a language tag, and refuses others', () => {
    expect(childInputSchema.parse({ ...base, preferredChannel: 'both', language: 'fa' })).toMatchObject({ preferredChannel: 'both', language: 'fa' });
    const parsed = childInputSchema.safeParse({ ...base, preferredChannel: 'pigeon', language: 'Farsi!' });
    expect(problemsOf(parsed.error!).map((p) => p.field).sort()).toEqual(['language', 'preferredChannel']);
  });

  it('says when the preferred channel has nothing to go to', () => {
    expect(contactProblem({ preferredChannel: 'text', email: 'a@b.test' })).toEqual({ field: 'preferredChannel', message: 'needs a mobile number' });
    expect(contactProblem({ preferredChannel: 'both', mobile: '+447700100123' })).toEqual({ field: 'preferredChannel', message: 'needs an email address' });
    expect(contactProblem({ preferredChannel: 'both', mobile: '+447700100123', email: 'a@b.test' })).toBeNull();
    expect(contactProblem({})).toBeNull();
  });
});

describe('channels', () => {
  const mobile = '+447700100123';
  const email = 'a@b.test';
  it('follows the preference where it can', () => {
    expect(channelsFor({ email, mobile, preferredChannel: 'text' }, true)).toEqual(['text']);
    expect(channelsFor({ email, mobile, preferredChannel: 'both' }, true)).toEqual(['email', 'text']);
    expect(channelsFor({ email, mobile }, true)).toEqual(['email']);
    expect(channelsFor({ mobile }, true)).toEqual(['text']);
  });
  it('falls back to email when texts are off or the number is unreachable, and to nothing without either', () => {
    expect(channelsFor({ email, mobile, preferredChannel: 'text' }, false)).toEqual(['email']);
    expect(channelsFor({ email, mobile, preferredChannel: 'both', mobileUnreachable: { since: '2027-01-01', reason: 'invalid number' } }, true)).toEqual(['email']);
    expect(channelsFor({ mobile, mobileUnreachable: { since: '2027-01-01', reason: 'blocked' } }, true)).toEqual([]);
    expect(channelsFor({ mobile }, false)).toEqual([]);
    expect(channelsFor({}, true)).toEqual([]);
  });
  it('falls back to text when the email address is unreachable, and to nothing when texts are off too', () => {
    const bounced = { since: '2027-01-19T10:00:00.000Z', reason: 'bounced' };
    expect(channelsFor({ email, mobile, emailUnreachable: bounced }, true)).toEqual(['text']);
    expect(channelsFor({ email, mobile, preferredChannel: 'email', emailUnreachable: bounced }, true)).toEqual(['text']);
    expect(channelsFor({ email, mobile, preferredChannel: 'both', emailUnreachable: bounced }, true)).toEqual(['text']);
    expect(channelsFor({ email, mobile, emailUnreachable: bounced }, false)).toEqual([]);
    expect(channelsFor({ email, emailUnreachable: { ...bounced, reason: 'complained' } }, true)).toEqual([]);
    expect(channelsFor({ email, mobile, emailUnreachable: bounced, mobileUnreachable: { since: bounced.since, reason: 'blocked' } }, true)).toEqual([]);
  });
});

describe('survey texts', () => {
  const url = `https://kept.camden.gov.uk/s/${'A'.repeat(43)}`;
  it('counts GSM-7 septets, extension characters as two, and refuses others', () => {
    expect(gsm7Length('Hello @ £5')).toBe(10);
    expect(gsm7Length('€[]')).toBe(6);
    expect(gsm7Length('ﺱ')).toBeNull();
    expect(gsm7Length('“quoted”')).toBeNull();
  });
  it('fits one part with the council name and the link, for invitations and reminders', () => {
    for (const reminder of [false, true]) {
      const text = surveyText('London Borough of Camden', url, reminder);
      expect(gsm7Length(text)).toBeLessThanOrEqual(SMS_PART);
      expect(text).toContain('London Borough of Camden');
      expect(text).toContain(url);
      expect(text.startsWith('Reminder')).toBe(reminder);
    }
  });
  it('shortens the wording for a long name and makes the name GSM-7', () => {
    const long = 'Royal Borough of Windsor and Maidenhead Children’s Services Department';
    const text = surveyText(long, url, false);
    expect(gsm7Length(text)).not.toBeNull();
    expect(gsm7Length(text)!).toBeLessThanOrEqual(SMS_PART);
    expect(text).toContain(url);
    expect(gsm7Name('Ynys Môn – Cyngor Sir')).toBe('Ynys Mon Cyngor Sir');
  });
  it('refuses a link that leaves no room', () => {
    expect(() => surveyText('Camden', `https://example.org/${'x'.repeat(200)}`, false)).toThrow(/no room/);
  });
});
