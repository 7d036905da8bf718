/**
 * The record pages' questions: for each kind of due work, the fact that
 * does it and the questions that fact needs, how the answers are checked
 * (GOV.UK's date input and error messages) and how they read back on the
 * check-your-answers page. The fact is checked again by the fact schema,
 * the one the API uses.
 */
import { type Fact, type FactType, IRO_ALERT_REASONS, PARTICIPATION_CODES, type ParticipationCode, factSchema } from '#domain/facts.js';
import { isIsoDate } from '#domain/dates.js';
import { longDate } from '#domain/dateText.js';
import { kindLabel } from '#domain/kinds.js';
import { type LifeContext, lifeFields, lifeRows, lifeWords } from './careLeaverForm.js';

/** SSDA903 participation codes in plain words. */
export const PARTICIPATION_WORDS: Record<ParticipationCode, string> = {
  PN0: 'Under 4 at the time of the review',
  PN1: 'Came to the review and spoke for themselves',
  PN2: 'Came to the review and an advocate spoke for them',
  PN3: 'Came to the review and gave their views without words (for example signs or symbols)',
  PN4: 'Came to the review but did not give their views',
  PN5: 'Did not come, but briefed an advocate to speak for them',
  PN6: 'Did not come, but gave their views another way (for example a letter, form or recording)',
  PN7: 'Did not come and their views were not given',
};

export type Question = 'seenAlone' | 'participation' | 'healthKind' | 'score' | 'time' | 'reference' | 'complaintStage' | 'outcome' | 'inTouch' | 'activity' | 'accommodation' | 'suitable' | 'alertStage' | 'reason';

/** Why an IRO raises an alert, in words (the fixed list: nothing about the child in free text). */
export const IRO_ALERT_REASON_WORDS: Record<(typeof IRO_ALERT_REASONS)[number], string> = {
  'care-plan-drift': 'Drift in the care plan',
  'visits-overdue': 'Visits overdue',
  'review-recommendation-not-done': 'A review recommendation not carried out',
  'placement-stability': 'Placement stability',
  'safeguarding-concern': 'A safeguarding concern',
  education: 'Education',
  health: 'Health',
  'permanence-delay': 'Delay in permanence',
  'contact-arrangements': 'Family time and contact arrangements',
  other: 'Something else (say so to the manager, not here)',
};

/** The stages an alert may be raised at, in words. */
export const IRO_ALERT_STAGE_WORDS: Record<string, string> = {
  '1': "Stage 1: the social worker's manager",
  '2': "Stage 2: that manager's manager",
  '3': 'Stage 3: the next manager up',
};

/** The complaint stages in words, for the response page. */
export const COMPLAINT_STAGE_WORDS: Record<string, string> = { 'stage-1': 'Stage 1 (local resolution)', 'stage-2': 'Stage 2 (investigation)', 'review-panel': 'Review panel' };

export interface RecordForm {
  factType: FactType;
  /** What the date is of, in a sentence: "the visit". */
  what: string;
  questions: Question[];
  /** The obligation kinds this fact does, whose next due date the confirmation shows. */
  kinds: string[];
}

