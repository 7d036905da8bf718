/**
 * The morning digest as an email, in the manner of GOV.UK Notify: a short
 * subject with the date, then overdue, due today and coming up, one line and
 * one link per child. A child is named by case reference and initials only.
 */
import escapeHtml from 'escape-html';
import type { Digest, DigestLine, EscalationLine } from '#domain/reminders.js';
import { kindLabel } from '#domain/kinds.js';
import { longDate, londonTime, shortDateIn } from '#domain/dateText.js';

export interface RenderedEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** "Fri 1 Jan", with the year when it is not this year's. */
function when(line: DigestLine, today: string): string {
  const date = shortDateIn(line.dueDate, today);
  return line.dueAt ? `${date}, ${londonTime(line.dueAt)}` : date;
}

interface Options {
  appUrl: string;
  councilName: string;
  titles?: ReadonlyMap<string, string>;
}

export function renderDigest(digest: Digest, options: Options): RenderedEmail {
  const link = (childId: string) => `${options.appUrl}/case/${encodeURIComponent(childId)}`;
  const label = (kind: string) => kindLabel(kind, options.titles);
  const counts = [
    digest.overdue.length ? `${digest.overdue.length} overdue` : '',
    digest.dueToday.length ? `${digest.dueToday.length} due today` : '',
    digest.comingUp.length ? `${digest.comingUp.length} coming up` : '',
    digest.escalations.length ? `${digest.escalations.length} overdue in your team` : '',
  ].filter(Boolean);
  const subject = `Kept: ${counts.join(', ')} – ${longDate(digest.date)}`;

  const sections: Array<{ heading: string; lines: Array<DigestLine | EscalationLine>; team?: boolean }> = [
    { heading: 'Overdue', lines: digest.overdue },
    { heading: 'Due today', lines: digest.dueToday },
    { heading: 'Coming up in the next 2 weeks', lines: digest.comingUp },
    { heading: 'Overdue in your team', lines: digest.escalations, team: true },
  ].filter((s) => s.lines.length > 0);

  const textLine = (l: DigestLine | EscalationLine, team?: boolean) =>
    `* ${l.childId} (${l.initials}): ${label(l.kind)}, due ${when(l, digest.date)}` +
    (team ? ` – held by ${(l as EscalationLine).holderName}, ${(l as EscalationLine).workingDaysOverdue} working day(s) overdue` : '') +
    `\n  ${link(l.childId)}`;
  const text = [
    `Dear ${digest.recipient.name},`,
    '',
    `This is what falls due as of ${longDate(digest.date)}.`,
    '',
    ...sections.flatMap((s) => [`${s.heading}`, '', ...s.lines.map((l) => textLine(l, s.team)), '']),
    'When the work is done, record it in Kept and it leaves this list.',
    '',
    `${options.councilName} – sent by Kept. You get one email a working day while something is due.`,
  ].join('\n');

  const e = escapeHtml;
  const htmlLine = (l: DigestLine | EscalationLine, team?: boolean) =>
    `<li style="margin-bottom:10px"><a href="${e(link(l.childId))}" style="color:#1d70b8">${e(l.childId)} (${e(l.initials)})</a>: ` +
    `${e(label(l.kind))}, due ${e(when(l, digest.date))}` +
    (team ? ` <br>held by ${e((l as EscalationLine).holderName)}, ${(l as EscalationLine).workingDaysOverdue} working day(s) overdue` : '') +
    '</li>';
  const html = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(subject)}</title></head>
<body style="font-family:Arial,sans-serif;font-size:19px;line-height:1.4;color:#0b0c0c;margin:0;padding:16px;max-width:580px">
<p>Dear ${e(digest.recipient.name)},</p>
<p>This is what falls due as of ${e(longDate(digest.date))}.</p>
${sections.map((s) => `<h2 style="font-size:24px;margin:24px 0 8px">${e(s.heading)}</h2>\n<ul style="padding-left:20px">${s.lines.map((l) => htmlLine(l, s.team)).join('\n')}</ul>`).join('\n')}
<p>When the work is done, record it in Kept and it leaves this list.</p>
<p style="color:#505a5f;font-size:16px">${e(options.councilName)} – sent by Kept. You get one email a working day while something is due.</p>
</body></html>`;
  return { to: digest.recipient.email, subject, text, html };
}
