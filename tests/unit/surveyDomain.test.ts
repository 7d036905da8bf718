import { describe, expect, it } from 'vitest';
import { nextStep, campaignInputSchema, type Campaign } from '#domain/surveys/campaign.js';
import { ageBand, bandsHoldUntil, inAudience, personOf } from '#domain/surveys/bands.js';
import { cleanAnswers, firstIncompleteSection, hasWorryingAnswer, readSection } from '#domain/surveys/answers.js';
import { buildHistory } from '#domain/history.js';
import { CARE_LEAVER_SURVEY, PLACEMENT_SURVEY_OLDER } from '#domain/surveys/definitions.js';

const campaign = (over: Partial<Campaign> = {}): Campaign => ({
  id: 'c', councilId: 'x', surveyId: 'care-leaver', version: 1, name: 'C', mode: 'anonymous', state: 'scheduled',
  audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 }, opens: '2027-02-01', closes: '2027-03-01', reminderDays: [7, 14],
  createdBy: 'l', createdAt: '2027-01-01', invited: 0, remindersSent: 0, ...over,
});

describe('campaign steps', () => {
  it('opens on its day, reminds on the reminder days, closes on the closing day', () => {
    expect(nextStep(campaign(), '2027-01-31')).toEqual({ action: 'none' });
    expect(nextStep(campaign(), '2027-02-01')).toEqual({ action: 'open' });
    const open = campaign({ state: 'open' });
    expect(nextStep(open, '2027-02-07')).toEqual({ action: 'none' });
    expect(nextStep(open, '2027-02-08')).toEqual({ action: 'remind', number: 1 });
    expect(nextStep({ ...open, remindersSent: 1 }, '2027-02-10')).toEqual({ action: 'none' });
    expect(nextStep({ ...open, remindersSent: 1 }, '2027-02-15')).toEqual({ action: 'remind', number: 2 });
    expect(nextStep({ ...open, remindersSent: 2 }, '2027-02-20')).toEqual({ action: 'none' });
    expect(nextStep(open, '2027-03-01')).toEqual({ action: 'close' });
    expect(nextStep(campaign({ state: 'closed' }), '2027-03-05')).toEqual({ action: 'none' });
  });

  it('validates what a lead asks for', () => {
    const ok = campaignInputSchema.safeParse({ surveyId: 'care-leaver', name: 'Leavers', audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 }, opens: '2027-02-01', closes: '2027-03-01', mode: 'anonymous' });
    expect(ok.success && ok.data.reminderDays).toEqual([]);
    const bad = campaignInputSchema.safeParse({ surveyId: 'care-leaver', name: 'L', audience: { status: 'care-leaver', ageFrom: 20, ageTo: 18 }, opens: '2027-02-01', closes: '2027-02-01', mode: 'anonymous', reminderDays: [7, 7] });
    expect(bad.success).toBe(false);
  });
});

