/**
 * What a hidden figure means, in the Government Statistical Service's
 * convention: the figure shows as `c`, and the key says why. The same words
 * on every page's key, in the CSV's `notes` column and in the JSON's `notes`
 * field, with a link to the section of /reports that explains the rules
 * (shared/domain/suppression.ts).
 */
import { HIDDEN, MAX_SUPPRESSED, MIN_BASE } from './suppression.js';

/** Why a figure shows as `c`. */
export const HIDDEN_MEANING = `hidden to protect young people's privacy: a count of 1 to ${MAX_SUPPRESSED}, or a figure that would let one be worked out`;

/** Why a percentage or mean is not given. */
export const NOT_SHOWN_MEANING = `a percentage or mean is given only for a group of ${MIN_BASE} or more`;

/** Where the leads' pages explain how figures are hidden. */
export const HOW_FIGURES_ARE_HIDDEN = '/reports#hidden-figures';

export interface FigureNotes {
  /** "c: hidden to protect ..." */
  c: string;
  /** Why a percentage or mean is null (JSON) or blank (CSV). */
  notShown: string;
  /** The page that explains how figures are hidden. */
  howFiguresAreHidden: string;
}

/** The notes a JSON answer carries, with the link made absolute from the service's address. */
export function figureNotes(appUrl: string): FigureNotes {
  return {
    c: `${HIDDEN}: ${HIDDEN_MEANING}.`,
    notShown: `Not shown (null or blank): ${NOT_SHOWN_MEANING}.`,
    howFiguresAreHidden: `${appUrl.replace(/\/+$/, '')}${HOW_FIGURES_ARE_HIDDEN}`,
  };
}

/**
 * CSV rows with a last column, `notes`: on each row that holds a `c`, the
 * same words as the JSON's `notes.c` and the link. The header row is the first.
 */
export function withNotesColumn(rows: readonly string[][], appUrl: string): string[][] {
  const notes = figureNotes(appUrl);
  const note = `${notes.c} How figures are hidden: ${notes.howFiguresAreHidden}`;
  return rows.map((row, i) => [...row, i === 0 ? 'notes' : row.includes(HIDDEN) ? note : '']);
}
