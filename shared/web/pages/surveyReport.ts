/**
 * One survey campaign's report as a page, a JSON document and CSV rows: each
 * a rendering of the same suppressed summary, never a recount.
 */
import type { Principal } from '#domain/principal.js';
import type { Shown } from '#domain/suppression.js';
import { longDate } from '#domain/dateText.js';
import { HIDDEN_MEANING, HOW_FIGURES_ARE_HIDDEN, NOT_SHOWN_MEANING, figureNotes, withNotesColumn } from '#domain/hiddenFigures.js';
import { ageBandWords, groupWords } from '#domain/reportWords.js';
import { type SurveyReport, canSeeComments } from '#services/reports.js';
import { barChart } from '#web/charts.js';

export const pct = (n: number | null | undefined) => (n == null ? 'not shown' : `${n}%`);
export const pp = (n: number | null | undefined) => (n == null ? 'not shown' : `${n > 0 ? '+' : ''}${n} points`);
const shown = (v: Shown) => String(v);
const blankIfNull = (n: number | null | undefined) => (n == null ? '' : String(n));

/** What the reports pages' key says (views/reports-key.njk). */
export const FIGURES_KEY = { hidden: HIDDEN_MEANING, notShown: NOT_SHOWN_MEANING, href: HOW_FIGURES_ARE_HIDDEN };

export const signedInAs = (principal: Principal) => `${principal.staffId} (${principal.role})`;

export function surveyReportJson(r: SurveyReport, appUrl: string) {
  const { id, name, mode, opens, closes, youSaidWeDid } = r.campaign;
  return { campaign: { id, name, mode, opens, closes, youSaidWeDid: youSaidWeDid ?? null }, rates: r.rates, summary: r.summary, notes: figureNotes(appUrl) };
}

/** A response-rate row's group in words: age bands as "16 to 17"; teams and channels are words already. */
const rateLabel = (dimension: string, label: string) => (dimension === 'ageBand' ? ageBandWords(label) : label);

/** The CSV: codes in words, and a `notes` column saying what `c` means on each row that has one. */
export function surveyReportCsv(r: SurveyReport, appUrl: string): string[][] {
  const s = r.summary;
  const rows: string[][] = [['section', 'question_id', 'question', 'answer', 'count', 'percent', 'change_points']];
  rows.push(['response', '', 'Invited', '', shown(s.invited), '', '']);
  rows.push(['response', '', 'Answered', '', shown(s.answered), blankIfNull(s.responseRate), '']);
  rows.push(['response', '', 'Target response rate', '', '', String(r.rates.target), '']);
  rows.push(['response', '', 'Answered with a worker (assisted)', '', shown(r.rates.assisted), '', '']);
  rows.push(['response', '', 'Could not be delivered (email or text)', '', shown(r.rates.undelivered), '', '']);
  rows.push(['response', '', 'Not reachable for this survey (3 failed sends)', '', shown(r.rates.notReachable), '', '']);
  for (const b of r.rates.breakdowns) {
    for (const row of b.rows) {
      rows.push([`response by ${b.dimension}`, '', rateLabel(b.dimension, row.label), 'Invited', shown(row.invited), '', '']);
      rows.push([`response by ${b.dimension}`, '', rateLabel(b.dimension, row.label), 'Answered', shown(row.answered), blankIfNull(row.rate), '']);
    }
  }
  for (const ind of s.indicators) {
    rows.push(['indicator', ind.questionId, ind.title, 'All', shown(ind.count), blankIfNull(ind.percent), blankIfNull(ind.change)]);
    for (const b of ind.breakdowns) {
      b.table.rows.forEach((group, i) => rows.push([`indicator by ${b.dimension}`, ind.questionId, ind.title, groupWords(b.dimension, group), shown(b.table.cells[i]![0]!), blankIfNull(b.percents[i]), '']));
    }
  }
  for (const q of s.questions) {
    if (!q.table) continue;
    q.table.columns.forEach((answer, i) => rows.push(['question', q.id, q.text, answer, shown(q.table!.cells[0]![i]!), blankIfNull(q.percents[i]), blankIfNull(q.change?.[i])]));
  }
  const withNotes = withNotesColumn(rows, appUrl);
  for (const c of s.comments ?? []) withNotes.push(['comment', c.questionId, '', c.text, '', '', '', '']);
  return withNotes;
}

/** What reports-survey.njk shows. */
export function surveyReportView(r: SurveyReport, principal: Principal, csrf: string, replyError?: string) {
  const s = r.summary;
  return {
    section: 'survey',
    title: r.campaign.name,
    councilName: r.council.name,
    signedInAs: signedInAs(principal),
    key: FIGURES_KEY,
    surveyTitle: r.definition.title,
    previousName: r.previous?.name,
    campaign: r.campaign,
    opens: longDate(r.campaign.opens),
    closes: longDate(r.campaign.closes),
    summary: { ...s, invited: shown(s.invited), answered: shown(s.answered) },
    rates: ratesView(r),
    pct,
    pp,
    indicators: s.indicators.map((ind) => ({
      ...ind,
      breakdowns: ind.breakdowns.map((b) => ({
        title: b.title,
        chart: barChart({
          title: `${ind.title} by ${b.title.toLowerCase()}`,
          bars: b.table.rows.map((g, i) => ({ label: groupWords(b.dimension, g), value: b.percents[i] ?? null, text: pct(b.percents[i]) })),
        }),
        rows: b.table.rows.map((g, i) => [
          { text: groupWords(b.dimension, g) },
          { text: shown(b.table.cells[i]![0]!), format: 'numeric' },
          { text: shown(b.table.rowTotals[i]!), format: 'numeric' },
          { text: pct(b.percents[i]), format: 'numeric' },
        ]),
      })),
    })),
    questions: s.questions.map((q) => ({
      ...q,
      chart: q.table ? barChart({ title: q.text, bars: q.table.columns.map((c, i) => ({ label: c, value: q.percents[i] ?? null, text: pct(q.percents[i]) })) }) : '',
      rows: q.table
        ? q.table.columns.map((c, i) => [
            { text: c },
            { text: shown(q.table!.cells[0]![i]!), format: 'numeric' },
            { text: pct(q.percents[i]), format: 'numeric' },
            { text: q.change ? pp(q.change[i]) : 'no earlier survey', format: 'numeric' },
          ])
        : [],
    })),
    comments: s.comments,
    canSeeComments: canSeeComments(principal),
    canReply: canSeeComments(principal),
    csrf,
    replyError,
    ...(replyError ? { errors: [{ text: 'Fix the reply' }] } : {}),
  };
}

/** The response-rate section: the rate against its target, and a table for each breakdown. */
function ratesView(r: SurveyReport) {
  const { rates } = r;
  const against =
    rates.meetsTarget === null ? 'The rate is not shown until 10 or more are invited.' : rates.meetsTarget ? 'The target is reached.' : 'Below the target so far.';
  return {
    target: `${rates.target}%`,
    against,
    assisted: shown(rates.assisted),
    undelivered: shown(rates.undelivered),
    notReachable: shown(rates.notReachable),
    breakdowns: rates.breakdowns.map((b) => ({
      title: b.title,
      shown: b.shown,
      rows: b.rows.map((row) => [
        { text: rateLabel(b.dimension, row.label) },
        { text: shown(row.invited), format: 'numeric' },
        { text: shown(row.answered), format: 'numeric' },
        { text: pct(row.rate), format: 'numeric' },
      ]),
    })),
  };
}
