/**
 * Key shapes of Kept's single table. Only shared/store knows them.
 *
 * | item                 | pk                      | sk                     | indexes                                       |
 * |----------------------|-------------------------|------------------------|-----------------------------------------------|
 * | council settings     | COUNCIL#{c}             | CONFIG                 |                                               |
 * | staff member         | COUNCIL#{c}             | STAFF#{staffId}        |                                               |
 * | email address owner  | EMAIL#{address}         | EMAIL                  |                                               |
 * | calendar feed token  | CALENDAR#{sha256}       | CALENDAR               |                                               |
 * | child                | COUNCIL#{c}             | CHILD#{childId}        | byHolder: HOLDER#{c}#{socialWorker} / CHILD#{child} |
 * | child record's copy  | CHILD#{c}#{childId}     | RECORD                 | (as the last projection write left it)        |
 * | team member          | CHILD#{c}#{childId}     | MEMBER#{staffId}       | byHolder: HOLDER#{c}#{staff} / MEMBER#{child}  |
 * | fact (append-only)   | CHILD#{c}#{childId}     | FACT#{recordedAt}#{n}  |                                               |
 * | obligation           | CHILD#{c}#{childId}     | DUE#{kind}             | byDueDate: DUE#{c} / {date}#{child}#{kind};   |
 * |                      |                         |                        | byHolder: HOLDER#{c}#{responsible} / DUE#{date}#... |
 * | recompute marker     | CHILD#{c}#{childId}     | REFRESH                | byDueDate: DUE#{c} / {date}#{child}#~refresh  |
 * | report summary       | CHILD#{c}#{childId}     | REPORT                 | byReport: REPORT#{c}#{shard} / {childId}      |
 * | report events        | CHILD#{c}#{childId}     | EVENTS                 | byReport: EVENTS#{c}#{shard} / {childId}      |
 * | spent form token     | CHILD#{c}#{childId}     | ONCE#{token}           | (expires by TTL; names the fact it recorded)  |
 * | digest send marker   | DIGEST#{c}#{date}       | STAFF#{staffId}        | (expires by TTL)                              |
 * | extract import lock  | IMPORTLOCK#{c}          | LOCK                   | (a lease; expires by TTL a day after it)      |
 * | newest extract       | COUNCIL#{c}             | EXTRACT#{system}       | (the day it was taken: imports only move on)  |
 * | survey campaign      | COUNCIL#{c}             | CAMPAIGN#{id}          |                                               |
 * | invitation           | CAMPAIGN#{c}#{id}       | INVITE#{childId}       |                                               |
 * | response             | CAMPAIGN#{c}#{id}       | RESPONSE#{random}      | (anonymous: no child id on it)                |
 * | survey send marker   | CAMPAIGN#{c}#{id}       | SEND#{childId}#INVITE  | (TTL; also #REMINDER#{n}, ...#TEXT, #HELP#{request id}, #ALERT) |
 * |                      |                         |                        | unsent #HELP/#ALERT: byDueDate: REDRIVE#{c} / {lease end ISO}#{sk} |
 * | survey link          | SURVEYLINK#{sha256}     | LINK                   | (expires by TTL; holds the draft answers)     |
 * | survey code          | SURVEYCODE#{sha256}     | CODE                   | (expires with its link; names its linkHash)   |
 * | wrong-link counter   | LINKMISS#{ip hash}#{10-minute window} | MISS     | (expires by TTL)                              |
 * | audit entry, by child| AUDIT#{c}#{childId}     | {at}#{id}              | (append-only; never updated or deleted)       |
 * | audit entry, by day  | AUDITDAY#{c}#{date}     | {at}#{childId}#{id}    | (the same entry again; date in Europe/London) |
 * | staff audit entry    | AUDITSTAFF#{c}#{staffId}| {at}#{id}              | (and by day: sk {at}#~staff#{staffId}#{id})   |
 * | list access, by shard| AUDITLIST#{c}#{shard}   | {at}#{id}              | childIds of that shard (append-only)          |
 * | list access, by day  | AUDITDAY#{c}#{date}     | {at}#~list#{id}#{part} | childIds, all of them (the same access again) |
 * | export job           | EXPORT#{c}#{id}         | JOB                    | (expires by TTL; its insert starts the job)   |
 * | export file chunk    | EXPORT#{c}#{id}         | CHUNK#{nnnn}           | (gzip, under 400 KB each; expires with it)    |
 *
 * The byHolder index files each child under its social worker (the holder),
 * each obligation under whoever answers for it (`responsibleId`, from the
 * child's team and the council's map), and a member item per other member of
 * the team: a person's work, or the children whose team they are in, is one
 * query. When the team changes, the projection rewrite puts the obligations
 * again, which moves them in the index.
 *
 * The byReport index holds each child's report summary (#domain/reportSummary),
 * so a council-wide report is one paged read per shard of compact items
 * rather than a query per child. The summary lives in the child's own
 * partition, so it is written in the projection's transaction and erased with
 * the child. Its index key is spread over REPORT_SHARDS partitions by the case
 * reference's hash: every write of a child's projection writes its summary
 * again, and a nightly import of a whole council would otherwise send them all
 * to one index partition (about 1,000 writes a second, fewer for summaries
 * over 1 KB); eight shards are read in parallel. The child's report events
 * (#domain/reportEvents: what the on-time figures and review dates add up)
 * are their own item on the same index under EVENTS# partitions, so those
 * reports read them alone, not the summaries beside them.
 *
 * The copy of the child record in the child's own partition lets a write
 * read the record and its history in one query. Every write of the
 * projection puts it, with the version that write leaves on the record;
 * writes of the record alone (contact, bounce marks) do not, so it can be a
 * version behind. It is only ever a first guess: each write is guarded by
 * the record's version, and one that fails reads the record itself.
 *
 * Audit entries: each is written twice in one transaction, both puts
 * conditional on attribute_not_exists(pk), so an entry is never overwritten
 * and the two views always agree: under the child (that child's trail in
 * time order, one query) and under the London calendar day of `at` (the
 * council's day, one query). `at` is an ISO UTC instant, so the sort key
 * orders by time; `id` is 64 random bits. No index is needed. The entries
 * sit outside the child's CHILD# partition, so erasing a person's record
 * leaves them; they name the child only by case reference. A day partition
 * takes a council's audited calls for that day; DynamoDB allows about 1,000
 * writes a second to one partition, far above what a council's staff make.
 */
