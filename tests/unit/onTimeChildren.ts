// Children and their facts for the on-time tests, and one figure's count read from a report.
import type { Count, FigureId, OnTimeChild, OnTimeReport, OnTimeSection } from '#domain/onTime.js';
import type { Fact } from '#domain/facts.js';

let serial = 0;
export function kid(dateOfBirth: string, facts: Fact[], team = 'North'): OnTimeChild {
  serial += 1;
  return { child: { id: `child-${serial}`, dateOfBirth }, facts, team };
}

export function count(report: OnTimeReport | OnTimeSection, id: FigureId): Count {
  const figures = 'council' in report ? report.council.figures : report.figures;
  const { numerator, denominator } = figures[id];
  return { numerator, denominator };
}

export const entered = (date: string): Fact => ({ type: 'entered-care', date });
export const placed = (date: string, placementId = 'p1', longTerm = false): Fact => ({ type: 'placement-started', date, placementId, longTerm });
export const visit = (date: string, seenAlone = true): Fact => ({ type: 'visit', date, seenAlone });
export const review = (date: string, childParticipated?: boolean): Fact =>
  childParticipated === undefined ? { type: 'review', date } : { type: 'review', date, childParticipated };

