// The adviser's record pages for a care leaver's life: the birthday return's page, and the contact page that asks when the return is due or takes changes.
import { describe, expect, it } from 'vitest';
import { answerRows, factDetails, parseAnswers, recordFormFor } from '#web/pages/recordForms.js';

const date = { 'date-day': '10', 'date-month': '3', 'date-year': '2027' };
const TODAY = '2027-03-11';

describe("a care leaver's life on the record pages", () => {
  it('the birthday return records in touch, activity and accommodation in OC3 codes, read back in words', () => {
    const form = recordFormFor('care-leaver-return', new Set())!;
    const parsed = parseAnswers(form, 'care-leaver-return', { ...date, inTouch: 'YES', activity: 'F5', accommodation: 'U', suitable: 'yes' }, TODAY, {});
    expect(parsed).toEqual({ fact: { type: 'care-leaver-status', date: '2027-03-10', inTouch: 'YES', activity: 'F5', accommodation: 'U', accommodationSuitable: true }, errors: [] });
    expect(answerRows(form, parsed.fact!, '/x').map((r) => [r.key.text, r.value.text])).toEqual([
      ['Date of the contact, or the last try', 'Wednesday, 10 March 2027'],
      ['In touch', 'In touch'],
      ['Main activity', 'Full-time in training or employment (not an apprenticeship)'],
      ['Accommodation', 'Independent living'],
      ['Suitable', 'Yes'],
    ]);
    expect(factDetails(parsed.fact!)).toBe('In touch; Full-time in training or employment (not an apprenticeship); Independent living (suitable)');
  });

  it('in touch needs every answer; not in touch needs none, and each missing one is named', () => {
    const form = recordFormFor('care-leaver-return', new Set())!;
    expect(parseAnswers(form, 'care-leaver-return', { ...date, inTouch: 'YES' }, TODAY, {}).errors.map((e) => e.field)).toEqual(['activity', 'accommodation', 'suitable']);
    expect(parseAnswers(form, 'care-leaver-return', { ...date }, TODAY, {}).errors.map((e) => e.field)).toEqual(['inTouch']);
    expect(parseAnswers(form, 'care-leaver-return', { ...date, inTouch: 'NO' }, TODAY, {}).fact).toEqual({ type: 'care-leaver-status', date: '2027-03-10', inTouch: 'NO' });
    // A code not in the list is refused, not stored.
    expect(parseAnswers(form, 'care-leaver-return', { ...date, inTouch: 'YES', activity: 'F3', accommodation: 'U', suitable: 'yes' }, TODAY, {}).errors.map((e) => e.field)).toEqual(['activity']);
  });

  it('the contact page records the contact alone when left blank, a status when answered, and insists while the return is due', () => {
    const form = recordFormFor('personal-adviser-contact', new Set())!;
    expect(parseAnswers(form, 'personal-adviser-contact', { ...date }, TODAY, {}).fact).toEqual({ type: 'personal-adviser-contact', date: '2027-03-10' });
    expect(parseAnswers(form, 'personal-adviser-contact', { ...date, activity: 'G6', accommodation: 'B', suitable: 'no' }, TODAY, {}).fact).toEqual({
      type: 'care-leaver-status', date: '2027-03-10', inTouch: 'YES', activity: 'G6', accommodation: 'B', accommodationSuitable: false,
    });
    expect(parseAnswers(form, 'personal-adviser-contact', { ...date, activity: 'G6' }, TODAY, {}).errors.map((e) => e.field)).toEqual(['accommodation', 'suitable']);
    expect(parseAnswers(form, 'personal-adviser-contact', { ...date }, TODAY, { returnDue: true }).errors.map((e) => e.field)).toEqual(['activity', 'accommodation', 'suitable']);
  });
});
