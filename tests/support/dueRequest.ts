/** A valid `npm run due` request (one child's facts, a date), for the unit and process tests of the command. */
export const VALID_DUE_REQUEST = {
  today: '2027-01-06',
  child: { id: 'child-42', dateOfBirth: '2015-05-01' },
  facts: [
    { type: 'entered-care', date: '2026-12-18' },
    { type: 'placement-started', date: '2026-12-18', placementId: 'p1', longTerm: false, arrangement: 'foster' },
    { type: 'missing-episode', start: '2027-01-03T20:00:00Z', returned: '2027-01-04T09:15:00Z' },
  ],
};
