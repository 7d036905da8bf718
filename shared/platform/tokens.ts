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

/** Letters and digits nobody confuses when reading or typing them (no I, L, O, 0 or 1). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 10;

/** A short code a young person can type: 10 characters of 31 (about 49 bits), unbiased. */
export function newCode(): string {
  let code = '';
  while (code.length < CODE_LENGTH) {
    for (const byte of randomBytes(16)) {
      // 248 = 8 × 31: bytes above it are dropped so every character is equally likely.
      if (byte < 248 && code.length < CODE_LENGTH) code += CODE_ALPHABET[byte % 31];
    }
  }
  return code;
}
