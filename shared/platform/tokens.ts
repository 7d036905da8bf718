/**
 * Secrets Kept hands out and the hashes it keeps instead of them. A token is
 * 256 random bits, shown once (a survey link, a calendar feed); only its
 * SHA-256 is stored, so a copy of the table opens nothing. A keyed hash
 * (HMAC-SHA-256 with a secret from configuration) is for values that could
 * be guessed by enumeration, such as an IP address.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

/** A new unguessable token: 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A random identifier of `bytes` bytes, in hex (keys, references): unique, not secret. */
export function randomId(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** The SHA-256 of a token, in hex: what the table keeps in place of the token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** HMAC-SHA-256 of `value` under `secret`, in hex: cannot be reversed by trying every value without the secret. */
export function keyedHash(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('hex');
}
