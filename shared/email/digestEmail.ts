/**
 * The morning digest as an email, in the manner of GOV.UK Notify: a short
 * subject with the date, then one line per child with everything of theirs
 * the reader answers for ("C-1030 (E.W.): statutory visit, 12 working days
 * overdue; looked-after review due Tue 2 Feb"), each item linking to the page
 * that records it, and what is overdue in the reader's team. A child is named
 * by case reference and initials only.
 */
import escapeHtml from 'escape-html';
import { type ChildLines, type Digest, type DigestLine, type EscalationLine, byChild } from '#domain/reminders.js';
import { kindLabel } from '#domain/kinds.js';
import { longDate, londonTime, shortDateIn } from '#domain/dateText.js';

export interface RenderedEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

interface Options {
  appUrl: string;
  councilName: string;
  titles?: ReadonlyMap<string, string>;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "statutory visit", "personal education plan (PEP)": a label as it reads inside a sentence. */
function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** "Fri 1 Jan", with the year when it is not this year's, and the time of an hours deadline. */
function when(line: DigestLine, today: string): string {
  const date = shortDateIn(line.dueDate, today);
  return line.dueAt ? `${date}, ${londonTime(line.dueAt)}` : date;
}

/** "12 working days overdue", "due today", "due Tue 2 Feb". */
function standing(line: DigestLine, today: string): string {
  if (line.status === 'due-today') return line.dueAt ? `due today, ${londonTime(line.dueAt)}` : 'due today';
  if (line.status === 'upcoming') return `due ${when(line, today)}`;
  return line.workingDaysOverdue > 0
    ? `${plural(line.workingDaysOverdue, 'working day', 'working days')} overdue`
    : `overdue (due ${when(line, today)})`;
}

export function renderDigest(digest: Digest, options: Options): RenderedEmail {
  const recordLink = (l: DigestLine) => `${options.appUrl}/children/${encodeURIComponent(l.childId)}/record/${encodeURIComponent(l.kind)}`;
  const label = (kind: string) => inSentence(kindLabel(kind, options.titles));
  const item = (l: DigestLine) => `${label(l.kind)}, ${standing(l, digest.date)}`;
  const horizon = `in the next ${plural(digest.horizonWorkingDays, 'working day', 'working days')}`;
  const counts = [
    digest.overdue.length ? `${digest.overdue.length} overdue` : '',
    digest.dueToday.length ? `${digest.dueToday.length} due today` : '',
    digest.comingUp.length ? `${digest.comingUp.length} coming up` : '',
    digest.escalations.length ? `${digest.escalations.length} overdue in your team` : '',
  ].filter(Boolean);
  const subject = `Kept: ${counts.join(', ')} – ${longDate(digest.date)}`;

  const children = byChild(digest);
  const sections: Array<{ heading: string; children: ChildLines[] }> = [
    { heading: 'Overdue or due today', children: children.filter((c) => c.urgent) },
    { heading: `Coming up ${horizon}`, children: children.filter((c) => !c.urgent) },
  ].filter((s) => s.children.length > 0);
  const team = digest.escalations;

  const textChild = (c: ChildLines) =>
    [`* ${c.childId} (${c.initials}): ${c.lines.map(item).join('; ')}`, ...c.lines.map((l) => `  Record the ${label(l.kind)}: ${recordLink(l)}`)].join('\n');
  const textTeam = (l: EscalationLine) => `* ${l.childId} (${l.initials}): ${item(l)} – ${l.responsibleName} is responsible\n  ${recordLink(l)}`;
  const text = [
    `Dear ${digest.recipient.name},`,
    '',
    `This is your work as of ${longDate(digest.date)}.`,
    '',
    ...sections.flatMap((s) => [s.heading, '', ...s.children.map(textChild), '']),
    ...(team.length ? ['Overdue in your team', '', ...team.map(textTeam), ''] : []),
    'Follow a link to record the work; once it is recorded it leaves this list.',
    '',
    `${options.councilName} – sent by Kept. You get one email a working day while something is due.`,
  ].join('\n');

  const e = escapeHtml;
  const link = (l: DigestLine, words: string) => `<a href="${e(recordLink(l))}" style="color:#1d70b8">${e(words)}</a>`;
  const htmlChild = (c: ChildLines) =>
    `<li style="margin-bottom:10px"><strong>${e(c.childId)} (${e(c.initials)})</strong>: ` +
    c.lines.map((l) => `${link(l, label(l.kind))}, ${e(standing(l, digest.date))}`).join('; ') +
    '</li>';
  const htmlTeam = (l: EscalationLine) =>
    `<li style="margin-bottom:10px"><strong>${e(l.childId)} (${e(l.initials)})</strong>: ${link(l, label(l.kind))}, ` +
    `${e(standing(l, digest.date))}<br>${e(l.responsibleName)} is responsible</li>`;
  const list = (items: string[]) => `<ul style="padding-left:20px">${items.join('\n')}</ul>`;
  const heading = (words: string) => `<h2 style="font-size:24px;margin:24px 0 8px">${e(words)}</h2>`;
  const html = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(subject)}</title></head>
<body style="font-family:Arial,sans-serif;font-size:19px;line-height:1.4;color:#0b0c0c;margin:0;padding:16px;max-width:580px">
<p>Dear ${e(digest.recipient.name)},</p>
<p>This is your work as of ${e(longDate(digest.date))}.</p>
${sections.map((s) => `${heading(s.heading)}\n${list(s.children.map(htmlChild))}`).join('\n')}
${team.length ? `${heading('Overdue in your team')}\n${list(team.map(htmlTeam))}` : ''}
<p>Follow a link to record the work; once it is recorded it leaves this list.</p>
<p style="color:#505a5f;font-size:16px">${e(options.councilName)} – sent by Kept. You get one email a working day while something is due.</p>
</body></html>`;
  return { to: digest.recipient.email, subject, text, html };
}
