/**
 * Subject access and erasure for one person (a child or care leaver, known
 * by case reference): everything Kept's table holds about them, and its
 * removal. The audit trail is kept through an erasure; it names the child
 * only by case reference. Both are themselves written to the audit trail.
 */
import type { ChildRecord } from '#domain/people.js';
import type { AuditEntry } from '#store/ports/audit.js';
import type { DueItem, StoredFact } from '#store/ports/cases.js';
import type { Stores } from '#store/ports/stores.js';
import type { Invitation, StoredResponse, SurveyLink } from '#store/ports/surveys.js';
import { newAuditEntry } from './audit.js';

export type SubjectAccessStores = Pick<Stores, 'store' | 'subjects' | 'audit'>;

/** Who runs the command, for the audit entry (the tools work on the table directly, not through sign-in). */
export interface Operator {
  staffId: string;
  /** The command, e.g. `npm run erase`. */
  route: string;
}

/** A case reference as Kept accepts one (the same rule as POST /children). */
export const CASE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const SUBJECT_ACCESS_NOTES = [
  'Anonymous survey responses hold no case reference, name or link to this person, by design, so they cannot be found or attributed to anyone and are not listed here.',
  'Survey links are listed without their token hashes. Emails Kept sent (survey invitations and reminders to the young person; digests and safeguarding alerts to staff, which name the child by case reference and initials) are not kept in this table.',
  'Audit entries record who read or changed this record; they name the child by case reference only and are kept after an erasure.',
] as const;

type InvitationOut = Omit<Invitation, 'linkHash'> & { campaignId: string; campaignName: string; surveyId: string; mode: string };
type LinkOut = Omit<SurveyLink, 'linkHash' | 'codeHash'>;
type ResponseOut = StoredResponse & { campaignId: string; campaignName: string };

export interface SubjectAccessExport {
  caseReference: string;
  councilId: string;
  exportedAt: string;
  child: ChildRecord | null;
  facts: StoredFact[];
  obligations: DueItem[];
  /** When the obligations are next recomputed because time alone moves them. */
  obligationsRecomputeOn: string | null;
  surveyInvitations: InvitationOut[];
  surveyLinks: LinkOut[];
  confidentialSurveyResponses: ResponseOut[];
  auditEntries: AuditEntry[];
  notes: readonly string[];
}

interface Held {
  child: ChildRecord | null;
  facts: StoredFact[];
  obligations: DueItem[];
  refreshOn: string | null;
  invitations: Array<{ campaignId: string; campaignName: string; surveyId: string; mode: string; invitation: Invitation }>;
  links: SurveyLink[];
  responses: Array<{ campaignId: string; campaignName: string; response: StoredResponse }>;
}

async function held(s: SubjectAccessStores, councilId: string, childId: string): Promise<Held> {
  const [child, partition, campaigns] = await Promise.all([
    s.store.getChild(councilId, childId),
    s.subjects.childPartition(councilId, childId),
    s.subjects.campaigns(councilId),
  ]);
  const perCampaign = await Promise.all(
    campaigns.map(async (c) => {
      const [invitation, responses] = await Promise.all([
        s.subjects.invitation(councilId, c.id, childId),
        s.subjects.linkedResponses(councilId, c.id, childId),
      ]);
      const link = invitation?.linkHash ? await s.subjects.link(invitation.linkHash) : null;
      return { c, invitation, responses, link };
    }),
  );
  const out: Held = { child, ...partition, invitations: [], links: [], responses: [] };
  for (const { c, invitation, responses, link } of perCampaign) {
    const about = { campaignId: c.id, campaignName: c.name };
    if (invitation) out.invitations.push({ ...about, surveyId: c.surveyId, mode: c.mode, invitation });
    // An answered link of an anonymous campaign names nobody: it is theirs because their invitation names it.
    if (link && (link.childId ?? childId) === childId && link.councilId === councilId && link.campaignId === c.id) out.links.push(link);
    for (const response of responses) out.responses.push({ ...about, response });
  }
  return out;
}

function holdsAnything(h: Held): boolean {
  return Boolean(h.child || h.facts.length || h.obligations.length || h.refreshOn || h.invitations.length || h.links.length || h.responses.length);
}

/**
 * Everything held about the child, with a fresh 'export' entry on the
 * audit trail (written first: nothing is shown that was not logged).
 * Null if Kept holds nothing about this case reference, not even audit entries.
 */
