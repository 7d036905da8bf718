/**
 * What leads see of a survey campaign: response rate, each question's
 * answers, the headline indicators, breakdowns by age band, placement type
 * and area, and the change since the last campaign of the same survey.
 * Pure, and every number passes through the suppression rules before it
 * leaves this module, so HTML, JSON and CSV show exactly the same.
 */
import type { Answers } from './surveys/answers.js';
import type { Bands } from './surveys/bands.js';
import { INDICATORS, type Question, type SurveyDefinition } from './surveys/schema.js';
import { publishCounts } from './surveys/responseCounts.js';
import { type Shown, type SuppressedTable, mean, percent, suppressTable, MIN_BASE } from './suppression.js';

export interface ResponseForSummary {
  answers: Answers;
  bands: Bands;
}

type Indicator = (typeof INDICATORS)[number];

const INDICATOR_TITLES: Record<Indicator, string> = {
  'feel-safe-home': 'Feel safe where they live',
  'trust-adults': 'Trust the adults they live with',
  'know-worker': 'Know who their worker or adviser is',
  'in-education-work-training': 'In education, employment or training',
  'life-satisfaction': 'Life satisfaction',
  lonely: 'Feel lonely often or always',
};

const DIMENSIONS = [
  { id: 'ageBand', title: 'Age band' },
  { id: 'placementType', title: 'Placement type' },
  { id: 'area', title: 'In or out of area' },
] as const;
type Dimension = (typeof DIMENSIONS)[number]['id'];

export interface QuestionSummary {
  id: string;
  text: string;
  type: Question['type'];
  /** One row ("All"), a column per answer (choice) or score (scale). Free text has none. */
  table: SuppressedTable | null;
  /** Share of those who answered the question, per column; null where not publishable. */
  percents: Array<number | null>;
  /** Scale questions: the mean score. */
  mean: number | null;
  /** Percentage points since the previous campaign, per column, where both are publishable. */
  change: Array<number | null> | null;
}

export interface IndicatorSummary {
  id: Indicator;
  title: string;
  questionId: string;
  /** How the figure is counted, in words. */
  definition: string;
  count: Shown;
  base: Shown;
  percent: number | null;
  previousPercent: number | null;
  change: number | null;
  /** Life satisfaction only: mean score and the share scoring 0 to 4 ("low", as ONS bands it). */
  mean?: number | null;
  lowPercent?: number | null;
  breakdowns: Array<{ dimension: Dimension; title: string; table: SuppressedTable; percents: Array<number | null> }>;
}

export interface SurveySummary {
  surveyId: string;
  version: number;
  invited: Shown;
  answered: Shown;
  responseRate: number | null;
  questions: QuestionSummary[];
  indicators: IndicatorSummary[];
  /** Free text, shown to leads only and only when 10 or more answered the survey; null otherwise. */
  comments: Array<{ questionId: string; text: string }> | null;
}

interface Options {
  definition: SurveyDefinition;
  invited: number;
  responses: readonly ResponseForSummary[];
  previous?: { definition: SurveyDefinition; responses: readonly ResponseForSummary[] } | null;
  includeComments: boolean;
}

function columnsOf(q: Question): Array<{ key: string; label: string }> {
  if (q.type === 'choice') return q.options.map((o) => ({ key: o.value, label: o.label }));
  if (q.type === 'scale') return Array.from({ length: q.max - q.min + 1 }, (_, i) => ({ key: String(q.min + i), label: String(q.min + i) }));
  return [];
}

/** How many answered each column of a question. */
function distribution(q: Question, responses: readonly ResponseForSummary[]): number[] {
  const columns = columnsOf(q);
  const counts = columns.map(() => 0);
  for (const r of responses) {
    const v = r.answers[q.id];
    if (v === undefined) continue;
    const at = columns.findIndex((c) => c.key === String(v));
    if (at >= 0) counts[at]! += 1;
  }
  return counts;
}

/**
 * Percentages always take the base as the table publishes it: a base hidden
 * by secondary suppression must not come back through a percentage.
 */
function publishedPercents(table: SuppressedTable): Array<number | null> {
  return table.cells[0]!.map((cell) => percent(cell, table.rowTotals[0]!));
}

/** The scores given to a scale question, by those who answered it. */
function scoresOf(q: Question, responses: readonly ResponseForSummary[]): number[] {
  return responses.flatMap((r) => (r.answers[q.id] === undefined ? [] : [Number(r.answers[q.id])]));
}

function questionById(definition: SurveyDefinition, id: string): Question | undefined {
  for (const s of definition.sections) for (const q of s.questions) if (q.id === id) return q;
  return undefined;
}

/** Whether a response counts towards an indicator (null: not answered). */
function indicatorValue(q: Question, value: Answers[string] | undefined): boolean | null {
  if (value === undefined) return null;
  if (q.type === 'choice') return (q.positive ?? []).includes(String(value));
  if (q.type === 'scale') return Number(value) >= 7; // life satisfaction: "high" or "very high" (7 to 10), as ONS bands it
  return null;
}

