/**
 * On-time figures for complaints and IRO alerts, counted by hand. March 2027
 * starts on a Monday; Good Friday is 26 March and Easter Monday 29 March.
 */
import { describe, expect, it } from 'vitest';
import { computeOnTime } from '#domain/onTime.js';
import { resolvePolicy } from '#domain/policy.js';
import type { Fact } from '#domain/facts.js';
import { count, kid } from './onTimeChildren.js';

const DOB = '2015-05-01';
const complaint = (id: string, date: string, agreedWorkingDays?: number): Fact =>
  agreedWorkingDays === undefined
    ? { type: 'complaint', date, complaintId: id, stage: 'stage-1', officerId: 'cm-1' }
    : { type: 'complaint', date, complaintId: id, stage: 'stage-1', officerId: 'cm-1', agreedWorkingDays };
const response = (id: string, date: string): Fact => ({ type: 'complaint-response', date, complaintId: id, stage: 'stage-1' });
const alert = (id: string, date: string, stage = 1): Fact => ({ type: 'iro-alert', date, alertId: id, stage, reason: 'visits-overdue' });
const answer = (id: string, date: string, outcome: 'resolved' | 'escalated'): Fact => ({ type: 'iro-alert-response', date, alertId: id, outcome });

describe('stage 1 complaints answered in time', () => {
  it('counts each stage 1 complaint due in the period, on time by the 10th working day or the agreed period', () => {
    const children = [
      // Received Mon 1 Mar, due Mon 15 Mar, answered that day: on time.
      kid(DOB, [complaint('a', '2027-03-01'), response('a', '2027-03-15')]),
      // Due Mon 15 Mar, answered Tue 16 Mar: late.
      kid(DOB, [complaint('b', '2027-03-01'), response('b', '2027-03-16')]),
      // Agreed 20 working days: due Wed 31 Mar, answered 30 Mar: on time.
      kid(DOB, [complaint('c', '2027-03-01', 20), response('c', '2027-03-30')]),
      // Due 15 Mar, never answered: late.
      kid(DOB, [complaint('d', '2027-03-01')]),
      // Received 29 Mar, due 13 Apr (30, 31, 1, 2, 5 ... 12, 13): outside the period.
      kid(DOB, [complaint('e', '2027-03-29')]),
    ];
    const report = computeOnTime(children, '2027-03-01', '2027-03-31');
    expect(count(report, 'complaints-stage-1-on-time')).toEqual({ numerator: 2, denominator: 4 });
    expect(report.council.figures['complaints-stage-1-on-time'].definition).toMatch(/reg 14/);
  });
});

describe('IRO alerts', () => {
  it('counts stages answered in time, alerts raised and resolved, and open ones by stage', () => {
    const children = [
      // Raised Mon 1 Mar, due Mon 8 Mar; escalated Fri 5 Mar (in time); stage 2 due Fri 12 Mar, resolved Thu 11 Mar (in time).
      kid(DOB, [alert('a', '2027-03-01'), answer('a', '2027-03-05', 'escalated'), answer('a', '2027-03-11', 'resolved')]),
      // Raised Mon 1 Mar, due Mon 8 Mar, escalated Tue 9 Mar (late); stage 2 due Tue 16 Mar, unanswered (late), open at stage 2.
      kid(DOB, [alert('b', '2027-03-01'), answer('b', '2027-03-09', 'escalated')]),
      // Raised at stage 3 on Mon 29 Mar: due Wed 7 Apr, outside the period; open at stage 3.
      kid(DOB, [alert('c', '2027-03-29', 3)]),
      // Raised in February and resolved in time: not raised in the period, and its stage fell due in February.
      kid(DOB, [alert('d', '2027-02-01'), answer('d', '2027-02-02', 'resolved')]),
    ];
    const report = computeOnTime(children, '2027-03-01', '2027-03-31');
    expect(count(report, 'iro-alerts-answered-in-time')).toEqual({ numerator: 2, denominator: 4 });
    expect(count(report, 'iro-alerts-resolved')).toEqual({ numerator: 1, denominator: 3 });
    expect(count(report, 'iro-alerts-open-stage-1')).toEqual({ numerator: 0, denominator: 2 });
    expect(count(report, 'iro-alerts-open-stage-2')).toEqual({ numerator: 1, denominator: 2 });
    expect(count(report, 'iro-alerts-open-stage-3')).toEqual({ numerator: 1, denominator: 2 });
  });

  it('follows the council\'s working days per stage', () => {
    // 2 working days: raised Mon 1 Mar, due Wed 3 Mar, answered Thu 4 Mar: late.
    const children = [kid(DOB, [alert('a', '2027-03-01'), answer('a', '2027-03-04', 'resolved')])];
    const policy = resolvePolicy({ iroAlert: { stageWorkingDays: [2] } });
    expect(count(computeOnTime(children, '2027-03-01', '2027-03-31', policy), 'iro-alerts-answered-in-time')).toEqual({ numerator: 0, denominator: 1 });
    expect(count(computeOnTime(children, '2027-03-01', '2027-03-31'), 'iro-alerts-answered-in-time')).toEqual({ numerator: 1, denominator: 1 });
  });
});
