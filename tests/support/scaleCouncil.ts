/**
 * A council at scale, for the reports benchmark and the test that reports
 * read from summaries equal reports replayed from histories: young people with histories
 * like the demo's (infra/local/histories.ts), 30 to a social worker, six
 * workers to a manager, three IROs, a lead; one in ten looked-after children
 * with the case system's review dates beside Kept's; and a closed care-leaver
 * campaign with 5,000 answers. Written in batches straight through the store,
 * children added to reach each size in turn.
 */
import { type Rng, between, makeRng, syntheticChild } from '#local/histories.js';
import { syntheticAnswers } from '#local/demoResponses.js';
import { type ResolvedPolicy } from '#domain/policy.js';
import { factDate, type Fact } from '#domain/facts.js';
import type { ChildRecord, Staff, Team } from '#domain/people.js';
import { addDaysIso } from '#domain/dates.js';
import { CARE_LEAVER_SURVEY } from '#domain/surveys/definitions.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { SurveyStore } from '#store/ports/surveys.js';
import type { NewChild, StoredFact } from '#store/ports/cases.js';
import { projector } from '#services/council.js';

export const CHILDREN_PER_WORKER = 30;
const WORKERS_PER_MANAGER = 6;
export const RESPONSES = 5_000;
export const CAMPAIGN = 'bench-care-leavers';

export const workerOf = (i: number) => `sw-${Math.floor(i / CHILDREN_PER_WORKER)}`;
export const managerOf = (worker: number) => `tm-${Math.floor(worker / WORKERS_PER_MANAGER)}`;
export const childId = (i: number) => `C-${100_000 + i}`;

/** The staff for `young` young people: every new worker, their manager when new, and (first time) the IROs and the lead. */
export function staffFor(councilId: string, from: number, to: number): Staff[] {
  const staff: Staff[] = [];
  const base = (id: string, name: string) => ({ councilId, id, name, email: `${id}@bench.test` });
  if (from === 0) {
    staff.push({ ...base('lead-1', 'Lee Lead'), role: 'lead' });
    for (let k = 1; k <= 3; k++) staff.push({ ...base(`iro-${k}`, `Iro ${k}`), role: 'practitioner', teamRole: 'iro' });
  }
  const firstWorker = Math.ceil(from / CHILDREN_PER_WORKER);
  const lastWorker = Math.ceil(to / CHILDREN_PER_WORKER) - 1;
  for (let w = firstWorker; w <= lastWorker; w++) {
    if (w % WORKERS_PER_MANAGER === 0) staff.push({ ...base(managerOf(w), `Manager ${w / WORKERS_PER_MANAGER}`), role: 'manager' });
    staff.push({ ...base(`sw-${w}`, `Worker ${w}`), role: 'practitioner', teamRole: 'social-worker', managerId: managerOf(w) });
  }
  return staff;
}

/** The case system's review dates: the held reviews' (some a few days off Kept's), and the next one. */
function caseSystemDates(rng: Rng, facts: readonly Fact[], today: string): Fact[] {
  const reviews = facts.filter((f) => f.type === 'review').map(factDate);
  const out: Fact[] = reviews.map((held) => ({ type: 'case-system-review-due', date: addDaysIso(held, between(rng, -3, 10)), held }));
  if (reviews.length) out.push({ type: 'case-system-review-due', date: addDaysIso(today, between(rng, 5, 120)) });
  return out;
}

export async function addYoungPeople(store: KeptStore, councilId: string, policy: ResolvedPolicy, today: string, from: number, to: number): Promise<number> {
  const newStaff = staffFor(councilId, from, to);
  for (const s of newStaff) await store.createStaff(s);
  const staff = await store.listStaff(councilId);
  const project = projector(policy, today, staff);
  const rng = makeRng(21_000 + from);
  const entries: NewChild[] = [];
  let facts = 0;
  for (let i = from; i < to; i++) {
    const careLeaver = i % 7 === 6;
    const h = syntheticChild(rng, today, careLeaver);
    const worker = workerOf(i);
    const team: Team = careLeaver ? { socialWorker: worker } : { socialWorker: worker, iro: `iro-${(i % 3) + 1}` };
    const child: ChildRecord = {
      councilId, id: childId(i), firstName: 'Bench', lastName: `Person${i}`, dateOfBirth: h.dateOfBirth, holderId: worker, team, createdAt: today, version: 0,
    };
    const all = !careLeaver && i % 10 === 0 ? [...h.facts, ...caseSystemDates(rng, h.facts, today)] : h.facts;
    const stored: StoredFact[] = all.map((fact) => ({ fact, recordedBy: worker, recordedAt: `${factDate(fact)}T${String(between(rng, 9, 17)).padStart(2, '0')}:00:00.000Z` }));
    facts += stored.length;
    entries.push({ child, facts: stored, projection: project(child, stored) });
  }
  const chunks = Array.from({ length: Math.ceil(entries.length / 100) }, (_, k) => entries.slice(k * 100, k * 100 + 100));
  for (let k = 0; k < chunks.length; k += 4) await Promise.all(chunks.slice(k, k + 4).map((chunk) => store.writeChildren(chunk)));
  return facts;
}

/** A closed care-leaver campaign with `RESPONSES` answers (bands as the demo's). */
export async function addResponses(surveys: SurveyStore, councilId: string, today: string): Promise<void> {
  const rng = makeRng(5_000);
  await surveys.putCampaign({
    id: CAMPAIGN, councilId, surveyId: 'care-leaver', version: 1, name: 'Care leavers survey', mode: 'anonymous', state: 'closed',
    audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 }, opens: addDaysIso(today, -60), closes: addDaysIso(today, -30), reminderDays: [7, 14],
    createdBy: 'lead-1', createdAt: addDaysIso(today, -61), invited: RESPONSES * 2, remindersSent: 2,
  });
  const bands = ['16-17', '18-20', '18-20', '21-25'] as const;
  const responses = Array.from({ length: RESPONSES }, () => ({
    surveyId: CARE_LEAVER_SURVEY.id, version: 1, submittedOn: addDaysIso(today, -40), answers: syntheticAnswers(CARE_LEAVER_SURVEY, rng),
    bands: { ageBand: bands[between(rng, 0, 3)]!, placementType: 'care-leaver', area: 'unknown' as const },
  }));
  for (let k = 0; k < responses.length; k += 500) await surveys.putResponses(councilId, CAMPAIGN, responses.slice(k, k + 500));
}
