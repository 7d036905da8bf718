/**
 * The fuzz tests' odd values (dates, instants, strings, numbers, deep nesting),
 * values aimed at each kind of field, valid facts of every type, and garbage
 * request bodies.
 */
import fc from 'fast-check';

const pad = (n: number, width: number) => (n < 0 ? `-${String(-n).padStart(width, '0')}` : String(n).padStart(width, '0'));

/**
 * Percent-encodes every byte of the UTF-8 form except unreserved characters: always well-formed
 * (malformed escapes: see "a path parameter with a malformed percent-escape").
 */
export function pct(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += byte < 128 && /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export const badDate = fc.constantFrom(
  '2027-02-30', '2027-02-29', '2028-02-30', '2027-04-31', '2027-13-01', '2027-00-10', '2027-01-00', '2027-01-32',
  '2027-1-5', '27-01-05', '2027/01/05', '05/01/2027', '2027-01-05T00:00:00Z', '20270105', '2027-01-05 ', ' 2027-01-05',
  '2027-01-05\n', '２０２７-０１-０５', '2027-01-05\u0000', '', '-2027-01-05', '+02027-01-05', '10000-01-01', '0000-00-00',
  '1900-02-29', '2100-02-29', 'today', 'null', '2027-W03-1', '2027-018',
);
/** Dates from year 0 to 12000, most of them real, some not (month 0 or 13, day 0 or 32). */
export const anyYearDate = fc
  .record({ y: fc.integer({ min: 0, max: 12_000 }), m: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }) })
  .map(({ y, m, d }) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
export const realDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
export const extremeDate = fc.constantFrom('0000-01-01', '0001-01-01', '0999-12-31', '1752-09-03', '1899-12-31', '2000-02-29', '2199-12-31', '9999-12-31');
const instant = fc.oneof(
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(
    '2027-01-05T10:00:00+25:00', '2027-01-05T24:00:00Z', '2027-01-05T10:00Z', '2027-01-05T10:00:00.1234567891Z', '2027-01-05T10:00:00-00:00',
    '2027-01-05T10:00:00', '2027-01-05 10:00:00Z', '2027-02-30T10:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59-23:59', '2027-01-05t10:00:00z',
  ),
);

/** Long strings: just over each limit, and up to 150,000 characters (bodies stay under 1 MB: see "a body over 1 MB answers 413"). */
const hugeString = fc
  .tuple(fc.constantFrom('a', 'é', '😀', ' ', '"', '\\', '\u0000', '\uD800', 'ß'), fc.oneof(fc.constantFrom(63, 64, 65, 80, 81, 100, 101, 254, 255, 1000), fc.integer({ min: 1, max: 150_000 })))
  .map(([c, n]) => c.repeat(n));

export const oddString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '', ' ', '\t', '\u0000', '\uD800', '\uDC00x', '\uFEFF', '\u202Eevil', 'null', 'undefined', 'true', '0', '-1', 'NaN',
      '<script>alert(1)</script>', "'; DROP TABLE kept;--", '${7*7}', '{{7*7}}', '../../etc/passwd', 'COUNCIL#x', 'CHILD#y', 'a#b',
      'Zoë', 'Łukasz', 'Nguyễn', '陈', 'محمد', '🙂', 'a\nb', 'a,b', 'a"b', 'x@y', 'UPPER@EXAMPLE.TEST', 'a@b', 'a@b.c', 'a..b@c.test',
    ),
  },
  { weight: 1, arbitrary: hugeString },
);
const oddNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, -1, 0.5, 1.5, 4, 5, 25, 26, 40, 41, 90, 91, 1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e21, 5e-324),
);
/** Objects nested up to 2,000 deep, arrays and objects alternating. */
export const deeplyNested = fc.integer({ min: 1, max: 2000 }).map((depth) => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
});
const weird: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: oddString },
  { weight: 2, arbitrary: oddNumber },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: badDate },
  { weight: 1, arbitrary: anyYearDate },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) },
  { weight: 1, arbitrary: deeplyNested },
);

// Values aimed at each kind of field, mixed with everything above.
const identifier = fc.oneof(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/), fc.constantFrom('a', 'A-1', 'x'.repeat(64), 'x'.repeat(65), '-a', '.a', '_a', 'a b', 'a/b', 'a#b', 'é', 'a\u0000'));
// Mostly wrong, sometimes right: about one case in ten is accepted.
export const FIELD_VALUES = {
  identifier: fc.oneof({ weight: 1, arbitrary: identifier }, { weight: 3, arbitrary: weird }),
  name: fc.oneof({ weight: 1, arbitrary: fc.string({ minLength: 0, maxLength: 90 }) }, { weight: 3, arbitrary: weird }),
  date: fc.oneof({ weight: 3, arbitrary: badDate }, anyYearDate, extremeDate, realDate, { weight: 3, arbitrary: weird }),
  instant: fc.oneof(instant, { weight: 2, arbitrary: badDate }, { weight: 2, arbitrary: weird }),
  email: fc.oneof({ weight: 1, arbitrary: fc.emailAddress() }, { weight: 3, arbitrary: weird }),
  boolean: fc.oneof(fc.constantFrom('true', 'false', 'yes', 1, 0, 'TRUE'), weird),
  int: fc.oneof(oddNumber, fc.constantFrom('1', '7', '1e1'), weird),
  text: weird,
} as const;
export type FieldKind = keyof typeof FIELD_VALUES;