export const REPORT_SHARDS = 8;

const reportShard = (c: string, shard: number) => `REPORT#${c}#${shard}`;
const eventsShard = (c: string, shard: number) => `EVENTS#${c}#${shard}`;

/** A stable shard for a case reference (FNV-1a of its characters). */
export function reportShardOf(childId: string, shards = REPORT_SHARDS): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < childId.length; i++) h = Math.imul(h ^ childId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % shards;
}

/**
 * A list access (many children's entries written as one) is kept once per
 * shard of its children, so a child's trail reads only the lists of its own
 * shard, and once under the day with all of them.
 */
export const AUDIT_LIST_SHARDS = 16;

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
  member: (c: string, childId: string, staffId: string) => ({ pk: `CHILD#${c}#${childId}`, sk: `MEMBER#${staffId}` }),
  memberPrefix: 'MEMBER#',
  obligation: (c: string, childId: string, kind: string) => ({ pk: `CHILD#${c}#${childId}`, sk: `DUE#${kind}` }),
  refresh: (c: string, childId: string) => ({ pk: `CHILD#${c}#${childId}`, sk: 'REFRESH' }),
  reportSummary: (c: string, childId: string) => ({ pk: `CHILD#${c}#${childId}`, sk: 'REPORT' }),
  recordCopy: (c: string, childId: string) => ({ pk: `CHILD#${c}#${childId}`, sk: 'RECORD' }),
  oncePrefix: 'ONCE#',
  reportIndex: (c: string, childId: string) => ({ reportPk: reportShard(c, reportShardOf(childId)), reportSk: childId }),
  reportShard: (c: string, shard: number) => reportShard(c, shard),
  reportEvents: (c: string, childId: string) => ({ pk: `CHILD#${c}#${childId}`, sk: 'EVENTS' }),
  eventsIndex: (c: string, childId: string) => ({ reportPk: eventsShard(c, reportShardOf(childId)), reportSk: childId }),
  eventsShard: (c: string, shard: number) => eventsShard(c, shard),
  once: (c: string, childId: string, token: string) => ({ pk: `CHILD#${c}#${childId}`, sk: `ONCE#${token}` }),
  dueIndex: (c: string, dueDate: string, childId: string, kind: string) => ({
    duePk: `DUE#${c}`,
    dueSk: `${dueDate}#${childId}#${kind}`,
  }),
  duePartition: (c: string) => `DUE#${c}`,
  /** A safeguarding claim not yet sent, on byDueDate in a partition of its own (the sweep reads only DUE#). */
  redriveIndex: (c: string, leaseEndIso: string, sk: string) => ({ duePk: `REDRIVE#${c}`, dueSk: `${leaseEndIso}#${sk}` }),
  redrivePartition: (c: string) => `REDRIVE#${c}`,
  holder: (c: string, staffId: string) => `HOLDER#${c}#${staffId}`,
  digest: (c: string, date: string, staffId: string) => ({ pk: `DIGEST#${c}#${date}`, sk: `STAFF#${staffId}` }),
  importLock: (c: string) => ({ pk: `IMPORTLOCK#${c}`, sk: 'LOCK' }),
  extract: (c: string, system: string) => ({ pk: `COUNCIL#${c}`, sk: `EXTRACT#${system}` }),
  exportJob: (c: string, id: string) => ({ pk: `EXPORT#${c}#${id}`, sk: 'JOB' }),
  exportChunk: (c: string, id: string, n: number) => ({ pk: `EXPORT#${c}#${id}`, sk: `CHUNK#${String(n).padStart(4, '0')}` }),
  exportPartition: (c: string, id: string) => `EXPORT#${c}#${id}`,
  exportChunkPrefix: 'CHUNK#',
};

