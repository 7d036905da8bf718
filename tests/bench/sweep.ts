/**
 * The morning sweep against DynamoDB Local and the SES emulator: time and
 * read units for 1,000 and for 50,000 children with the same items due (the
 * extra 49,000 have nothing due within the horizon), and emails per second.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyLocalEnvironment } from '#local/settings.js';
import { startDynamo, startSes } from '#local/services.js';
import { ensureTable } from '#local/table.js';
import { makeRng, syntheticChild } from '#local/histories.js';
import type { NewChild } from '#store/ports/cases.js';
import type { KeptStore } from '#store/ports/stores.js';
import { dynamoStores } from '#store/dynamo/stores.js';
import { projector } from '#services/council.js';
import { STATUTORY_POLICY } from '#domain/policy.js';
import { runSweep } from '#services/sweep.js';
import { sesSender } from '#email/sender.js';
import type { ChildRecord, Staff } from '#domain/people.js';
import { freePort } from '#tests/support/ports.js';

const TODAY = '2027-01-18';
const LATER = '2029-06-01';
const HORIZON = '2027-02-01'; // 10 working days after TODAY // background children's histories run to here, so nothing of theirs is due soon


async function fill(store: KeptStore, councilId: string, total: number, dueChildren: number): Promise<void> {
  await store.putCouncil({ id: councilId, name: 'Bench Borough' });
  const staff: Staff[] = Array.from({ length: 40 }, (_, i) => ({
    councilId, id: `sw-${i}`, name: `Worker ${i}`, email: `sw-${i}@bench.test`, role: 'practitioner' as const, managerId: `tm-${i % 4}`,
  }));
  for (let m = 0; m < 4; m++) staff.push({ councilId, id: `tm-${m}`, name: `Manager ${m}`, email: `tm-${m}@bench.test`, role: 'manager' });
  for (const s of staff) await store.createStaff(s);
  const rng = makeRng(7);
  const chunks: NewChild[][] = [];
  let chunk: NewChild[] = [];
  for (let i = 0; i < total; i++) {
    const day = i < dueChildren ? TODAY : LATER;
    const h = syntheticChild(rng, day, false);
    const child: ChildRecord = { councilId, id: `C-${i}`, firstName: 'B', lastName: 'C', dateOfBirth: h.dateOfBirth, holderId: `sw-${i % 40}`, createdAt: TODAY, version: 0 };
    // Facts are not written: the sweep reads projections only. A background child's history runs to
    // 2029, and anything it left overdue before the horizon is dropped, so that it has nothing due.
    const projection = projector(STATUTORY_POLICY, day)(child, h.facts.map((fact) => ({ fact })));
    if (i >= dueChildren) {
      projection.obligations = projection.obligations.filter((o) => o.dueDate > HORIZON);
      if (projection.refreshOn && projection.refreshOn <= HORIZON) projection.refreshOn = null;
    }
    chunk.push({ child, facts: [], projection });
    if (chunk.length === 250) {
      chunks.push(chunk);
      chunk = [];
    }
  }
  if (chunk.length) chunks.push(chunk);
  for (let i = 0; i < chunks.length; i += 6) await Promise.all(chunks.slice(i, i + 6).map((c) => store.writeChildren(c)));
}

export async function benchSweep(): Promise<Array<[string, Record<string, number | string>]>> {
  const [dynamoPort, sesPort] = [await freePort(), await freePort()];
  applyLocalEnvironment({ port: 3999, sesPort, smsPort: await freePort(), dynamoPort, dataDir: mkdtempSync(join(tmpdir(), 'kept-bench-')), tableName: 'bench', councilId: 'bench' });
  process.env.KEPT_LOG = 'silent';
  const [dynamo, ses] = await Promise.all([startDynamo(dynamoPort), startSes(sesPort)]);
  const results: Array<[string, Record<string, number | string>]> = [];
  try {
    const figures: Record<string, { ms: number; rcu: number; items: number; digests: number }> = {};
    for (const total of [1_000, 50_000]) {
      const table = `bench-${total}`;
      await ensureTable(table);
      const { store, claims, table: benchTable } = dynamoStores(table);
      const loadStart = Date.now();
      await fill(store, 'bench', total, 1_000);
      const loadMs = Date.now() - loadStart;
      const send = sesSender({ ratePerSecond: 0 });
      const started = performance.now();
      const report = await runSweep({ store, claims, councilId: 'bench', today: TODAY, send, appUrl: 'http://localhost' });
      const ms = performance.now() - started;
      figures[total] = { ms, rcu: benchTable.consumedReadUnits, items: report.itemsRead, digests: report.sent };
      results.push([
        `Morning sweep: ${total.toLocaleString('en-GB')} children, 1,000 of them with work due`,
        {
          'load time (not part of the sweep), s': Number((loadMs / 1000).toFixed(1)),
          'items read from the due-date index': report.itemsRead,
          'digests sent': report.sent,
          'sweep time, ms': Math.round(ms),
          'read units (due-date index and staff list)': Number(benchTable.consumedReadUnits.toFixed(1)),
        },
      ]);
    }
    results.push([
      'Sweep cost, 50,000 against 1,000 children',
      {
        'time ratio': Number((figures[50_000]!.ms / figures[1_000]!.ms).toFixed(2)),
        'read unit ratio': Number((figures[50_000]!.rcu / figures[1_000]!.rcu).toFixed(2)),
      },
    ]);

    const send = sesSender({ ratePerSecond: 0 });
    const n = 500;
    const started = performance.now();
    for (let i = 0; i < n; i += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, j) => send({ to: `bench-${i + j}@bench.test`, subject: 'Bench', text: 'Hello', html: '<p>Hello</p>' })));
    }
    const seconds = (performance.now() - started) / 1000;
    results.push(['Email through the SES emulator (10 in flight)', { emails: n, seconds: Number(seconds.toFixed(2)), 'emails per second': Math.round(n / seconds) }]);
  } finally {
    await Promise.all([dynamo.stop(), ses.stop()]);
  }
  return results;
}