const factDate = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-06-30T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
export const validFact: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  factDate.map((d) => ({ type: 'entered-care', date: d })),
  fc.record({ type: fc.constant('placement-started'), date: factDate, placementId: fc.constantFrom('P1', 'P2'), longTerm: fc.boolean(), arrangement: fc.constantFrom('foster', 'residential', 'other'), outOfArea: fc.boolean() }),
  fc.record({ type: fc.constant('placement-ended'), date: factDate, placementId: fc.constant('P1') }),
  fc.record({ type: fc.constant('visit'), date: factDate, seenAlone: fc.boolean() }),
  fc.record({ type: fc.constant('fewer-visits-agreed'), date: factDate, placementId: fc.constant('P1') }),
  fc.record({ type: fc.constant('review'), date: factDate, childParticipated: fc.boolean() }),
  ...(['care-plan', 'permanence-plan', 'pep', 'dental-check', 'return-home-interview', 'pathway-plan', 'personal-adviser-contact'] as const).map((type) => factDate.map((d) => ({ type, date: d }))),
  fc.record({ type: fc.constant('placement-plan'), date: factDate, placementId: fc.constant('P1') }),
  fc.record({ type: fc.constant('health-assessment'), date: factDate, kind: fc.constantFrom('initial', 'review') }),
  fc.record({ type: fc.constant('sdq'), date: factDate, score: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ type: fc.constant('missing-episode'), start: fc.constant('2027-01-10T22:00:00Z'), returned: fc.constant('2027-01-11T08:00:00+00:00') }),
  fc.record({ type: fc.constant('left-care'), date: factDate, reason: fc.constantFrom('age-18', 'returned-home', 'other') }),
  fc.record({ type: fc.constant('local-task'), date: factDate, kind: fc.constant('cse-risk-assessment') }),
);

/** A valid body of each kind only the case system's import writes (IMPORT_ONLY_TYPES): the API must refuse every one. */
export const IMPORT_ONLY_BODIES: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  'case-system-review-due': fc.record({ type: fc.constant('case-system-review-due'), date: factDate }),
  characteristics: fc.record({ type: fc.constant('characteristics'), date: factDate, sex: fc.constantFrom('M', 'F', 'U', 'N'), ethnicity: fc.constantFrom('WBRI', 'BAFR') }),
  'legal-status': fc.record({ type: fc.constant('legal-status'), date: factDate, code: fc.constantFrom('C2', 'V2', 'E1') }),
  disability: fc.record({ type: fc.constant('disability'), date: factDate, disabled: fc.boolean() }),
  'immigration-status': fc.record({ type: fc.constant('immigration-status'), date: factDate, uasc: fc.boolean() }),
  'allocated-team': fc.record({ type: fc.constant('allocated-team'), date: factDate, team: fc.constantFrom('Children in Care 1', 'Leaving Care') }),
  'iro-contact': fc.record({ type: fc.constant('iro-contact'), date: factDate }),
  absence: fc.record({ type: fc.constant('absence'), date: fc.constant('2027-01-10'), start: fc.constant('2027-01-10T22:00:00Z') }),
};

const VALID_CHILD_JSON = JSON.stringify({ id: 'G-1', firstName: 'Jordan', lastName: 'Example', dateOfBirth: '2014-06-01', holderId: 'sw-1' });
export const garbageBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', ' ', '\\', 'a', '1', 'e', '-', '.', 'n', 'u', 'l', 't'), maxLength: 60 }),
  fc.constantFrom(
    '', ' ', '\n', 'null', 'true', 'false', '0', '-0', '1e999', '"x"', '[]', '{}', '[{}]', '{', '}', '{"', '{"id":}', '{"id":"a",}', "{'id':'a'}",
    'undefined', 'NaN', 'Infinity', '\uFEFF{}', '{"a":1}{"b":2}', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '\u0000',
    '{"type":"visit","date":"2027-01-10","seenAlone":true,"seenAlone":"no"}', '{"score":1e999}', '{"id":"\\ud800"}', '<xml/>', 'id=G-1&firstName=J',
  ),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.integer({ min: 0, max: VALID_CHILD_JSON.length - 1 }).map((n) => VALID_CHILD_JSON.slice(0, n)),
  fc.integer({ min: 1, max: 200_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 1, max: 100_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc.integer({ min: 1_000, max: 900_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1_000, max: 900_000 }).map((n) => JSON.stringify({ id: 'x'.repeat(n) })),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
);
export const contentTypes = fc.constantFrom<string>('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '');