export async function exportSubject(s: SubjectAccessStores, councilId: string, childId: string, by: Operator, now = new Date()): Promise<SubjectAccessExport | null> {
  const [h, earlier] = await Promise.all([held(s, councilId, childId), s.audit.forChild(councilId, childId)]);
  if (!holdsAnything(h) && earlier.length === 0) return null;
  await s.audit.append(newAuditEntry({ councilId, staffId: by.staffId, role: 'operator', action: 'export', childId, route: by.route }, now));
  return {
    caseReference: childId,
    councilId,
    exportedAt: now.toISOString(),
    child: h.child,
    facts: h.facts,
    obligations: h.obligations,
    obligationsRecomputeOn: h.refreshOn,
    surveyInvitations: h.invitations.map(({ invitation: { linkHash: _hash, ...rest }, ...about }) => ({ ...about, ...rest })),
    surveyLinks: h.links.map(({ linkHash: _hash, codeHash: _code, ...rest }) => rest),
    confidentialSurveyResponses: h.responses.map(({ response, ...about }) => ({ ...about, ...response })),
    auditEntries: await s.audit.forChild(councilId, childId),
    notes: SUBJECT_ACCESS_NOTES,
  };
}

/** What an erasure removes (or would remove). */
export interface ErasurePlan {
  caseReference: string;
  councilId: string;
  childRecord: boolean;
  facts: number;
  obligations: number;
  recomputeMarker: boolean;
  /** Campaign ids. */
  surveyInvitations: string[];
  surveyLinks: number;
  /** Confidential responses that lose the child's case reference and survey reference; their answers and bands stay. */
  confidentialResponsesUnlinked: Array<{ campaignId: string; responseId: string }>;
  /** Kept: they name the child by case reference only. */
  auditEntriesKept: number;
}

export async function erasurePlan(s: SubjectAccessStores, councilId: string, childId: string): Promise<ErasurePlan> {
  const [h, audit] = await Promise.all([held(s, councilId, childId), s.audit.forChild(councilId, childId)]);
  return planOf(h, councilId, childId, audit.length);
}

function planOf(h: Held, councilId: string, childId: string, auditEntries: number): ErasurePlan {
  return {
    caseReference: childId,
    councilId,
    childRecord: h.child !== null,
    facts: h.facts.length,
    obligations: h.obligations.length,
    recomputeMarker: h.refreshOn !== null,
    surveyInvitations: h.invitations.map((i) => i.campaignId),
    surveyLinks: h.links.length,
    confidentialResponsesUnlinked: h.responses.map((r) => ({ campaignId: r.campaignId, responseId: r.response.responseId })),
    auditEntriesKept: auditEntries,
  };
}

export interface ErasureReport extends ErasurePlan {
  erased: boolean;
  erasedAt?: string;
}

/**
 * Erases what Kept holds about the child. The 'erase' audit entry is
 * written first; then the child record (so nothing more can be recorded
 * for it or sent to it), its facts, obligations and recompute marker, its
 * survey links (so no answer can arrive meanwhile) and invitations, and the
 * link from confidential responses to the person. It then looks again and
 * repeats if anything arrived meanwhile. Running it again finishes an
 * erasure that stopped part-way.
 */
export async function eraseSubject(s: SubjectAccessStores, councilId: string, childId: string, by: Operator, now = new Date()): Promise<ErasureReport> {
  const first = await held(s, councilId, childId);
  if (!holdsAnything(first)) {
    const audit = await s.audit.forChild(councilId, childId);
    return { ...planOf(first, councilId, childId, audit.length), erased: false };
  }
  await s.audit.append(newAuditEntry({ councilId, staffId: by.staffId, role: 'operator', action: 'erase', childId, route: by.route }, now));
  const unlinked = new Map<string, Held['responses'][number]>();
  let h = first;
  for (let pass = 0; holdsAnything(h); pass++) {
    if (pass === 3) throw new Error(`the record of ${childId} kept changing while it was erased; run the erasure again`);
    await s.subjects.deleteChild(councilId, childId);
    for (const link of h.links) await s.subjects.deleteLink(link.linkHash);
    for (const i of h.invitations) {
      // A reminder may have replaced the link since we looked: delete whichever the invitation names now.
      const current = await s.subjects.invitation(councilId, i.campaignId, childId);
      if (current?.linkHash) await s.subjects.deleteLink(current.linkHash);
      await s.subjects.deleteInvitation(councilId, i.campaignId, childId);
    }
    for (const r of h.responses) {
      await s.subjects.unlinkResponse(councilId, r.campaignId, r.response.responseId, childId);
      unlinked.set(r.response.responseId, r);
    }
    h = await held(s, councilId, childId);
  }
  const audit = await s.audit.forChild(councilId, childId);
  return { ...planOf({ ...first, responses: [...unlinked.values()] }, councilId, childId, audit.length), erased: true, erasedAt: now.toISOString() };
}