describe('bands', () => {
  it('groups ages coarsely', () => {
    expect([7, 8, 10, 11, 15, 16, 17, 18, 20, 21, 25].map(ageBand)).toEqual(['4-7', '8-10', '8-10', '11-15', '11-15', '16-17', '16-17', '18-20', '18-20', '21-25', '21-25']);
  });

  it('knows a care leaver from a child in care, and where the child is placed', () => {
    const inCare = personOf(
      buildHistory({ id: 'a', dateOfBirth: '2013-05-05' }, [
        { type: 'entered-care', date: '2025-01-01' },
        { type: 'placement-started', date: '2025-01-01', placementId: 'P1', longTerm: false, arrangement: 'residential', outOfArea: false },
      ], '2027-01-18'),
      21,
    );
    expect(inCare).toEqual({ status: 'looked-after', age: 13, bands: { ageBand: '11-15', placementType: 'residential', area: 'in-area' } });
    expect(inAudience(inCare, { status: 'looked-after', ageFrom: 11, ageTo: 18 })).toBe(true);
    expect(inAudience(inCare, { status: 'looked-after', ageFrom: 11, ageTo: 18, placementTypes: ['foster'] })).toBe(false);
    expect(inAudience(inCare, { status: 'care-leaver', ageFrom: 11, ageTo: 26 })).toBe(false);
    const leaver = personOf(
      buildHistory({ id: 'b', dateOfBirth: '2006-03-01' }, [
        { type: 'entered-care', date: '2020-01-01' },
        { type: 'left-care', date: '2024-03-01', reason: 'age-18' },
      ], '2027-01-18'),
      21,
    );
    expect(leaver).toEqual({ status: 'care-leaver', age: 20, bands: { ageBand: '18-20', placementType: 'care-leaver', area: 'unknown' } });
  });

  it('hold until the day before a birthday that could change them', () => {
    const on = (dateOfBirth: string, today: string, careLeaverUntilAge = 21) => bandsHoldUntil(buildHistory({ id: 'a', dateOfBirth }, [], today), careLeaverUntilAge);
    // 13 on 18 January 2027: the next band starts at 16.
    expect(on('2013-05-05', '2027-01-18')).toBe('2029-05-04');
    // 20: turning 21 changes the age band (and ends a care leaver's time at the council's 21).
    expect(on('2006-01-20', '2027-01-18')).toBe('2027-01-19');
    // 22 with support to 25: the 25th birthday ends it; past it, nothing more changes with age.
    expect(on('2004-06-30', '2027-01-18', 25)).toBe('2029-06-29');
    expect(on('2000-06-30', '2027-01-18', 25)).toBe('9999-12-31');
  });
});

describe('answers', () => {
  const home = PLACEMENT_SURVEY_OLDER.sections[0]!;

  it('reads a section, naming each missing or impossible answer', () => {
    const { answers, errors } = readSection(home, { 'feel-safe-home': 'always', settled: 'banana' });
    expect(answers).toEqual({ 'feel-safe-home': 'always' });
    expect(errors.map((e) => e.questionId)).toEqual(['settled', ...home.questions.slice(2).filter((q) => !q.optional).map((q) => q.id)]);
    expect(errors[0]!.message).toMatch(/^Choose an answer to: /);
  });

  it('accepts a 0 to 10 score and refuses anything else', () => {
    const wellbeing = CARE_LEAVER_SURVEY.sections.find((s) => s.questions.some((q) => q.id === 'life-satisfaction'))!;
    const form = Object.fromEntries(wellbeing.questions.map((q) => [q.id, '0']));
    expect(readSection(wellbeing, form).answers['life-satisfaction']).toBe(0);
    expect(readSection(wellbeing, { ...form, 'life-satisfaction': '11' }).errors).toHaveLength(1);
    expect(readSection(wellbeing, { ...form, 'life-satisfaction': '7.5' }).errors).toHaveLength(1);
  });

  it('limits free text', () => {
    const last = PLACEMENT_SURVEY_OLDER.sections.at(-1)!;
    const q = last.questions[0]!;
    if (q.type !== 'text') throw new Error('expected a text question');
    expect(readSection(last, { [q.id]: 'x'.repeat(q.maxLength) }).errors).toEqual([]);
    expect(readSection(last, { [q.id]: 'x'.repeat(q.maxLength + 1) }).errors[0]!.message).toBe(`Write ${q.maxLength} characters or fewer`);
  });

  it('spots a worrying answer and an unfinished survey, and stores only real answers', () => {
    expect(hasWorryingAnswer(PLACEMENT_SURVEY_OLDER, { 'feel-safe-home': 'never' })).toBe(true);
    expect(hasWorryingAnswer(PLACEMENT_SURVEY_OLDER, { 'feel-safe-home': 'always' })).toBe(false);
    expect(firstIncompleteSection(PLACEMENT_SURVEY_OLDER, {})!.id).toBe(home.id);
    expect(cleanAnswers(PLACEMENT_SURVEY_OLDER, { 'feel-safe-home': 'always', injected: 'x', settled: 'nonsense' })).toEqual({ 'feel-safe-home': 'always' });
  });
});