const FORMS: Record<string, RecordForm> = {
  'statutory-visit': { factType: 'visit', what: 'the visit', questions: ['seenAlone'], kinds: ['statutory-visit'] },
  'looked-after-review': { factType: 'review', what: 'the review', questions: ['participation'], kinds: ['looked-after-review'] },
  'care-plan': { factType: 'care-plan', what: 'the care plan', questions: [], kinds: ['care-plan'] },
  'placement-plan': { factType: 'placement-plan', what: 'the placement plan', questions: [], kinds: ['placement-plan'] },
  'permanence-plan': { factType: 'permanence-plan', what: 'the permanence plan', questions: [], kinds: ['permanence-plan'] },
  pep: { factType: 'pep', what: 'the PEP meeting', questions: [], kinds: ['pep'] },
  'initial-health-assessment': { factType: 'health-assessment', what: 'the health assessment', questions: ['healthKind'], kinds: ['initial-health-assessment', 'review-health-assessment'] },
  'review-health-assessment': { factType: 'health-assessment', what: 'the health assessment', questions: ['healthKind'], kinds: ['initial-health-assessment', 'review-health-assessment'] },
  'dental-check': { factType: 'dental-check', what: 'the dental check', questions: [], kinds: ['dental-check'] },
  sdq: { factType: 'sdq', what: 'the SDQ', questions: ['score'], kinds: ['sdq'] },
  'return-home-interview': { factType: 'return-home-interview', what: 'the return home interview', questions: ['time'], kinds: ['return-home-interview'] },
  'pathway-plan': { factType: 'pathway-plan', what: 'the pathway plan', questions: [], kinds: ['pathway-plan', 'pathway-plan-review'] },
  'pathway-plan-review': { factType: 'pathway-plan', what: 'the pathway plan review', questions: [], kinds: ['pathway-plan', 'pathway-plan-review'] },
  // Activity and accommodation too: asked when the birthday return is due, or answered when either changed (careLeaverForm.ts).
  'personal-adviser-contact': { factType: 'personal-adviser-contact', what: 'the contact', questions: ['activity', 'accommodation', 'suitable'], kinds: ['personal-adviser-contact', 'care-leaver-return'] },
  'care-leaver-return': { factType: 'care-leaver-status', what: 'the contact, or the last try', questions: ['inTouch', 'activity', 'accommodation', 'suitable'], kinds: ['care-leaver-return', 'personal-adviser-contact'] },
  'complaint-response': { factType: 'complaint-response', what: 'the response', questions: ['reference', 'complaintStage'], kinds: ['complaint-response'] },
  // Raised from the case page; its reference is made from the form's one-time token, so it is the same on every page.
  'iro-alert': { factType: 'iro-alert', what: 'the alert', questions: ['alertStage', 'reason'], kinds: ['iro-alert-response'] },
  'iro-alert-response': { factType: 'iro-alert-response', what: 'the answer to the alert', questions: ['reference', 'outcome'], kinds: ['iro-alert-response'] },
};

/** The form for a kind of due work: a statutory one, or one of the council's local rules (`localKinds`); null for neither. */
export function recordFormFor(kind: string, localKinds: ReadonlySet<string>): RecordForm | null {
  const statutory = FORMS[kind];
  if (statutory) return statutory;
  if (!localKinds.has(kind)) return null;
  return { factType: 'local-task', what: 'the task', questions: [], kinds: [kind] };
}

/** What the "Record ..." action says for a kind: "Record statutory visit". */
export function recordActionText(kind: string, titles: ReadonlyMap<string, string>): string {
  const label = kindLabel(kind, titles);
  return `Record ${/^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1)}`;
}

export type Answers = Record<string, string>;

export interface FieldError {
  /** The id the error summary links to. */
  href: string;
  field: string;
  text: string;
}

export interface Parsed {
  fact: Fact | null;
  errors: FieldError[];
}

/** The answers a form posts, and only those (anything else is dropped). */
export function answersFrom(form: Record<string, string | undefined>, recordForm: RecordForm): Answers {
  const keys = ['date-day', 'date-month', 'date-year', ...recordForm.questions];
  return Object.fromEntries(keys.map((k) => [k, (form[k] ?? '').trim()]));
}

function dateOf(answers: Answers, what: string, today: string): { date?: string; error?: FieldError } {
  const parts = { day: answers['date-day'] ?? '', month: answers['date-month'] ?? '', year: answers['date-year'] ?? '' };
  const missing = (Object.keys(parts) as Array<keyof typeof parts>).filter((k) => parts[k] === '');
  const name = `Date of ${what}`;
  const error = (part: string, text: string): { error: FieldError } => ({ error: { href: `#date-${part}`, field: 'date', text } });
  if (missing.length === 3) return error('day', `Enter the date of ${what}`);
  if (missing.length) return error(missing[0]!, `${name} must include a ${missing.join(' and ')}`);
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year)) return error('day', `${name} must be a real date`);
  const iso = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
  if (!isIsoDate(iso)) return error('day', `${name} must be a real date`);
  if (iso > today) return error('day', `${name} must be today or in the past`);
  if (iso < '1990-01-01') return error('year', `${name} must be after 1989`);
  return { date: iso };
}

/**
 * The fact the answers describe, or what is wrong with them, each error
 * naming its field. `context` gives what the form does not ask: the
 * current placement (for a placement plan) and the local rule's kind.
 */
