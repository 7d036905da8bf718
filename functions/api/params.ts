import * as z from 'zod/mini';

export const childPath = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });

export const staffPath = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });
