/**
 * Key shapes of Kept's single table. Only shared/store knows them.
 *
 * | item                 | pk                      | sk                     | indexes                                       |
 * |----------------------|-------------------------|------------------------|-----------------------------------------------|
 * | council settings     | COUNCIL#{c}             | CONFIG                 |                                               |
 * | staff member         | COUNCIL#{c}             | STAFF#{staffId}        |                                               |
 * | email address owner  | EMAIL#{address}         | EMAIL                  |                                               |
 * | calendar feed token  | CALENDAR#{sha256}       | CALENDAR               |                                               |
 * | child                | COUNCIL#{c}             | CHILD#{childId}        | byHolder: HOLDER#{c}#{staff} / CHILD#{child}   |
 * | fact (append-only)   | CHILD#{c}#{childId}     | FACT#{recordedAt}#{n}  |                                               |
 * | obligation           | CHILD#{c}#{childId}     | DUE#{kind}             | byDueDate: DUE#{c} / {date}#{child}#{kind};   |
 * |                      |                         |                        | byHolder: HOLDER#{c}#{staff} / DUE#{date}#... |
 * | recompute marker     | CHILD#{c}#{childId}     | REFRESH                | byDueDate: DUE#{c} / {date}#{child}#~refresh  |
 * | digest marker        | DIGEST#{c}#{date}       | STAFF#{staffId}        | (expires by TTL)                              |
 */
export const keys = {
  council: (c: string) => ({ pk: `COUNCIL#${c}`, sk: 'CONFIG' }),
  staff: (c: string, staffId: string) => ({ pk: `COUNCIL#${c}`, sk: `STAFF#${staffId}` }),
  staffPrefix: 'STAFF#',
  email: (address: string) => ({ pk: `EMAIL#${address.toLowerCase()}`, sk: 'EMAIL' }),
  calendar: (tokenHash: string) => ({ pk: `CALENDAR#${tokenHash}`, sk: 'CALENDAR' }),
  child: (c: string, childId: string) => ({ pk: `COUNCIL#${c}`, sk: `CHILD#${childId}` }),
  childPrefix: 'CHILD#',
  childPartition: (c: string, childId: string) => `CHILD#${c}#${childId}`,
  factPrefix: 'FACT#',
  fact: (c: string, childId: string, recordedAt: string, n: string) => ({
    pk: `CHILD#${c}#${childId}`,
    sk: `FACT#${recordedAt}#${n}`,
  }),
  obligationPrefix: 'DUE#',
  obligation: (c: string, childId: string, kind: string) => ({ pk: `CHILD#${c}#${childId}`, sk: `DUE#${kind}` }),
  refresh: (c: string, childId: string) => ({ pk: `CHILD#${c}#${childId}`, sk: 'REFRESH' }),
  dueIndex: (c: string, dueDate: string, childId: string, kind: string) => ({
    duePk: `DUE#${c}`,
    dueSk: `${dueDate}#${childId}#${kind}`,
  }),
  duePartition: (c: string) => `DUE#${c}`,
  holder: (c: string, staffId: string) => `HOLDER#${c}#${staffId}`,
  digest: (c: string, date: string, staffId: string) => ({ pk: `DIGEST#${c}#${date}`, sk: `STAFF#${staffId}` }),
};

export const REFRESH_KIND = '~refresh';