export function parseAnswers(recordForm: RecordForm, kind: string, answers: Answers, today: string, context: { placementId?: string; alertId?: string } & LifeContext): Parsed {
  const errors: FieldError[] = [];
  const { date, error } = dateOf(answers, recordForm.what, today);
  if (error) errors.push(error);
  const q = (name: Question) => answers[name] ?? '';
  const fields: Record<string, unknown> = {};
  if (recordForm.questions.includes('seenAlone')) {
    if (q('seenAlone') === 'yes' || q('seenAlone') === 'no') fields.seenAlone = q('seenAlone') === 'yes';
    else errors.push({ href: '#seenAlone', field: 'seenAlone', text: 'Select yes if the child was seen alone' });
  }
  if (recordForm.questions.includes('participation')) {
    const code = q('participation') as ParticipationCode;
    if ((PARTICIPATION_CODES as readonly string[]).includes(code)) {
      fields.participation = code;
      if (code !== 'PN0') fields.childParticipated = code !== 'PN7';
    } else errors.push({ href: '#participation', field: 'participation', text: 'Select how the child took part in the review' });
  }
  if (recordForm.questions.includes('healthKind')) {
    if (q('healthKind') === 'initial' || q('healthKind') === 'review') fields.kind = q('healthKind');
    else errors.push({ href: '#healthKind', field: 'healthKind', text: 'Select whether this was the initial health assessment or a review' });
  }
  if (recordForm.questions.includes('score')) {
    const score = q('score');
    if (score === '') errors.push({ href: '#score', field: 'score', text: 'Enter the total difficulties score' });
    else if (!/^\d{1,2}$/.test(score) || Number(score) > 40) errors.push({ href: '#score', field: 'score', text: 'Total difficulties score must be a whole number from 0 to 40' });
    else fields.score = Number(score);
  }
  if (recordForm.questions.includes('time')) {
    // Optional: without it the 72 hours are checked by date.
    const time = q('time').replace('.', ':');
    const written = /^(\d{1,2}):(\d{2})$/.exec(time);
    if (time === '') { /* not known */ }
    else if (!written || Number(written[1]) > 23 || Number(written[2]) > 59) errors.push({ href: '#time', field: 'time', text: 'Time of the interview must be a time on the 24-hour clock, such as 14:30' });
    else fields.time = `${written[1]!.padStart(2, '0')}:${written[2]}`;
  }
  if (recordForm.questions.includes('reference')) {
    const ref = q('reference');
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(ref)) errors.push({ href: '#reference', field: 'reference', text: 'Enter the reference, as shown on the item (letters, digits, dots and dashes)' });
    else fields[recordForm.factType === 'complaint-response' ? 'complaintId' : 'alertId'] = ref;
  }
  if (recordForm.questions.includes('complaintStage')) {
    if (q('complaintStage') in COMPLAINT_STAGE_WORDS) fields.stage = q('complaintStage');
    else errors.push({ href: '#complaintStage', field: 'complaintStage', text: 'Select the stage of the complaint this answers' });
  }
  if (recordForm.questions.includes('outcome')) {
    if (q('outcome') === 'resolved' || q('outcome') === 'escalated') fields.outcome = q('outcome');
    else errors.push({ href: '#outcome', field: 'outcome', text: 'Select whether the alert was resolved or escalated' });
  }
  if (recordForm.questions.includes('alertStage')) {
    if (q('alertStage') in IRO_ALERT_STAGE_WORDS) fields.stage = Number(q('alertStage'));
    else errors.push({ href: '#alertStage', field: 'alertStage', text: 'Select the stage the alert is raised at' });
  }
  if (recordForm.questions.includes('reason')) {
    if (q('reason') in IRO_ALERT_REASON_WORDS) fields.reason = q('reason');
    else errors.push({ href: '#reason', field: 'reason', text: 'Select why you are raising the alert' });
  }
  if (recordForm.factType === 'iro-alert') fields.alertId = context.alertId;
  let factType: FactType = recordForm.factType;
  if (recordForm.questions.includes('activity')) {
    const life = lifeFields(recordForm, answers, context);
    errors.push(...life.errors);
    if (life.fields) {
      Object.assign(fields, life.fields);
      factType = 'care-leaver-status';
    }
  }
  if (recordForm.factType === 'placement-plan') fields.placementId = context.placementId;
  if (recordForm.factType === 'local-task') fields.kind = kind;
  if (errors.length) return { fact: null, errors };
  const checked = factSchema.safeParse({ type: factType, date, ...fields });
  if (!checked.success) return { fact: null, errors: checked.error.issues.map((i) => ({ href: '#date-day', field: String(i.path[0] ?? 'date'), text: `${String(i.path[0] ?? 'date')} ${i.message}` })) };
  return { fact: checked.data, errors: [] };
}

