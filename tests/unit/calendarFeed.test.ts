import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { calendarFeed } from '#calendar/feed.js';
import type { DueItem } from '#store/ports/cases.js';

/**
 * ical.js parses leniently (it reads `DURATION:P1DT` as one day), so each
 * date, date-time and duration value is also held to RFC 5545's grammar
 * (section 3.3.4, 3.3.5, 3.3.6), as strict clients such as ICSx5 do.
 */
const DATE = /^\d{8}$/;
const DATE_TIME = /^\d{8}T\d{6}Z?$/;
const DUR_TIME = '(?:\\d+H(?:\\d+M(?:\\d+S)?)?|\\d+M(?:\\d+S)?|\\d+S)';
const DURATION = new RegExp(`^[+-]?P(?:\\d+W|\\d+D(?:T${DUR_TIME})?|T${DUR_TIME})$`);

function strictlyParse(text: string): ICAL.Event[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  for (const line of lines) {
    const [head, ...rest] = line.split(':');
    const value = rest.join(':');
    const [name, ...params] = head!.split(';');
    if (name === 'DURATION') expect(value, line).toMatch(DURATION);
    if (name === 'DTSTART' || name === 'DTEND' || name === 'DTSTAMP') {
      expect(value, line).toMatch(params.includes('VALUE=DATE') ? DATE : DATE_TIME);
    }
  }
  expect(text.endsWith('\r\n')).toBe(true);
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
}

const NAMES = new Map([['sw-1', 'Sue Worker'], ['iro-1', 'Ira Reviewer']]);

const item = (over: Partial<DueItem>): DueItem => ({
  councilId: 'c', childId: 'C-1', kind: 'statutory-visit', dueDate: '2027-03-01', rule: 'CPPCR reg 28', holderId: 'sw-1', responsibleId: 'sw-1', initials: 'J.E.', ...over,
});

describe('the calendar feed', () => {
  it('holds to RFC 5545: all-day events ending the next day with DTEND', () => {
    const text = calendarFeed([item({}), item({ childId: 'C-2', kind: 'looked-after-review', dueDate: '2027-12-31', responsibleId: 'iro-1' })], { appUrl: 'https://kept.test', councilName: 'Test', names: NAMES });
    expect(text).not.toMatch(/DURATION/);
    const events = strictlyParse(text);
    expect(events).toHaveLength(2);
    const [visit, review] = events;
    expect(visit!.startDate.isDate).toBe(true);
    expect(visit!.startDate.toString()).toBe('2027-03-01');
    expect(visit!.endDate.toString()).toBe('2027-03-02');
    expect(review!.endDate.toString()).toBe('2028-01-01'); // over the year's end
  });

  it('says who is responsible by name, and when the role is not allocated', () => {
    const text = calendarFeed(
      [item({ kind: 'pep', responsibleId: 'sw-1', unallocated: 'virtual-school' }), item({ kind: 'looked-after-review', responsibleId: 'iro-1' })],
      { appUrl: 'https://kept.test', councilName: 'Test', names: NAMES },
    );
    const [pep, review] = strictlyParse(text);
    expect(pep!.description).toContain('Responsible: Sue Worker (no virtual school allocated)');
    expect(review!.description).toContain('Responsible: Ira Reviewer');
    expect(text).not.toMatch(/sw-1|iro-1/);
  });

  it('links each event to its record page, and names the case page too', () => {
    const [pep] = strictlyParse(calendarFeed([item({ childId: 'C 7', kind: 'pep' })], { appUrl: 'https://kept.test', councilName: 'Test', names: NAMES }));
    expect(pep!.component.getFirstPropertyValue('url')).toBe('https://kept.test/children/C%207/record/pep');
    expect(pep!.description).toContain('Record it: https://kept.test/children/C%207/record/pep');
    expect(pep!.description).toContain('The case: https://kept.test/case/C%207');
  });

  it('rejects what the old feed wrote (DURATION:P1DT)', () => {
    const old = calendarFeed([item({})], { appUrl: 'https://kept.test', councilName: 'Test', names: NAMES }).replace(/DTEND;VALUE=DATE:\d{8}/, 'DURATION:P1DT');
    expect(() => strictlyParse(old)).toThrow();
  });
});
