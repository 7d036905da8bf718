/**
 * A practitioner's private calendar of due dates, as iCalendar (RFC 5545)
 * built with the `ics` library: one all-day event per item, stable UIDs so a
 * calendar updates an item in place when its date moves.
 */
import { createEvents, type EventAttributes } from 'ics';
import { kindLabel } from '#domain/kinds.js';
import type { DueItem } from '#store/ports/cases.js';

export function calendarFeed(items: readonly DueItem[], options: { appUrl: string; councilName: string; titles?: ReadonlyMap<string, string> }): string {
  const events: EventAttributes[] = items.map((item) => {
    const [y, m, d] = item.dueDate.split('-').map(Number) as [number, number, number];
    return {
      uid: `${item.councilId}.${item.childId}.${item.kind}@kept`,
      title: `${kindLabel(item.kind, options.titles)} due: ${item.childId} (${item.initials})`,
      description: `${item.rule}\n${options.appUrl}/case/${encodeURIComponent(item.childId)}`,
      url: `${options.appUrl}/case/${encodeURIComponent(item.childId)}`,
      start: [y, m, d],
      duration: { days: 1 },
      calName: `Kept – ${options.councilName}`,
      productId: 'kept/reminders',
      transp: 'TRANSPARENT',
    };
  });
  const { error, value } = createEvents(events, { calName: `Kept – ${options.councilName}`, productId: 'kept/reminders' });
  if (error || !value) throw error ?? new Error('calendar could not be built');
  return value;
}
