/** The SES message tags naming the young person a survey email went to: SES's alphabet, a round trip, and what SES sends back. */
import { describe, expect, it } from 'vitest';
import { CHILD_TAG, COUNCIL_TAG, idOfTagValue, tagValueOf, youngPersonOfTags, youngPersonTags } from '#email/messageTags.js';

const SES_TAG = /^[A-Za-z0-9_-]{1,256}$/;

describe('message tags for a young person', () => {
  it('encodes ids in the characters SES allows and decodes them back', () => {
    for (const id of ['C-1', 'ssd.000123', 'a_b-c.d', 'camden', 'x'.repeat(64), 'Zoë', '?', '>>>']) {
      const value = tagValueOf(id);
      expect(value, id).toMatch(SES_TAG);
      expect(idOfTagValue(value), id).toBe(id);
    }
    // Two ids never share a value (the dot would otherwise have to go somewhere).
    expect(tagValueOf('a.b')).not.toBe(tagValueOf('a-b'));
  });

  it('refuses a value that is not an encoding Kept made', () => {
    for (const bad of ['', 'has space', 'dot.ted', 'YQ==', 'YR', '_w']) expect(idOfTagValue(bad), bad).toBeNull();
  });

  it('tags the council and the child, and reads them back from an event’s mail.tags as SES publishes them', () => {
    const tags = youngPersonTags('camden', 'ssd.000123');
    expect(tags.map((t) => t.name)).toEqual([COUNCIL_TAG, CHILD_TAG]);
    for (const t of tags) expect(t.value).toMatch(SES_TAG);
    // SES gives each tag as a list of values, beside its own auto-tags.
    const mailTags = {
      'ses:configuration-set': ['kept-mail'],
      'ses:source-ip': ['192.0.2.0'],
      'ses:from-domain': ['camden.gov.uk'],
      ...Object.fromEntries(tags.map((t) => [t.name, [t.value]])),
    };
    expect(youngPersonOfTags(mailTags)).toEqual({ councilId: 'camden', childId: 'ssd.000123' });
  });

  it('names nobody when the tags are missing, partial, repeated or not Kept’s', () => {
    const council = tagValueOf('camden');
    const child = tagValueOf('C-1');
    expect(youngPersonOfTags(undefined)).toBeNull();
    expect(youngPersonOfTags({ 'ses:configuration-set': ['kept-mail'] })).toBeNull();
    expect(youngPersonOfTags({ [COUNCIL_TAG]: [council] })).toBeNull();
    expect(youngPersonOfTags({ [COUNCIL_TAG]: [council], [CHILD_TAG]: [child, child] })).toBeNull();
    expect(youngPersonOfTags({ [COUNCIL_TAG]: council, [CHILD_TAG]: child })).toBeNull();
    expect(youngPersonOfTags({ [COUNCIL_TAG]: [council], [CHILD_TAG]: ['C.1'] })).toBeNull();
    expect(youngPersonOfTags('tags')).toBeNull();
  });

  it('sends no tags rather than ones SES would refuse', () => {
    expect(youngPersonTags('camden', 'x'.repeat(200))).toEqual([]);
    expect(youngPersonTags('camden', 'x'.repeat(192))).toHaveLength(2); // 192 bytes encode to 256 characters
  });
});
