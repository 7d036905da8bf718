/**
 * A cell the import reads only for Annex A (sex, ethnicity, need, provider,
 * postcode, URN, team). One Kept cannot read never stops an import, as an
 * unknown code never does: it is left out of Annex A and listed with the
 * other codes Kept does not know.
 */
import { ANNEX_A_VALUES } from '../../facts.js';
import type { ExtractPlan } from '../plan.js';
import type { Row } from '../table.js';

/** How case systems write sex in words (CIN census codes M, F, U, N). */
const SEX_WORDS: Readonly<Record<string, string>> = { MALE: 'M', FEMALE: 'F', UNKNOWN: 'U', 'NOT STATED': 'U', 'NOT RECORDED': 'U', NEITHER: 'N', INDETERMINATE: 'N' };

export function annexAValue(plan: ExtractPlan, row: Row, column: string, kind: keyof typeof ANNEX_A_VALUES): string | undefined {
  const text = row.text(column);
  if (text === undefined) return undefined;
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const upper = trimmed.toUpperCase();
  const value = kind === 'team' || kind === 'urn' ? trimmed : kind === 'sex' ? (SEX_WORDS[upper] ?? upper) : upper;
  if (ANNEX_A_VALUES[kind].pattern.test(value)) return value;
  plan.unknownCodes.push({ file: row.file, line: row.line, column, code: text.slice(0, 40), reading: `left out of Annex A (Kept reads ${ANNEX_A_VALUES[kind].what})` });
  return undefined;
}
