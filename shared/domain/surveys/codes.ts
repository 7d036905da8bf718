/** Short survey codes as a young person types them: any case, spaces or dashes between groups. Pure. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_PATTERN = new RegExp(`^[${ALPHABET}]{10}$`);

/** The code in its stored form (upper case, nothing between the characters), or null when it cannot be one. */
export function normalCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  return CODE_PATTERN.test(code) ? code : null;
}

/** "ABCDE-FGHJK": easier to read out and to copy. */
export function displayCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
