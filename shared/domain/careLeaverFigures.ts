/**
 * Care leavers' lives as the DfE counts them from the SSDA903 return (OC3):
 * for each care leaver whose 17th, 18th, 19th, 20th or 21st birthday falls
 * in the period, what was recorded in that birthday's window (3 months
 * before to 1 month after: rules/careLeaverReturn.ts). In touch is IN_TOUCH
 * YES; in education, employment or training is an activity other than
 * G4, G5, G6; in suitable accommodation is accommodation recorded suitable.
 * As in the DfE's figures, a young person with nothing known (no status in
 * the window, or not in touch) stays in the denominator, counted as not in
 * touch, not known to be in EET and not known to be suitably housed; one
 * recorded as having died is left out. Pure: a child's facts in, one answer
 * per birthday out; onTime.ts adds them up.
 */
import { type Child, type Fact, type FactOf, factDate } from './facts.js';
import { toDayNumber, toIsoDate } from './dates.js';
import { type ChildHistory, buildHistory } from './history.js';
import { returnWindowsOf } from './rules/careLeaverReturn.js';
import { inEducationEmploymentOrTraining } from './careLeaverCodes.js';

export interface BirthdayReturn {
  age: number;
  /** The birthday, `YYYY-MM-DD`. */
  birthday: string;
  inTouch: boolean;
  inEducationEmploymentOrTraining: boolean;
  suitablyHoused: boolean;
}

/**
 * The birthday returns of one young person for birthdays in [`from`, `to`],
 * from their facts up to `to` (later facts are ignored, as everywhere in the
 * on-time figures, so a window still open on `to` counts what is known then).
 * `history` is theirs as of `to`, when the caller has it already.
 */
export function birthdayReturns(child: Child, facts: readonly Fact[], from: string, to: string, history?: ChildHistory): BirthdayReturn[] {
  const upTo = facts.filter((f) => factDate(f) <= to);
  const h = history ?? buildHistory(child, upTo, to);
  const statuses = upTo.filter((f): f is FactOf<'care-leaver-status'> => f.type === 'care-leaver-status');
  const last = toDayNumber(to);
  const out: BirthdayReturn[] = [];
  for (const w of returnWindowsOf(h)) {
    const day = toIsoDate(w.birthday);
    if (day < from || day > to) continue;
    let status: FactOf<'care-leaver-status'> | undefined;
    for (const s of statuses) {
      const on = toDayNumber(s.date);
      if (on >= w.opens && on <= Math.min(w.closes, last) && (!status || s.date >= status.date)) status = s;
    }
    if (status?.inTouch === 'DIED') continue;
    out.push({
      age: w.age,
      birthday: day,
      inTouch: status?.inTouch === 'YES',
      inEducationEmploymentOrTraining: inEducationEmploymentOrTraining(status?.activity),
      suitablyHoused: status?.accommodationSuitable === true,
    });
  }
  return out;
}
