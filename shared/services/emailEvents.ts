/**
 * What to do when SES says an address bounced or complained. A survey email
 * to a young person carries message tags naming their council and case
 * reference (messageTags.ts), which the configuration set's event gives
 * back in `mail.tags`: their address is marked unreachable on their record,
 * so later invitations and reminders go by text where they have a mobile
 * (as a failed text marks their number, textEvents.ts). Any other address
 * is looked up among the staff, and a member of staff's is marked
 * undeliverable, so the sweep stops mailing it and the admins are told.
 */
import { isMailable } from '#domain/people.js';
import * as z from 'zod/mini';
import type { StaffStore } from '#store/ports/staff.js';
import type { CaseStore } from '#store/ports/cases.js';
import type { SendEmail } from '#email/sender.js';
import { youngPersonOfTags } from '#email/messageTags.js';
import { log } from '#platform/log.js';
import escapeHtml from 'escape-html';

const notification = z.object({
  eventType: z.optional(z.string()),
  notificationType: z.optional(z.string()),
  bounce: z.optional(z.object({ bounceType: z.optional(z.string()), bouncedRecipients: z.array(z.object({ emailAddress: z.string() })) })),
  complaint: z.optional(z.object({ complainedRecipients: z.array(z.object({ emailAddress: z.string() })) })),
  /** `tags` ({ name: [value] }) is read leniently by youngPersonOfTags: a tag Kept did not set never stops a staff bounce being handled. */
  mail: z.optional(z.object({ timestamp: z.optional(z.string()), tags: z.optional(z.unknown()) })),
});

export type EmailEventStore = Pick<StaffStore, 'findStaffByEmail' | 'markUndeliverable' | 'listStaff'> & Pick<CaseStore, 'markEmailUnreachable'>;

/** Returns how many addresses (of staff or of young people) were marked undeliverable. */
export async function handleEmailEvent(store: EmailEventStore, send: SendEmail, message: string, nowIso = new Date().toISOString()): Promise<number> {
  let parsed;
  try {
    parsed = notification.parse(JSON.parse(message));
  } catch {
    log.warn('email event not understood');
    return 0;
  }
  const type = parsed.eventType ?? parsed.notificationType ?? '';
  if (type === 'Bounce' && parsed.bounce?.bounceType === 'Transient') return 0; // a full inbox: SES retries
  const addresses =
    type === 'Bounce' ? parsed.bounce?.bouncedRecipients ?? [] : type === 'Complaint' ? parsed.complaint?.complainedRecipients ?? [] : [];
  const reason = type === 'Bounce' ? 'bounced' : 'complained';
  const youngPerson = youngPersonOfTags(parsed.mail?.tags);
  if (youngPerson) {
    // A survey email: it went to the young person alone, so no member of staff is looked up.
    const { councilId, childId } = youngPerson;
    let marked = 0;
    for (const { emailAddress } of addresses) {
      if (!(await store.markEmailUnreachable(councilId, childId, emailAddress.toLowerCase(), nowIso, reason))) continue;
      marked += 1;
      log.warn('young person email marked unreachable', { councilId, childId, reason });
    }
    return marked;
  }
  let marked = 0;
  for (const { emailAddress } of addresses) {
    const staff = await store.findStaffByEmail(emailAddress.toLowerCase());
    if (!staff) continue;
    await store.markUndeliverable(staff.councilId, staff.id, nowIso, reason);
    marked += 1;
    log.warn('address marked undeliverable', { councilId: staff.councilId, staffId: staff.id, reason });
    const admins = (await store.listStaff(staff.councilId)).filter((s) => s.role === 'admin' && isMailable(s) && s.id !== staff.id);
    for (const admin of admins) {
      const text = `Email to ${staff.name} (${staff.id}) ${reason}, so Kept has stopped sending them reminders. ` +
        'Check the address in Kept and correct it; their overdue items still reach their manager.';
      await send({
        to: admin.email,
        subject: `Kept: reminders to ${staff.name} are not being delivered`,
        text,
        html: `<p>${escapeHtml(text)}</p>`,
      });
    }
  }
  return marked;
}
