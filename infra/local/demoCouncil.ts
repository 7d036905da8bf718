/**
 * The demo council `npm start` seeds on first start: a lead, an admin,
 * 3 team managers and a quality assurance manager, 20 social workers, 3
 * IROs, 3 personal advisers, a virtual school officer and a looked-after
 * children's nurse, and 220 children, each with a team, whose histories
 * leave most work done on time and a little overdue, due today or coming up.
 * Caseloads are like a real council's: about 11 children a social worker,
 * 60 an IRO, 20 young people a personal adviser. Names are invented; no real
 * person is described.
 */
import type { StoredFact } from '#store/ports/cases.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { ChildRecord, Staff, Team } from '#domain/people.js';
import { resolvePolicy, type PolicyInput } from '#domain/policy.js';
import { projector } from '#services/council.js';
import { between, makeRng, pick, syntheticChild } from './histories.js';
import { factDate } from '#domain/facts.js';
import { addDaysIso, ageOn, toDayNumber } from '#domain/dates.js';
import { pledgeSurvey } from '#domain/surveys/definitions.js';
import { DEMO_PLEDGE } from './demoPledge.js';
import type { SurveyStore } from '#store/ports/surveys.js';
import type { Campaign } from '#domain/surveys/campaign.js';
import type { Bands } from '#domain/surveys/bands.js';
import { personOf } from '#domain/surveys/bands.js';
import { buildHistory } from '#domain/history.js';
import { definitionFor } from '#services/surveyDefinitions.js';
import { answerSome, seedLastYear } from './demoResponses.js';
import { type ResponsibilityMap, kindsAnsweredBy, responsibleFor } from '#domain/responsibility.js';
import type { Fact } from '#domain/facts.js';

function recordedByFor(fact: Fact, team: Team, age: number, map: ResponsibilityMap): string {
  const [kind] = kindsAnsweredBy(fact);
  return kind ? responsibleFor(kind, team, age, map).responsibleId : team.socialWorker;
}