export const surveyKeys = {
  campaign: (c: string, id: string) => ({ pk: `COUNCIL#${c}`, sk: `CAMPAIGN#${id}` }),
  campaignPrefix: 'CAMPAIGN#',
  campaignPartition: (c: string, id: string) => `CAMPAIGN#${c}#${id}`,
  invitation: (c: string, id: string, childId: string) => ({ pk: `CAMPAIGN#${c}#${id}`, sk: `INVITE#${childId}` }),
  invitationPrefix: 'INVITE#',
  response: (c: string, id: string, responseId: string) => ({ pk: `CAMPAIGN#${c}#${id}`, sk: `RESPONSE#${responseId}` }),
  responsePrefix: 'RESPONSE#',
  link: (tokenHash: string) => ({ pk: `SURVEYLINK#${tokenHash}`, sk: 'LINK' }),
  code: (codeHash: string) => ({ pk: `SURVEYCODE#${codeHash}`, sk: 'CODE' }),
  miss: (sourceHash: string, window: number) => ({ pk: `LINKMISS#${sourceHash}#${window}`, sk: 'MISS' }),
  sendPrefix: (childId: string) => `SEND#${childId}#`,
  invitationSent: (c: string, id: string, childId: string, channel = '') => ({ pk: `CAMPAIGN#${c}#${id}`, sk: `SEND#${childId}#INVITE${channel}` }),
  reminderSent: (c: string, id: string, childId: string, n: number, channel = '') => ({ pk: `CAMPAIGN#${c}#${id}`, sk: `SEND#${childId}#REMINDER#${n}${channel}` }),
  helpRequestSent: (c: string, id: string, childId: string, requestId: string, to: string) => ({ pk: `CAMPAIGN#${c}#${id}`, sk: `SEND#${childId}#HELP#${requestId}#TO#${to}` }),
  worryingAlertSent: (c: string, id: string, childId: string, to: string) => ({ pk: `CAMPAIGN#${c}#${id}`, sk: `SEND#${childId}#ALERT#TO#${to}` }),
};

export const REFRESH_KIND = '~refresh';

export const auditKeys = {
  byChild: (c: string, childId: string, at: string, id: string) => ({ pk: `AUDIT#${c}#${childId}`, sk: `${at}#${id}` }),
  childPartition: (c: string, childId: string) => `AUDIT#${c}#${childId}`,
  byDay: (c: string, date: string, at: string, childId: string, id: string) => ({ pk: `AUDITDAY#${c}#${date}`, sk: `${at}#${childId}#${id}` }),
  dayPartition: (c: string, date: string) => `AUDITDAY#${c}#${date}`,
  byStaffMember: (c: string, staffId: string, at: string, id: string) => ({ pk: `AUDITSTAFF#${c}#${staffId}`, sk: `${at}#${id}` }),
  staffMemberPartition: (c: string, staffId: string) => `AUDITSTAFF#${c}#${staffId}`,
  /** `~staff` cannot be a case reference (they start with a letter or digit). */
  staffMemberByDay: (c: string, date: string, at: string, staffId: string, id: string) => ({ pk: `AUDITDAY#${c}#${date}`, sk: `${at}#~staff#${staffId}#${id}` }),
  listShard: (c: string, shard: number) => `AUDITLIST#${c}#${shard}`,
  listByShard: (c: string, shard: number, at: string, id: string) => ({ pk: `AUDITLIST#${c}#${shard}`, sk: `${at}#${id}` }),
  /** `~list` cannot be a case reference either; a very long list is kept in parts. */
  listByDay: (c: string, date: string, at: string, id: string, part: number) => ({ pk: `AUDITDAY#${c}#${date}`, sk: `${at}#~list#${id}#${part}` }),
};
