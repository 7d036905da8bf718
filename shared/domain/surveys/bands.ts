/**
 * The coarse groups a response carries instead of a person: age band,
 * placement type and whether the placement is in the council's area. In
 * anonymous mode these are all that is stored with the answers.
 */
import { ageOn, birthday, toIsoDate } from '#domain/dates.js';
import type { ChildHistory } from '#domain/history.js';
import { careLeaver } from '#domain/rules/rule.js';
import type { Audience } from './campaign.js';

export interface Bands {
  /** `unknown` when the child's record was gone when the answers were sent: its own group, never a guess. */
  ageBand: '4-7' | '8-10' | '11-15' | '16-17' | '18-20' | '21-25' | 'unknown';
  placementType: string;
  area: 'in-area' | 'out-of-area' | 'unknown';
  /** Answered with a worker's help, from an assisted link (never who the worker was). */
  assisted?: true;
}

/** The bands of a response whose child's record no longer exists. */
export const UNKNOWN_BANDS: Readonly<Bands> = { ageBand: 'unknown', placementType: 'not-recorded', area: 'unknown' };

export function ageBand(age: number): Exclude<Bands['ageBand'], 'unknown'> {
  if (age < 8) return '4-7';
  if (age < 11) return '8-10';
  if (age < 16) return '11-15';
  if (age < 18) return '16-17';
  if (age < 21) return '18-20';
  return '21-25';
}

export interface Person {
  status: 'looked-after' | 'care-leaver' | 'other';
  age: number;
  bands: Bands;
}

export function personOf(history: ChildHistory, careLeaverUntilAge: number): Person {
  const age = ageOn(history.dateOfBirth, history.today);
  const status = history.lookedAfter ? 'looked-after' : careLeaver(history, careLeaverUntilAge) ? 'care-leaver' : 'other';
  const placement = history.placement;
  return {
    status,
    age,
    bands: {
      ageBand: ageBand(age),
      placementType: status === 'care-leaver' ? 'care-leaver' : placement?.arrangement ?? 'not-recorded',
      area: status !== 'looked-after' || placement?.outOfArea === undefined ? 'unknown' : placement.outOfArea ? 'out-of-area' : 'in-area',
    },
  };
}

/** Ages at which a person's age band, or whether they are still a care leaver, can change. */
const BAND_AGES = [8, 11, 16, 18, 21];

/**
 * The last day the bands worked out from `history` still hold as far as age
 * goes: the day before the next birthday that could move the person to
 * another age band or end their time as a care leaver (`9999-12-31` when
 * none can). Facts recorded later (a new placement) are not foreseen.
 */
export function bandsHoldUntil(history: ChildHistory, careLeaverUntilAge: number): string {
  const age = ageOn(history.dateOfBirth, history.today);
  const next = [...BAND_AGES, careLeaverUntilAge].filter((a) => a > age).sort((a, b) => a - b)[0];
  return next === undefined ? '9999-12-31' : toIsoDate(birthday(history.dateOfBirth, next) - 1);
}

export function inAudience(person: Person, audience: Audience): boolean {
  if (person.status !== audience.status) return false;
  if (person.age < audience.ageFrom || person.age >= audience.ageTo) return false;
  if (audience.placementTypes && !audience.placementTypes.includes(person.bands.placementType as never)) return false;
  return true;
}

