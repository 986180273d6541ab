/**
 * What the emergency fund's records say, as the domain sees them: these are
 * members of CircleEvent, carried by the kinds in records/kinds/fund.ts. Every
 * event names who made it (`author`) and when by their clock (`at`, ms); ids
 * are content hashes, so one id is one event however often it arrives.
 */
import type { EventMeta, MemberKey, RecordId } from '../events';

export type { MemberKey, RecordId };

/** A promise is made once, or for a number of cycles: a pledge with an end is one a member can keep. */
export type PledgeSchedule = { readonly kind: 'once' } | { readonly kind: 'per-cycle'; readonly cycles: number };

/** A member promises money: `amount` in minor units (cents), for each cycle or once. */
export interface FundPledged extends EventMeta {
  readonly kind: 'fund.pledged';
  readonly amount: number;
  readonly schedule: PledgeSchedule;
}

/** Money actually paid in by `author`, towards one of their pledges or not. */
export interface FundContributed extends EventMeta {
  readonly kind: 'fund.contributed';
  readonly amount: number;
  readonly pledge: RecordId | null;
}

/**
 * Why support is asked for, in broad kinds only: the detail stays between the
 * people involved. Records carry a kind as its position here, so new kinds are
 * appended and a code keeps its meaning.
 */
export const SUPPORT_REASONS = ['health', 'housing', 'legal', 'food', 'bereavement', 'other'] as const;
export type SupportReasonKind = (typeof SUPPORT_REASONS)[number];

/** A member (`author`) asks the fund for `amount` minor units. */
export interface SupportRequested extends EventMeta {
  readonly kind: 'support.requested';
  readonly amount: number;
  readonly reason: SupportReasonKind;
  /** A short line for the approvers, or null. Not sealed yet: every member's phone can read it. */
  readonly note: string | null;
}

/** A member agrees that `request` be paid. */
export interface SupportApproved extends EventMeta {
  readonly kind: 'support.approved';
  readonly request: RecordId;
}

/** A member other than the requester says the circle will not pay `request`. */
export interface SupportDeclined extends EventMeta {
  readonly kind: 'support.declined';
  readonly request: RecordId;
}

/** The requester no longer asks. */
export interface SupportWithdrawn extends EventMeta {
  readonly kind: 'support.withdrawn';
  readonly request: RecordId;
}

/** `author` handed the requested amount to the requester. */
export interface SupportPaid extends EventMeta {
  readonly kind: 'support.paid';
  readonly request: RecordId;
}

/**
 * The circle changes its rules for payouts: a request for more than
 * `largeAmount` minor units needs `largeApprovers` approvers besides the
 * requester. Any member may change them, as any member may change the
 * circle's other rules; a request is judged by the rules in force when it
 * was made.
 */
export interface FundRulesChanged extends EventMeta {
  readonly kind: 'fund.settings';
  readonly largeAmount: number;
  readonly largeApprovers: number;
}

export type SupportDecision = SupportApproved | SupportDeclined | SupportWithdrawn | SupportPaid;
export type FundEvent = FundPledged | FundContributed | SupportRequested | SupportDecision | FundRulesChanged;
export type FundEventKind = FundEvent['kind'];
