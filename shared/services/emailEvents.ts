/** What to do when SES says an address bounced or complained. */
import * as z from 'zod/mini';
import type { StaffStore } from '#store/ports/staff.js';
import type { SendEmail } from '#email/sender.js';
import { log } from '#platform/log.js';
import escapeHtml from 'escape-html';

const notification = z.object({
  eventType: z.optional(z.string()),
  notificationType: z.optional(z.string()),
  bounce: z.optional(z.object({ bounceType: z.optional(z.string()), bouncedRecipients: z.array(z.object({ emailAddress: z.string() })) })),
  complaint: z.optional(z.object({ complainedRecipients: z.array(z.object({ emailAddress: z.string() })) })),
  mail: z.optional(z.object({ timestamp: z.optional(z.string()) })),
});

/** Returns how many staff addresses were marked undeliverable. */
export async function handleEmailEvent(store: StaffStore, send: SendEmail, message: string, nowIso = new Date().toISOString()): Promise<number> {
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
  let marked = 0;
  for (const { emailAddress } of addresses) {
    const staff = await store.findStaffByEmail(emailAddress.toLowerCase());
    if (!staff) continue;
    const reason = type === 'Bounce' ? 'bounced' : 'complained';
    await store.markUndeliverable(staff.councilId, staff.id, nowIso, reason);
    marked += 1;
    log.warn('address marked undeliverable', { councilId: staff.councilId, staffId: staff.id, reason });
    const admins = (await store.listStaff(staff.councilId)).filter((s) => s.role === 'admin' && !s.undeliverable && s.id !== staff.id);
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
