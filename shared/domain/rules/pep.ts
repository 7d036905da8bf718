/**
 * Personal education plan (PEP): statutory guidance "Promoting the education
 * of looked-after and previously looked-after children" (DfE 2018). A PEP is
 * initiated within 10 working days of a school-age child becoming looked after
 * (in place for the first review) and reviewed once every school term.
 *
 * Readings chosen (earlier date wins): school age runs from the 5th birthday
 * (the law says the term after it) to 31 August of the school year in which
 * the child turns 16; a PEP dated in a school holiday counts for no term, so
 * the next one is due by the end of the coming term. A council may start
 * earlier (early years) or run later (16 to 18), and should give its own term
 * dates; without them Kept uses deliberately early term ends.
 */
import { type DayNumber, birthday, civilFromDays, daysFromCivil } from '#domain/dates.js';
import { addWorkingDays } from '#domain/workingDays.js';
import { STATUTORY, type SchoolTerm } from '#domain/policy.js';
import { type Rule, cite, lookedAfter, plural } from './rule.js';

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

/** The day a PEP is next due after one held on `lastPep`. */
export function nextTermlyPep(lastPep: DayNumber, configured: SchoolTerm[] | null): { due: DayNumber; term: string } {
  const [current, next] = termsFrom(lastPep, configured) as [SchoolTerm, SchoolTerm];
  const target = lastPep >= current.start ? next : current;
  return { due: target.end, term: target.name };
}

export function schoolAgeEnds(dateOfBirth: DayNumber, untilAge: number): DayNumber {
  const turns = birthday(dateOfBirth, untilAge);
  return daysFromCivil(schoolYearOf(turns) + 1, 8, 31);
}

export const pep: Rule = (h, p) => {
  if (!lookedAfter(h) || !h.episode) return null;
  const rules = p.pep;
  const from = birthday(h.dateOfBirth, rules.fromAge);
  const ends = schoolAgeEnds(h.dateOfBirth, rules.untilAge);
  const agesTightened = rules.fromAge < S.fromAge || rules.untilAge > S.untilAge;
  let due: DayNumber;
  let rule: string;
  const n = rules.initialWithinWorkingDays;
  const initial = addWorkingDays(Math.max(h.episode.start, from), n);
  const next = h.lastPep === null ? null : nextTermlyPep(h.lastPep, p.terms);
  // A PEP held before school age (an early-years PEP, when the council has not
  // lowered `fromAge`) may stand for the initial one, but cannot bring it
  // forward: counting termly from it made PEPs due for a pre-school child.
  if (next === null || (h.lastPep! < from && next.due <= initial)) {
    due = initial;
    rule = cite('PEP statutory guidance', `PEP started within ${plural(n, 'working day')} of becoming looked after at school age`, n < S.initialWithinWorkingDays || agesTightened);
  } else {
    due = next.due;
    rule = cite('PEP statutory guidance', `PEP reviewed every school term (by the end of ${next.term})`, agesTightened);
  }
  return due <= ends ? { kind: 'pep', due, rule } : null;
};
