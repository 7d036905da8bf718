/** Turning zod issues into one message a person can act on. */
import type * as z from 'zod/mini';
import { isIsoDate, isIsoInstant } from './dates.js';
import * as zm from 'zod/mini';

const NOUNS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

/** Plain-English messages for zod's built-in checks, used everywhere Kept validates. */
zm.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined ? 'is required' : `must be ${NOUNS[issue.expected] ?? issue.expected}`;
      case 'unrecognized_keys':
        return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      case 'invalid_value':
        return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      case 'too_small':
        return issue.origin === 'string'
          ? issue.minimum === 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`
          : issue.origin === 'array' ? `must have at least ${issue.minimum} item(s)` : `must be at least ${issue.minimum}`;
      case 'too_big':
        return issue.origin === 'string'
          ? `must be at most ${issue.maximum} characters`
          : issue.origin === 'array' ? `must have at most ${issue.maximum} items` : `must be at most ${issue.maximum}`;
      case 'invalid_union':
        return 'is not one of the accepted shapes';
      default:
        return undefined;
    }
  },
});

export const isoDate = zm.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a date written YYYY-MM-DD') }).check(
  zm.refine(isIsoDate, 'must be a real date written YYYY-MM-DD'),
);

export const isoInstant = zm.string({
  error: (issue) => (issue.input === undefined ? 'is required' : 'must be an ISO 8601 instant such as 2027-01-18T09:30:00Z'),
}).check(
  zm.refine(isIsoInstant, 'must be an ISO 8601 instant with a time zone, such as 2027-01-18T09:30:00Z'),
);

/** A time of day on the 24-hour clock, `HH:MM`: London time, on the date beside it. */
export const clockTime = zm.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a time written HH:MM') }).check(
  zm.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time on the 24-hour clock written HH:MM, such as 14:30'),
);

export function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export function problemsOf(error: z.core.$ZodError, prefix = ''): FieldProblem[] {
  return error.issues.map((issue) => {
    const inner = pathOf(issue.path);
    const field = prefix && inner ? (inner.startsWith('[') ? prefix + inner : `${prefix}.${inner}`) : prefix || inner || '(input)';
    return { field, message: issue.message };
  });
}

export function describeProblems(problems: FieldProblem[]): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join('\n');
}

export class InvalidInput extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(describeProblems(problems));
    this.name = 'InvalidInput';
  }
}

/** Parses with `schema` or throws `InvalidInput` naming each field that was wrong. */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new InvalidInput(problemsOf(result.error, prefix));
  return result.data;
}
