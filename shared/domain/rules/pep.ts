/**
 * Personal education plan (PEP): statutory guidance "Promoting the education
 * of looked-after and previously looked-after children" (DfE 2018). A PEP is
 * initiated within 10 working days of a school-age child becoming looked after
 * (in place for the first review) and reviewed once every school term.
 *
 * Readings chosen (earlier date wins): the first PEP is due 10 working days
 * after the child becomes looked after at school age or, when the first
 * review is held sooner, on the day of that review (held without a PEP, it is
 * overdue from that day; a review before school age does not count); school
 * age runs from the 5th birthday
 * (the law says the term after it) to 31 August of the school year in which
 * the child turns 16; a PEP dated in a school holiday counts for no term, so
 * the next one is due by the end of the coming term. A council may start
 * earlier (early years) or run later (16 to 18), and should give its own term
 * dates; without them Kept uses deliberately early term ends. Not on a series
 * of short breaks: the PEP is part of the reg 5 care plan, which reg 48(3)(a)
 * disapplies.
 */
import { type DayNumber, birthday, civilFromDays, daysFromCivil } from '#domain/dates.js';
import { addWorkingDays } from '#domain/workingDays.js';
import { STATUTORY, type SchoolTerm } from '#domain/policy.js';
import { type Rule, cite, lookedAfter, onShortBreaks, perPolicy, plural } from './rule.js';

const S = STATUTORY.pep;

/** Autumn, spring and summer terms of the school year that starts in September of `year`. */
export function defaultTerms(year: number): SchoolTerm[] {
  return [
    { name: `Autumn ${year}`, start: daysFromCivil(year, 9, 1), end: daysFromCivil(year, 12, 15) },
    { name: `Spring ${year + 1}`, start: daysFromCivil(year + 1, 1, 1), end: daysFromCivil(year + 1, 3, 25) },
    { name: `Summer ${year + 1}`, start: daysFromCivil(year + 1, 4, 1), end: daysFromCivil(year + 1, 7, 15) },
  ];
}

function schoolYearOf(day: DayNumber): number {
  const { year, month } = civilFromDays(day);
  return month >= 9 ? year : year - 1;
}

/** The two terms ending on or after `day`: the council's where it gave them, then the defaults. */
function termsFrom(day: DayNumber, configured: SchoolTerm[] | null): SchoolTerm[] {
  const terms = (configured ?? []).filter((t) => t.end >= day);
  let after = terms.at(-1)?.end ?? day - 1;
  let year = schoolYearOf(Math.max(day, after + 1));
  while (terms.length < 2) {
    for (const t of defaultTerms(year)) {
      if (t.start > after && t.end >= day && terms.length < 2) {
        terms.push(t);
        after = t.end;
      }
    }
    year += 1;
  }
  return terms;
}

/**
 * The day a PEP is next due after one held on `lastPep`: the end of the first
 * term that starts after it (the coming term when it was held in a holiday,
 * the term after when held in term time).
 */
export function nextTermlyPep(lastPep: DayNumber, configured: SchoolTerm[] | null): { due: DayNumber; term: string } {
  if (configured === null) return nextDefaultTerm(lastPep);
  const [current, next] = termsFrom(lastPep, configured) as [SchoolTerm, SchoolTerm];
  const target = lastPep >= current.start ? next : current;
  return { due: target.end, term: target.name };
}

const defaultNames = new Map<number, string>();

/**
 * With the default terms (autumn from 1 September, spring from 1 January,
 * summer from 1 April), the first term to start after `day`, by arithmetic:
 * the engine's commonest case makes no term lists.
 */
function nextDefaultTerm(day: DayNumber): { due: DayNumber; term: string } {
  const { year, month } = civilFromDays(day);
  const which = month < 4 ? 0 : month < 9 ? 1 : 2; // summer this year, autumn this year, spring next year
  const key = year * 3 + which;
  let term = defaultNames.get(key);
  if (term === undefined) defaultNames.set(key, (term = which === 0 ? `Summer ${year}` : which === 1 ? `Autumn ${year}` : `Spring ${year + 1}`));
  const due = which === 0 ? daysFromCivil(year, 7, 15) : which === 1 ? daysFromCivil(year, 12, 15) : daysFromCivil(year + 1, 3, 25);
  return { due, term };
}

export function schoolAgeEnds(dateOfBirth: DayNumber, untilAge: number): DayNumber {
  const turns = birthday(dateOfBirth, untilAge);
  return daysFromCivil(schoolYearOf(turns) + 1, 8, 31);
}

const says = perPolicy((p) => {
  const rules = p.pep;
  const agesTightened = rules.fromAge < S.fromAge || rules.untilAge > S.untilAge;
  const n = rules.initialWithinWorkingDays;
  const termly = new Map<string, string>();
  return {
    initial: cite('PEP statutory guidance', `PEP started within ${plural(n, 'working day')} of becoming looked after at school age`, n < S.initialWithinWorkingDays || agesTightened),
    byReview: cite('PEP statutory guidance', 'PEP in place by the day of the first review', agesTightened),
    termly(term: string): string {
      let text = termly.get(term);
      if (text === undefined) {
        text = cite('PEP statutory guidance', `PEP reviewed every school term (by the end of ${term})`, agesTightened);
        termly.set(term, text);
      }
      return text;
    },
  };
});

export const pep: Rule = (h, p) => {
  if (!lookedAfter(h) || onShortBreaks(h) || !h.episode) return null;
  const rules = p.pep;
  const from = birthday(h.dateOfBirth, rules.fromAge);
  const next = h.lastPep === null ? null : nextTermlyPep(h.lastPep, p.terms);
  let due: DayNumber;
  let rule: string;
  // A PEP held before school age (an early-years PEP, when the council has not
  // lowered `fromAge`) may stand for the initial one, but cannot bring it
  // forward: counting termly from it made PEPs due for a pre-school child.
  let initial = next === null || h.lastPep! < from ? addWorkingDays(Math.max(h.episode.start, from), rules.initialWithinWorkingDays) : null;
  let initialRule = says(p).initial;
  // The episode's first review, if held at school age, needs the PEP in place.
  if (initial !== null && h.firstReview !== null && h.firstReview >= from && h.firstReview < initial) {
    initial = h.firstReview;
    initialRule = says(p).byReview;
  }
  if (initial !== null && (next === null || next.due <= initial)) {
    due = initial;
    rule = initialRule;
  } else {
    due = next!.due;
    rule = says(p).termly(next!.term);
  }
  return due <= schoolAgeEnds(h.dateOfBirth, rules.untilAge) ? { kind: 'pep', due, rule } : null;
};
