/**
 * The local clock: fires each scheduled handler on the cron expression the
 * CDK stack gives EventBridge Scheduler, in the same time zone.
 */
import { Cron } from 'croner';
import { SCHEDULES, type ScheduleDeclaration } from '#infra/topology.js';
import { lambdaContext, loadHandler } from './server.js';

const DAY_NUMBERS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** Each field's last value: EventBridge's `start/step` (`0/5`) is croner's `start-last/step`. */
const LAST = [59, 23, 31, 12] as const;

/**
 * `cron(min hour day-of-month month day-of-week year)` as EventBridge writes it,
 * to the five fields croner reads. EventBridge numbers days 1 (Sunday) to 7.
 */
export function toCronerPattern(expression: string): string {
  const m = /^cron\((.+)\)$/.exec(expression.trim());
  if (!m) throw new Error(`not an EventBridge cron expression: ${expression}`);
  const fields = m[1]!.trim().split(/\s+/);
  if (fields.length !== 6) throw new Error(`an EventBridge cron has 6 fields: ${expression}`);
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  const day = dow.replace(/\b([1-7])\b/g, (_d, n: string) => DAY_NUMBERS[Number(n) - 1]!);
  const stepped = [minute, hour, dom, month].map((f, i) => f.replace(/^(\d+)\/(\d+)$/, (_s, start: string, step: string) => `${start}-${LAST[i]}/${step}`));
  const [mi, h, d, mo] = stepped as [string, string, string, string];
  return [mi, h, d === '?' ? '*' : d, mo, day === '?' ? '*' : day].join(' ');
}

export async function invokeSchedule(schedule: ScheduleDeclaration, event: object = {}): Promise<unknown> {
  const handler = (await loadHandler(schedule.handler)) as unknown as (e: object, c: object) => Promise<unknown>;
  return handler(event, lambdaContext(schedule.name, 15 * 60_000));
}

export function startClock(onRun: (name: string, result: unknown) => void, onError: (name: string, error: unknown) => void): Cron[] {
  return SCHEDULES.map(
    (schedule) =>
      new Cron(toCronerPattern(schedule.cron), { timezone: schedule.timezone, protect: true }, async () => {
        try {
          onRun(schedule.name, await invokeSchedule(schedule));
        } catch (error) {
          onError(schedule.name, error);
        }
      }),
  );
}
