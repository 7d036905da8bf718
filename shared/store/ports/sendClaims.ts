/**
 * The right to send one message, claimed before it is sent, so that a
 * retried or concurrent run never sends it twice. A claim is a lease: a
 * run that dies holding one leaves it to be taken over once it expires.
 * A claim records its run (`owner`); marking it sent and giving it back are
 * conditional on that owner, so a run that overran its lease cannot mark or
 * release a claim another run has taken over since.
 */
import type { AlertKind } from '#domain/contactAlert.js';

/**
 * Who a safeguarding message is for, by role (never an address: a key is
 * carried in the message's tag): each recipient's message has its own claim.
 */
export type SafeguardingRecipient = 'worker' | 'manager' | 'inbox';

/** A safeguarding message's claim key (help request or worrying answer's alert), one recipient's. */
export type SafeguardingKey = Extract<SendKey, { to: SafeguardingRecipient }>;

/**
 * What a safeguarding claim carries so that the scheduled redrive can tell
 * them again without the young person: the alert (no names, no answers).
 */
export interface RedriveAlert {
  kind: AlertKind;
  /** The survey link's reference, as the email gives it. */
  reference: string;
  caseUrl: string;
}

/** A safeguarding claim whose lease has ended unsent (its run died, or its send failed and was given back). */
export interface RedriveEntry {
  key: SafeguardingKey;
  alert: RedriveAlert;
  /** The claim's expiresAt (epoch seconds): after it nothing should send the message. */
  expiresAt: number;
}

export type SendKey =
  /** A person's digest for a day. */
  | { kind: 'digest'; councilId: string; date: string; staffId: string }
  /** A young person's invitation to a survey campaign, by email (no channel) or by text. */
  | { kind: 'invitation'; councilId: string; campaignId: string; childId: string; channel?: 'text' }
  /** Reminder `number` (1, 2) of a survey campaign to a young person, by email (no channel) or by text. */
  | { kind: 'reminder'; councilId: string; campaignId: string; childId: string; number: number; channel?: 'text' }
  /**
   * One press of "ask my worker to contact me" in a confidential survey (`requestId` is the page's, so a
   * double click is one request and a press another day is another): each recipient (`to`) is told once.
   */
  | { kind: 'help-request'; councilId: string; campaignId: string; childId: string; requestId: string; to: SafeguardingRecipient }
  /** The alert on a worrying answer in a confidential survey: each recipient (`to`) told once per young person and campaign. */
  | { kind: 'worrying-alert'; councilId: string; campaignId: string; childId: string; to: SafeguardingRecipient };

/** `claimed`: yours to send; `sent`: done already; `held`: another run holds an unexpired lease on it. */
export type ClaimOutcome = 'claimed' | 'sent' | 'held';

export interface ClaimTerms {
  nowMs: number;
  /** How long the claim is left alone before another run may take it over. */
  leaseMs: number;
  /** When the marker may go (epoch seconds): after this nothing could send the message again. */
  expiresAt: number;
  /**
   * The claiming run's id, recorded on the claim. Give it again to `markSent`
   * and `release`. (Without one, the claim has no owner and those two act on
   * it whoever holds it: the old behaviour, left for callers not yet moved.)
   */
  owner?: string;
  /**
   * Safeguarding claims only: the alert, kept on the claim so that a claim
   * left unsent (a run killed, a send given back) is found once its lease
   * ends (`redriveDue`) and sent without the young person trying again.
   */
  redrive?: RedriveAlert;
}

export interface SendClaims {
  claim(key: SendKey, terms: ClaimTerms): Promise<ClaimOutcome>;
  /**
   * Marks the message sent. With `owner`: only while that run still holds the
   * claim; false when it no longer does (its lease ran out and another run
   * took the claim over, or the message was marked already), except that a
   * claim the provider's event has already marked sent with this same
   * message id counts as marked (true).
   */
  markSent(key: SendKey, messageId: string, owner?: string): Promise<boolean>;
  /**
   * The provider's word that it accepted the message (its send event names
   * the claim): marks the claim sent whoever holds it, unless it is marked
   * already. False when there is no claim in `sending` to mark.
   */
  confirmSent(key: SendKey, messageId: string): Promise<boolean>;
  /**
   * Gives a claim back after a failed send, so a later run can try again; with `owner`, only that run's claim.
   * A claim carrying a redrive stays, with its lease ended, so the redrive still finds it.
   */
  release(key: SendKey, owner?: string): Promise<void>;
  /** The council's claims carrying a redrive whose lease ended before `nowMs` and that are not yet sent: one query. */
  redriveDue(councilId: string, nowMs: number): Promise<RedriveEntry[]>;
  /** No redrive for this claim any more (its young person's record is gone, or its campaign is over). */
  dropRedrive(key: SafeguardingKey): Promise<void>;
}
