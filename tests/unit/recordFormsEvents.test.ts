// The record pages' answers for a complaint response and an IRO alert's answer: the fact they make, or each error naming its field.
import { describe, expect, it } from 'vitest';
import { answerRows, parseAnswers, recordFormFor } from '#web/pages/recordForms.js';

const date = { 'date-day': '10', 'date-month': '3', 'date-year': '2027' };

describe('record pages for duties that follow an event', () => {
  it('a complaint response names the complaint and its stage', () => {
    const form = recordFormFor('complaint-response', new Set())!;
    const parsed = parseAnswers(form, 'complaint-response', { ...date, reference: 'CMP-1', complaintStage: 'stage-1' }, '2027-03-11', {});
    expect(parsed).toEqual({ fact: { type: 'complaint-response', date: '2027-03-10', complaintId: 'CMP-1', stage: 'stage-1' }, errors: [] });
    expect(answerRows(form, parsed.fact!, '/x').map((r) => r.value.text)).toEqual(['Wednesday, 10 March 2027', 'CMP-1', 'Stage 1 (local resolution)']);
  });

  it('an IRO alert answer says resolved or escalated', () => {
    const form = recordFormFor('iro-alert-response', new Set())!;
    expect(parseAnswers(form, 'iro-alert-response', { ...date, reference: 'A-1', outcome: 'escalated' }, '2027-03-11', {}).fact).toEqual({
      type: 'iro-alert-response', date: '2027-03-10', alertId: 'A-1', outcome: 'escalated',
    });
  });

  it('names each missing or bad answer', () => {
    const form = recordFormFor('iro-alert-response', new Set())!;
    const parsed = parseAnswers(form, 'iro-alert-response', { ...date, reference: 'not a ref!', outcome: '' }, '2027-03-11', {});
    expect(parsed.fact).toBeNull();
    expect(parsed.errors.map((e) => e.field)).toEqual(['reference', 'outcome']);
  });
});