/** The check-your-answers rows, each with a link back to change it. */
export function answerRows(recordForm: RecordForm, fact: Fact, changeHref: string) {
  const row = (key: string, value: string, anchor: string) => ({
    key: { text: key },
    value: { text: value },
    actions: { items: [{ href: `${changeHref}#${anchor}`, text: 'Change', visuallyHiddenText: key.toLowerCase() }] },
  });
  const rows = [row(`Date of ${recordForm.what}`, longDate(fact.type === 'missing-episode' ? fact.start.slice(0, 10) : fact.date), 'date-day')];
  if (fact.type === 'visit') rows.push(row('Seen alone', fact.seenAlone ? 'Yes' : 'No', 'seenAlone'));
  if (fact.type === 'review' && fact.participation) rows.push(row('How the child took part', PARTICIPATION_WORDS[fact.participation], 'participation'));
  if (fact.type === 'health-assessment') rows.push(row('Kind of assessment', fact.kind === 'initial' ? 'Initial health assessment' : 'Review health assessment', 'healthKind'));
  if (fact.type === 'sdq') rows.push(row('Total difficulties score', String(fact.score), 'score'));
  if (fact.type === 'return-home-interview') rows.push(row('Time of the interview', fact.time ?? 'Not known', 'time'));
  if (fact.type === 'complaint-response') rows.push(row('Complaint reference', fact.complaintId, 'reference'), row('Stage', COMPLAINT_STAGE_WORDS[fact.stage]!, 'complaintStage'));
  if (fact.type === 'iro-alert-response') rows.push(row('Alert reference', fact.alertId, 'reference'), row('Outcome', fact.outcome === 'resolved' ? 'Resolved' : 'Escalated to the next stage', 'outcome'));
  if (fact.type === 'iro-alert') rows.push(row('Stage', IRO_ALERT_STAGE_WORDS[String(fact.stage)] ?? `Stage ${fact.stage}`, 'alertStage'), row('Reason', IRO_ALERT_REASON_WORDS[fact.reason], 'reason'));
  if (fact.type === 'care-leaver-status') for (const [key, value, anchor] of lifeRows(fact, recordForm.questions.includes('inTouch'))) rows.push(row(key, value, anchor));
  return rows;
}

/** What a recorded fact says beyond its date, for the case page's history. */
export function factDetails(fact: Fact): string {
  switch (fact.type) {
    case 'visit':
      return fact.seenAlone ? 'Seen alone' : 'Not seen alone';
    case 'review':
      if (fact.participation) return `${fact.participation}: ${PARTICIPATION_WORDS[fact.participation]}`;
      return fact.childParticipated === undefined ? '' : fact.childParticipated ? 'The child took part' : 'The child did not take part';
    case 'health-assessment':
      return fact.kind === 'initial' ? 'Initial assessment' : 'Review assessment';
    case 'sdq':
      return `Score ${fact.score}`;
    case 'return-home-interview':
      return fact.time ? `At ${fact.time}` : '';
    case 'placement-started':
      return `Placement ${fact.placementId}${fact.arrangement ? `, ${fact.arrangement.replace(/-/g, ' ')}` : ''}${fact.longTerm ? ', long-term' : ''}`;
    case 'placement-ended':
    case 'placement-plan':
    case 'fewer-visits-agreed':
      return `Placement ${fact.placementId}`;
    case 'left-care':
      return fact.reason.replace(/-/g, ' ');
    case 'local-task':
      return kindLabel(fact.kind);
    case 'missing-episode':
      return fact.returned ? 'Returned' : 'Not yet returned';
    case 'case-system-review-due':
      return fact.held ? `The review due this day in the case system, held ${longDate(fact.held)}` : 'The review due this day in the case system, not yet held';
    case 'complaint':
      return `Complaint ${fact.complaintId}, ${fact.stage.replace(/-/g, ' ')}, officer ${fact.officerId}${fact.agreedWorkingDays ? `, ${fact.agreedWorkingDays} working days agreed` : ''}`;
    case 'complaint-response':
      return `Complaint ${fact.complaintId}, ${fact.stage.replace(/-/g, ' ')} answered`;
    case 'iro-alert':
      return `Alert ${fact.alertId} at stage ${fact.stage}: ${fact.reason.replace(/-/g, ' ')}`;
    case 'iro-alert-response':
      return `Alert ${fact.alertId} ${fact.outcome}`;
    case 'care-leaver-status':
      return lifeWords(fact);
    case 'correction':
      return fact.reason === 'recorded-in-error' ? 'Recorded in error' : 'Replaced by the case system';
    default:
      return '';
  }
}

/** How a fact type reads in the history: "placement-started" is "Placement started". */
export const factLabel = (type: string): string => (type === 'pep' ? 'PEP' : type === 'sdq' ? 'SDQ' : type.charAt(0).toUpperCase() + type.slice(1).replace(/-/g, ' '));
