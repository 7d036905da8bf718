/**
 * Survey texts: one SMS part (160 GSM-7 characters) with the council's name
 * and the link, nothing about the young person. Pure.
 */

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters of the extension table: each takes two of the 160. */
const GSM7_EXTENDED = '^{}\\[~]|€\f';

export const SMS_PART = 160;

/** How many GSM-7 septets the text takes, or null if it has a character outside GSM-7 (it would go as UCS-2, 70 a part). */
export function gsm7Length(text: string): number | null {
  let n = 0;
  for (const ch of text) {
    if (GSM7_BASIC.includes(ch)) n += 1;
    else if (GSM7_EXTENDED.includes(ch)) n += 2;
    else return null;
  }
  return n;
}

/** The council's name in GSM-7: accents dropped where the letter has none, anything else left out. */
export function gsm7Name(name: string): string {
  return Array.from(name)
    .map((ch) => (gsm7Length(ch) !== null ? ch : gsm7Length(ch.normalize('NFD').replace(/\p{M}/gu, '')) !== null ? ch.normalize('NFD').replace(/\p{M}/gu, '') : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The invitation or reminder text; throws if even the shortest wording cannot fit one part (a link far too long). */
export function surveyText(councilName: string, url: string, reminder: boolean): string {
  const council = gsm7Name(councilName);
  const wordings = reminder
    ? [
        `Reminder from ${council}: we would still love to hear how things are going for you. Your own private link: ${url}`,
        `Reminder from ${council}: tell us how things are going: ${url}`,
        `${council} reminder: ${url}`,
      ]
    : [
        `${council} would like to hear how things are going for you. Your own private link: ${url}`,
        `${council}: tell us how things are going: ${url}`,
        `${council}: ${url}`,
      ];
  for (const text of wordings) {
    const length = gsm7Length(text);
    if (length !== null && length <= SMS_PART) return text;
  }
  throw new Error(`a survey link of ${url.length} characters leaves no room for a text of ${SMS_PART} characters`);
}
