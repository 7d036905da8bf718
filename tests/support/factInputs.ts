/** Fact bodies as a caller writes them (before validation), for the engine's worked examples. */
export type FactInput = Record<string, unknown>;

export const entered = (date: string): FactInput => ({ type: 'entered-care', date });

export const placed = (date: string, placementId = 'p1', longTerm = false, arrangement?: string): FactInput => ({
  type: 'placement-started',
  date,
  placementId,
  longTerm,
  ...(arrangement ? { arrangement } : {}),
});
