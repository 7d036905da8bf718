/**
 * A person's private calendar of what they answer for, as iCalendar (RFC
 * 5545) built with the `ics` library: one all-day event per item, ending
 * with DTEND on the next day (`DURATION:P1DT` is not valid RFC 5545, and
 * strict clients such as ICSx5 reject it), stable UIDs so a calendar
 * updates an item in place when its date moves.
 */
import { createEvents, type EventAttributes } from 'ics';
import { kindLabel } from '#domain/kinds.js';
import { addDaysIso } from '#domain/dates.js';
import type { DueItem } from '#store/ports/cases.js';

const day = (iso: string) => iso.split('-').map(Number) as [number, number, number];

const ROLE_WORDS: Record<string, string> = { 'social-worker': 'social worker', iro: 'IRO', 'personal-adviser': 'personal adviser', 'virtual-school': 'virtual school', health: 'health' };

/** Who answers for the item, as the event says it: their name (from `names`), and the team role missing if it is not allocated. */
function responsibility(item: DueItem, names: ReadonlyMap<string, string>): string {
  const id = item.responsibleId ?? item.holderId;
  const who = names.get(id) ?? 'someone no longer in Kept';
  return item.unallocated ? `Responsible: ${who} (no ${ROLE_WORDS[item.unallocated] ?? item.unallocated} allocated)` : `Responsible: ${who}`;
}

export function calendarFeed(
  items: readonly DueItem[],
  options: { appUrl: string; councilName: string; titles?: ReadonlyMap<string, string>; /** Staff names by id. */ names: ReadonlyMap<string, string> },
): string {
  const events: EventAttributes[] = items.map((item) => {
    const child = encodeURIComponent(item.childId);
    // The event opens the item's record page, as the morning email's links do.
    const record = `${options.appUrl}/children/${child}/record/${encodeURIComponent(item.kind)}`;
    return {
      uid: `${item.councilId}.${item.childId}.${item.kind}@kept`,
      title: `${kindLabel(item.kind, options.titles)} due: ${item.childId} (${item.initials})`,
      description: `${item.rule}\n${responsibility(item, options.names)}\nRecord it: ${record}\nThe case: ${options.appUrl}/case/${child}`,
      url: record,
      start: day(item.dueDate),
      end: day(addDaysIso(item.dueDate, 1)),
      calName: `Kept – ${options.councilName}`,
      productId: 'kept/reminders',
      transp: 'TRANSPARENT',
    };
  });
  const { error, value } = createEvents(events, { calName: `Kept – ${options.councilName}`, productId: 'kept/reminders' });
  if (error || !value) throw error ?? new Error('calendar could not be built');
  return value;
}
