/**
 * The email that invites a young person to a survey (or reminds them), in
 * the language they prefer when their survey version has it, else English.
 * Nothing about the child is in it: the council, the survey and their link.
 * Texts stay in English: a text must fit 160 GSM-7 characters, and most of
 * the languages Kept's young people read are not written in GSM-7.
 */
import escapeHtml from 'escape-html';
import { addDaysIso } from '../dates.js';
import { longDateIn } from '../dateText.js';
import type { Campaign } from './campaign.js';
import { chooseLanguage, inLanguage } from './languages.js';
import { fill } from './pageWords.js';
import type { SurveyDefinition } from './schema.js';

export interface InvitationEmail {
  subject: string;
  text: string;
  html: string;
}

export function invitationEmail(
  campaign: Pick<Campaign, 'mode' | 'closes'>,
  definition: SurveyDefinition,
  council: { name: string },
  url: string,
  reminder: boolean,
  language?: string,
): InvitationEmail {
  const local = inLanguage(definition, chooseLanguage(definition, [language]));
  const w = local.words;
  const values = { council: council.name, title: local.definition.title, url, date: longDateIn(local.language.tag, addDaysIso(campaign.closes, -1)) };
  const answerHere = fill(w.inviteAnswerHere, values);
  const paragraphs = [
    fill(reminder ? w.reminderHello : w.inviteHello, values),
    local.definition.purpose,
    campaign.mode === 'anonymous' ? w.inviteAnonymous : w.inviteConfidential,
    answerHere,
    fill(w.inviteUntil, values),
    w.inviteUnsafe,
  ];
  const html = paragraphs.map((p) => (p === answerHere ? `<p><a href="${escapeHtml(url)}">${escapeHtml(w.inviteLink)}</a></p>` : `<p>${escapeHtml(p)}</p>`)).join('\n');
  return {
    subject: fill(reminder ? w.reminderSubject : w.inviteSubject, values),
    text: paragraphs.join('\n\n'),
    // English mail is as it always was; another language says so, and which way it runs.
    html: local.language.tag === 'en' ? html : `<div lang="${escapeHtml(local.htmlLang)}" dir="${local.language.dir}">\n${html}\n</div>`,
  };
}
