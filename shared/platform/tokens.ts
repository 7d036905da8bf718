/** Calendar feed tokens: 256 random bits, shown once, kept only as a SHA-256 hash. */
import { createHash, randomBytes } from 'node:crypto';

export function newCalendarToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
