/**
 * What the emergency fund's records say, as the domain sees them. The record
 * kinds that will carry these do not exist yet; these shapes are what the
 * records layer will hand over once they do. Every event names who made it
 * (`by`) and when by their clock (`at`, ms); ids are content hashes, so one id
 * is one event however often it arrives.
 */
import type { MemberKey, RecordId } from '../events';

export type { MemberKey, RecordId };

interface FundEventMeta {
  readonly id: RecordId;
  readonly by: MemberKey;
  readonly at: number;
}

/** A promise is made once, or for a number of cycles: a pledge with an end is one a member can keep. */
export type PledgeSchedule = { readonly kind: 'once' } | { readonly kind: 'per-cycle'; readonly cycles: number };

/** A member promises money: `amount` in minor units (cents), for each cycle or once. */
export interface FundPledged extends FundEventMeta {
  readonly kind: 'fund.pledged';
  readonly amount: number;
  readonly schedule: PledgeSchedule;
}

/** Money actually paid in by `by`, towards one of their pledges or not. */
export interface FundContributed extends FundEventMeta {
  readonly kind: 'fund.contributed';
  readonly amount: number;
  readonly pledge: RecordId | null;
}

/** Why support is asked for, in broad kinds only: the detail stays between the people involved. */
export type SupportReasonKind = 'health' | 'housing' | 'legal' | 'food' | 'bereavement' | 'other';

/** A member (`by`) asks the fund for `amount` minor units. */
export interface SupportRequested extends FundEventMeta {
  readonly kind: 'support.requested';
  readonly amount: number;
  readonly reason: SupportReasonKind;
}

/** A member agrees that `request` be paid. */
export interface SupportApproved extends FundEventMeta {
  readonly kind: 'support.approved';
  readonly request: RecordId;
}

/** A member other than the requester says the circle will not pay `request`. */
export interface SupportDeclined extends FundEventMeta {
  readonly kind: 'support.declined';
  readonly request: RecordId;
}

/** The requester no longer asks. */
export interface SupportWithdrawn extends FundEventMeta {
  readonly kind: 'support.withdrawn';
  readonly request: RecordId;
}

/** `by` handed the requested amount to the requester. */
export interface SupportPaid extends FundEventMeta {
  readonly kind: 'support.paid';
  readonly request: RecordId;
}

export type SupportDecision = SupportApproved | SupportDeclined | SupportWithdrawn | SupportPaid;
export type FundEvent = FundPledged | FundContributed | SupportRequested | SupportDecision;
export type FundEventKind = FundEvent['kind'];
