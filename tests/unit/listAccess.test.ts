/** A list handed over at once is audited as one access, or not shown at all. */
import { describe, expect, it } from 'vitest';
import { recordListAccess } from '#services/audit.js';
import { Unavailable } from '#domain/errors.js';
import type { AuditLog, ListAccess } from '#store/ports/audit.js';

const lead = { councilId: 'c', staffId: 'lead-1', role: 'lead' as const };

function auditThat(appendList: (access: ListAccess) => Promise<void>): AuditLog {
  const none = async () => [];
  return { append: async () => {}, appendList, forChild: none, forDay: none, forStaffMember: none };
}

describe('recordListAccess', () => {
  it('writes one access naming each child once, stamped with who, what and where', async () => {
    const written: ListAccess[] = [];
    await recordListAccess(auditThat(async (a) => void written.push(a)), lead, 'read', 'GET /reports/review-dates', ['C-2', 'C-1', 'C-2'], new Date('2027-01-18T09:00:00Z'));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ councilId: 'c', staffId: 'lead-1', role: 'lead', action: 'read', route: 'GET /reports/review-dates', at: '2027-01-18T09:00:00.000Z', childIds: ['C-2', 'C-1'] });
    expect(written[0]!.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('fails with Unavailable (503) when the access cannot be written, so the list is not shown', async () => {
    const failing = auditThat(async () => {
      throw Object.assign(new Error('throttled'), { name: 'ProvisionedThroughputExceededException' });
    });
    await expect(recordListAccess(failing, lead, 'export', 'GET /reports/annex-a/children-in-care', ['C-1'])).rejects.toBeInstanceOf(Unavailable);
  });
});