function indicatorDefinition(id: Indicator, q: Question): string {
  if (q.type === 'scale') {
    return `Answers to "${q.text}" on a scale of ${q.min} to ${q.max}. The figure is the share scoring 7 or more (high or very high, as ONS bands it); the mean and the share scoring 0 to 4 (low) are shown too. Base: everyone who answered the question.`;
  }
  const labels = q.type === 'choice' ? q.options.filter((o) => (q.positive ?? []).includes(o.value)).map((o) => `"${o.label}"`) : [];
  return `${INDICATOR_TITLES[id]}: the share answering ${labels.join(' or ')} to "${q.text}". Base: everyone who answered the question.`;
}

export function summariseSurvey(o: Options): SurveySummary {
  const { definition, responses } = o;
  const answered = responses.length;
  const questions: QuestionSummary[] = [];
  for (const section of definition.sections) {
    for (const q of section.questions) {
      if (q.type === 'text') {
        questions.push({ id: q.id, text: q.text, type: q.type, table: null, percents: [], mean: null, change: null });
        continue;
      }
      const counts = distribution(q, responses);
      const table = suppressTable({ rows: ['All'], columns: columnsOf(q).map((c) => c.label), counts: [counts] });
      const percents = publishedPercents(table);
      let change: Array<number | null> | null = null;
      const previousQ = o.previous ? questionById(o.previous.definition, q.id) : undefined;
      if (o.previous && previousQ && previousQ.type === q.type) {
        const prevCounts = distribution(previousQ, o.previous.responses);
        const prevTable = suppressTable({ rows: ['All'], columns: columnsOf(previousQ).map((c) => c.label), counts: [prevCounts] });
        const prevPercents = publishedPercents(prevTable);
        change = columnsOf(q).map((c, i) => {
          const j = columnsOf(previousQ).findIndex((pc) => pc.key === c.key);
          const now = percents[i];
          const then = j >= 0 ? prevPercents[j] : null;
          return now != null && then != null ? round1(now - then) : null;
        });
      }
      questions.push({ id: q.id, text: q.text, type: q.type, table, percents, mean: q.type === 'scale' ? mean(scoresOf(q, responses)) : null, change });
    }
  }

  const indicators: IndicatorSummary[] = [];
  for (const section of definition.sections) {
    for (const q of section.questions) {
      if (!q.indicator || q.type === 'text') continue;
      const id = q.indicator;
      const values = responses.map((r) => ({ v: indicatorValue(q, r.answers[q.id]), bands: r.bands }));
      const answeredQ = values.filter((x) => x.v !== null);
      const count = answeredQ.filter((x) => x.v).length;
      const own = suppressTable({ rows: ['All'], columns: ['Yes', 'No'], counts: [[count, answeredQ.length - count]] });
      const pct = percent(own.cells[0]![0]!, own.total);
      let previousPercent: number | null = null;
      const prevQ = o.previous ? questionById(o.previous.definition, q.id) : undefined;
      if (o.previous && prevQ) {
        const prevValues = o.previous.responses.map((r) => indicatorValue(prevQ, r.answers[q.id])).filter((v) => v !== null);
        const prevCount = prevValues.filter(Boolean).length;
        const prevTable = suppressTable({ rows: ['All'], columns: ['Yes', 'No'], counts: [[prevCount, prevValues.length - prevCount]] });
        previousPercent = percent(prevTable.cells[0]![0]!, prevTable.total);
      }
      const summary: IndicatorSummary = {
        id,
        title: INDICATOR_TITLES[id],
        questionId: q.id,
        definition: indicatorDefinition(id, q),
        count: own.cells[0]![0]!,
        base: own.total,
        percent: pct,
        previousPercent,
        change: pct != null && previousPercent != null ? round1(pct - previousPercent) : null,
        breakdowns: DIMENSIONS.map((d) => {
          const groups = [...new Set(answeredQ.map((x) => x.bands[d.id]))].sort();
          const counts = groups.map((g) => {
            const inGroup = answeredQ.filter((x) => x.bands[d.id] === g);
            const yes = inGroup.filter((x) => x.v).length;
            return [yes, inGroup.length - yes];
          });
          const table = suppressTable({ rows: groups, columns: ['Yes', 'No'], counts });
          const percents = counts.map((_, i) => percent(table.cells[i]![0]!, table.rowTotals[i]!));
          return { dimension: d.id, title: d.title, table, percents };
        }),
      };
      if (q.type === 'scale') {
        const scores = scoresOf(q, responses);
        summary.mean = mean(scores);
        const low = scores.filter((s) => s <= 4).length;
        const lowTable = suppressTable({ rows: ['All'], columns: ['Low', 'Not low'], counts: [[low, scores.length - low]] });
        summary.lowPercent = percent(lowTable.cells[0]![0]!, lowTable.total);
      }
      indicators.push(summary);
    }
  }

  const comments =
    o.includeComments && answered >= MIN_BASE
      ? definition.sections.flatMap((s) =>
          s.questions
            .filter((q) => q.type === 'text')
            .flatMap((q) => responses.flatMap((r) => (typeof r.answers[q.id] === 'string' && String(r.answers[q.id]).trim() ? [{ questionId: q.id, text: String(r.answers[q.id]) }] : []))),
        )
      : null;

  return {
    surveyId: definition.id,
    version: definition.version,
    ...publishCounts({ invited: o.invited, answered }),
    questions,
    indicators,
    comments,
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
