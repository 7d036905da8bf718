/**
 * The words a person reads for the codes the reports group by: age bands,
 * placement types, in or out of area and a campaign's state. JSON keeps the
 * codes (a program's key); pages and CSV show these words. An unknown code
 * is shown as it is, never hidden.
 */
import type { PLACEMENT_ARRANGEMENTS } from './facts.js';

type Arrangement = (typeof PLACEMENT_ARRANGEMENTS)[number];

const PLACEMENT_TYPES: Record<Arrangement | 'care-leaver' | 'not-recorded', string> = {
  foster: 'Foster care',
  residential: "Children's home or other residential",
  'connected-person': 'Connected person',
  'connected-person-temporary': 'Connected person (temporary)',
  'parent-pending-assessment': 'With a parent (being assessed)',
  'parent-interim-care-order': 'With a parent (interim care order)',
  'parent-care-order': 'With a parent (care order)',
  'supported-accommodation': 'Supported accommodation',
  'short-breaks': 'Short breaks',
  other: 'Other',
  'care-leaver': 'Care leaver',
  'not-recorded': 'Not recorded',
};

const AREAS: Record<string, string> = { 'in-area': 'In area', 'out-of-area': 'Out of area', unknown: 'Not recorded' };

const STATES: Record<string, string> = { scheduled: 'Scheduled', open: 'Open', closed: 'Closed' };

/** "16-17" as "16 to 17"; "unknown" and "not-recorded" as "Not recorded". */
export function ageBandWords(code: string): string {
  if (code === 'unknown' || code === 'not-recorded') return 'Not recorded';
  const m = /^(\d+)-(\d+)$/.exec(code);
  return m ? `${m[1]} to ${m[2]}` : code;
}

export function placementTypeWords(code: string): string {
  return PLACEMENT_TYPES[code as keyof typeof PLACEMENT_TYPES] ?? code;
}

export function areaWords(code: string): string {
  return AREAS[code] ?? code;
}

export function campaignStateWords(code: string): string {
  return STATES[code] ?? code;
}

/** A survey breakdown's group in words, by the dimension it belongs to. */
export function groupWords(dimension: string, code: string): string {
  switch (dimension) {
    case 'ageBand':
      return ageBandWords(code);
    case 'placementType':
      return placementTypeWords(code);
    case 'area':
      return areaWords(code);
    default:
      return code;
  }
}