const FIRST = ['Amara', 'Ben', 'Chloe', 'Daniel', 'Ella', 'Finley', 'Grace', 'Harvey', 'Isla', 'Jayden', 'Keira', 'Leo', 'Maya', 'Noah', 'Olivia', 'Priya', 'Quinn', 'Reece', 'Sofia', 'Tyler', 'Uma', 'Vincent', 'Willow', 'Xavier', 'Yasmin', 'Zac', 'Aisha', 'Callum', 'Demi', 'Kacper'];
const LAST = ['Adeyemi', 'Brown', 'Clarke', 'Davies', 'Evans', 'Fletcher', 'Green', 'Hussain', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Mensah', 'Nowak', 'Okafor', 'Patel', 'Quinn', 'Roberts', 'Smith', 'Taylor', 'Usman', 'Walker', 'Wright', 'Young'];
const STAFF_FIRST = ['Sam', 'Jo', 'Priti', 'Tom', 'Ngozi', 'Lucy', 'Marek', 'Hannah', 'Dev', 'Rosa', 'Imran', 'Kate', 'Owen', 'Bea', 'Luis', 'Fatima', 'Gary', 'Mei', 'Ruth', 'Ade'];
const STAFF_LAST = ['Ashworth', 'Bell', 'Chowdhury', 'Doyle', 'Eze', 'Foster', 'Gill', 'Hart', 'Ito', 'Jenkins', 'Kowalski', 'Lowe', 'Morgan', 'Nair', 'Osei', 'Price', 'Rahman', 'Shaw', 'Turner', 'Vance'];

export const DEMO_COUNCIL_NAME = 'Kept Demo Borough Council';

// Fail fast if the demo pledge ever stops making a valid survey.
pledgeSurvey({ name: DEMO_COUNCIL_NAME, pledge: DEMO_PLEDGE });

/**
 * The demo council's policy: the statute, plus a local CSE risk assessment rule
 * and two rules that start from an event (a health passport within 20 working
 * days of leaving care; an IRO visit midway between reviews), and IRO alerts
 * answered within 5 working days a stage.
 */
export const DEMO_POLICY: PolicyInput = {
  localRules: [
    { kind: 'cse-risk-assessment', title: 'CSE risk assessment every 6 months from age 11', fromAge: 11, appliesTo: 'looked-after', firstWithin: { workingDays: 20 }, every: { months: 6 } },
    { kind: 'health-passport', title: 'Health passport within 20 working days of leaving care', appliesTo: 'care-leaver', afterFact: { type: 'left-care', within: { workingDays: 20 } } },
    { kind: 'iro-visit', title: 'IRO visit between reviews', appliesTo: 'looked-after', betweenFacts: { type: 'review', at: 'midpoint' } },
  ],
  iroAlert: { stageWorkingDays: [5, 5, 5] },
};

export function demoStaff(councilId: string): Staff[] {
  const email = (first: string, last: string) => `${first}.${last}@${councilId}.kept.example.org`.toLowerCase();
  const staff: Staff[] = [
    { councilId, id: 'admin-1', name: 'Alex Morgan', email: email('alex', 'morgan'), role: 'admin', jobTitle: 'Systems administrator' },
    { councilId, id: 'hos-1', name: 'Patricia Okoye', email: email('patricia', 'okoye'), role: 'lead', jobTitle: 'Head of service, children in care' },
  ];
  for (let m = 1; m <= 3; m++) {
    const [first, last] = [['Chris', 'Howell'], ['Sunita', 'Rao'], ['Martin', 'Byrne']][m - 1]!;
    staff.push({ councilId, id: `tm-${m}`, name: `${first} ${last}`, email: email(first!, last!), role: 'manager', managerId: 'hos-1', jobTitle: 'Team manager' });
  }
  for (let p = 1; p <= 20; p++) {
    const first = STAFF_FIRST[p - 1]!;
    const last = STAFF_LAST[p - 1]!;
    staff.push({
      councilId,
      id: `sw-${String(p).padStart(2, '0')}`,
      name: `${first} ${last}`,
      email: email(first, last),
      role: 'practitioner',
      managerId: `tm-${((p - 1) % 3) + 1}`,
      jobTitle: p > 17 ? 'Social worker, leaving care' : 'Social worker',
      teamRole: 'social-worker',
    });
  }
  staff.push({ councilId, id: 'qa-1', name: 'Gillian Ferreira', email: email('gillian', 'ferreira'), role: 'manager', managerId: 'hos-1', jobTitle: 'Service manager, safeguarding and quality assurance' });
  const others: Array<[string, string, string, Staff['teamRole'], string, string]> = [
    ['iro-1', 'Margaret', 'Oyelaran', 'iro', 'qa-1', 'Independent reviewing officer'],
    ['iro-2', 'Dylan', 'Pritchard', 'iro', 'qa-1', 'Independent reviewing officer'],
    ['iro-3', 'Farah', 'Siddiqui', 'iro', 'qa-1', 'Independent reviewing officer'],
    ['pa-1', 'Kwame', 'Asante', 'personal-adviser', 'tm-3', 'Personal adviser'],
    ['pa-2', 'Niamh', 'Gallagher', 'personal-adviser', 'tm-3', 'Personal adviser'],
    ['pa-3', 'Tariq', 'Mahmood', 'personal-adviser', 'tm-3', 'Personal adviser'],
    ['vs-1', 'Helen', 'Whitfield', 'virtual-school', 'qa-1', 'Virtual school education officer'],
    ['nurse-1', 'Grace', 'Ilori', 'health', 'qa-1', "Designated nurse, children in care"],
  ];
  for (const [id, first, last, teamRole, managerId, jobTitle] of others) {
    staff.push({ councilId, id, name: `${first} ${last}`, email: email(first, last), role: 'practitioner', managerId, jobTitle, teamRole });
  }
  return staff;
}

/**
 * A child's team in the demo: every looked-after child has an IRO and the
 * nurse, those of school age the virtual school, and from 16 (and after
 * care) a personal adviser. A few gaps are left for the managers to fill:
 * one in 25 children has no IRO yet, one in 20 care leavers no adviser.
 */
function demoTeam(i: number, socialWorker: string, age: number, leaver: boolean): Team {
  const team: Team = { socialWorker };
  if (!leaver) {
    if (i % 25 !== 3) team.iro = `iro-${(i % 3) + 1}`;
    team.health = 'nurse-1';
    if (age >= 5 && age < 16) team.virtualSchool = 'vs-1';
  }
  if ((leaver && i % 20 !== 13) || (!leaver && age >= 16)) team.personalAdviser = `pa-${(i % 3) + 1}`;
  return team;
}

export async function seedDemoCouncil(store: KeptStore, councilId: string, today: string, childCount = 220): Promise<{ staff: number; children: number; facts: number }> {
  const policy = resolvePolicy(DEMO_POLICY);
  await store.putCouncil({
    id: councilId, name: DEMO_COUNCIL_NAME, policy: DEMO_POLICY, outOfHoursPhone: '0300 555 0199', pledge: [...DEMO_PLEDGE],
    dataProtection: { email: `dpo@${councilId}.kept.example.org`, phone: '0300 555 0188', answersKept: '6 years after the survey closes (our records retention schedule), when we delete them' },
    accessibilityContact: { email: `accessibility@${councilId}.kept.example.org`, phone: '0300 555 0177' },
  });
  const staff = demoStaff(councilId);
  for (const s of staff) await store.createStaff(s);
  const practitioners = staff.filter((s) => s.teamRole === 'social-worker');
  const rng = makeRng(20_270_118);
  const project = projector(policy, today, staff);
  const createdAt = new Date().toISOString();
  const entries = [];
  let factCount = 0;
  for (let i = 0; i < childCount; i++) {
    const leaver = i % 7 === 6;
    const history = syntheticChild(rng, today, leaver);
    const holder = leaver ? practitioners[17 + (i % 3)]! : practitioners[i % 17]!;
    const age = ageOn(toDayNumber(history.dateOfBirth), toDayNumber(today));
    const team = demoTeam(i, holder.id, age, leaver);
    const child: ChildRecord = {
      councilId,
      id: `C-${1001 + i}`,
      firstName: pick(rng, FIRST),
      lastName: pick(rng, LAST),
      dateOfBirth: history.dateOfBirth,
      holderId: holder.id,
      team,
      ...demoContact(i, age, councilId),
      createdAt,
      version: 0,
    };
    // Each fact is recorded by whoever answers for it: the IRO records the review, the nurse the health assessment.
    const recorder = (fact: (typeof history.facts)[number]) => recordedByFor(fact, team, age, policy.responsibility);
    const facts: StoredFact[] = history.facts
      .map((fact) => ({ fact, recordedBy: recorder(fact), recordedAt: `${factDate(fact)}T${String(between(rng, 9, 17)).padStart(2, '0')}:00:00.000Z` }));
    factCount += facts.length;
    entries.push({ child, facts, projection: project(child, facts) });
  }
  await store.writeChildren(entries);
  return { staff: staff.length, children: entries.length, facts: factCount };
}


/**
 * How the demo reaches a young person of 8 and over (younger children are
 * asked with an adult): an address that carries no name, and for every
 * third one a mobile number with text as the channel (half of those have
 * no email at all), and for some of the over-16s both. The numbers are
 * only ever "sent" to the local SMS endpoint.
 */
function demoContact(i: number, age: number, councilId: string): Pick<ChildRecord, 'email' | 'mobile' | 'preferredChannel'> {
  if (age < 8) return {};
  const email = `young-person-${1001 + i}@${councilId}.young.kept.example.org`;
  const mobile = `+447700${String(100_000 + i)}`;
  if (i % 3 === 0) return i % 2 === 0 ? { mobile, preferredChannel: 'text' } : { email, mobile, preferredChannel: 'text' };
  if (i % 3 === 1 && age >= 16) return { email, mobile, preferredChannel: 'both' };
  return { email };
}

/**
 * The demo's open campaigns: the annual care-leaver survey and the placement
 * survey in its three age bands. The 4 to 7 year olds have no contact of their
 * own, so theirs is answered with a worker, from the case page's assisted link.
 */
export async function seedDemoCampaigns(surveys: SurveyStore, councilId: string, today: string): Promise<void> {
  const base = { councilId, state: 'scheduled' as const, createdBy: 'hos-1', createdAt: new Date().toISOString(), invited: 0, remindersSent: 0, opens: today, closes: addDaysIso(today, 28), reminderDays: [7, 14] };
  const campaigns: Campaign[] = [
    { ...base, id: 'cmp-care-leavers', name: 'Care leavers survey', surveyId: 'care-leaver', version: 1, mode: 'anonymous', audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 } },
    { ...base, id: 'cmp-placements', name: 'Placement survey, 11 to 17', surveyId: 'placement-11-17', version: 1, mode: 'confidential', audience: { status: 'looked-after', ageFrom: 11, ageTo: 18 } },
    { ...base, id: 'cmp-placements-young', name: 'Placement survey, 8 to 10', surveyId: 'placement-8-11', version: 1, mode: 'anonymous', audience: { status: 'looked-after', ageFrom: 8, ageTo: 11 } },
    { ...base, id: 'cmp-placements-youngest', name: 'Placement survey, 4 to 7', surveyId: 'placement-4-7', version: 1, mode: 'anonymous', audience: { status: 'looked-after', ageFrom: 4, ageTo: 8 } },
  ];
  for (const c of campaigns) await surveys.putCampaign(c);
}

/** Last year's results, and about 40% of this year's invitees answering, so the leads' view shows trends. */
export async function seedDemoAnswers(store: KeptStore, surveys: SurveyStore, councilId: string, today: string): Promise<number> {
  await seedLastYear(surveys, councilId, today);
  const council = await store.getCouncil(councilId);
  const pledge = council?.pledge ?? [];
  let answered = 0;
  for (const campaign of await surveys.listCampaigns(councilId)) {
    if (campaign.state !== 'open') continue;
    const definition = definitionFor(campaign, { name: council?.name ?? '', pledge });
    if (!definition) continue;
    const bandsOf = (childId: string) => bands.get(childId)!;
    const bands = new Map<string, Bands>();
    for (const invitation of await surveys.listInvitations(councilId, campaign.id)) {
      const child = await store.getChild(councilId, invitation.childId);
      const { facts } = await store.getChildHistory(councilId, invitation.childId);
      bands.set(invitation.childId, personOf(buildHistory({ id: child!.id, dateOfBirth: child!.dateOfBirth }, facts.map((f) => f.fact), today), 21).bands);
    }
    answered += await answerSome(surveys, councilId, campaign, definition, 0.4, bandsOf, today);
  }
  return answered;
}
