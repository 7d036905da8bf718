/**
 * An anonymous campaign's unsent answers, sealed where they wait. The link
 * item names the young person (it must, to mark their invitation answered),
 * so a draft kept there in the clear would tie them to what they have typed
 * so far, even if they never send it. Sealed with AES-256-GCM under a key
 * derived from a secret that is not in the table and from the invitation
 * (`scope`: campaign and young person, so a reminder's new link, which
 * carries the draft over, still opens it), it is unreadable to anyone who
 * can read the table.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Answers } from '#domain/surveys/answers.js';

const SEALED = 'sealed';

const keyFor = (secret: string, scope: string) => createHmac('sha256', secret).update(`survey-draft:${scope}`).digest();

export function sealDraft(secret: string, scope: string, answers: Answers): Answers {
  if (Object.keys(answers).length === 0) return {};
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, scope), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(answers), 'utf8'), cipher.final()]);
  return { [SEALED]: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64') };
}

/**
 * The answers a sealed draft holds; nothing when it was sealed for another
 * scope. A draft saved before drafts were sealed is read as it is (the next
 * save seals it), so a deployment loses no young person's answers so far.
 */
export function openDraft(secret: string, scope: string, draft: Answers | undefined): Answers {
  if (!draft) return {};
  const sealed = draft[SEALED];
  if (typeof sealed !== 'string') return draft;
  const bytes = Buffer.from(sealed, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, scope), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')) as Answers;
  } catch {
    return {};
  }
}
