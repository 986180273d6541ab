/**
 * What the fund projects to: plain data that every phone computes identically
 * from the same set of events.
 */
import type { FundEventKind, MemberKey, PledgeSchedule, RecordId, SupportReasonKind } from './events';
import type { FundRules, Membership } from './rules';

/** What the projection needs besides the events. */
export interface FundContext {
  readonly membership: Membership;
  /** The circle's cycle of an instant, such as `cycleIndexer(rule)` gives. */
  readonly cycleOf: (at: number) => number;
  /** The time at which to say how much of each pledge has fallen due: the phone's clock, passed in. */
  readonly asOf: number;
  /** The rules in force before the circle's first change of them; DEFAULT_FUND_RULES if left out. */
  readonly rules?: FundRules;
}

/**
 * Why an event does not count, or counts only in part. Every one is listed;
 * none stops the other events from counting.
 * - `bad-amount`: not a whole number of minor units from 1 to MAX_AMOUNT.
 * - `bad-rules`: a change of the rules that isValidFundRules refuses.
 * - `bad-schedule`: a per-cycle pledge for no cycles or more than MAX_PLEDGE_CYCLES, or an unknown kind.
 * - `not-a-member`: its author was not a member at its time.
 * - `unknown-request`: names a request this phone does not have (yet).
 * - `request-not-counted`: names a request that did not count itself.
 * - `by-requester`: the requester approving or declining their own request.
 * - `duplicate-approval`: the approver already counted for this request.
 * - `request-closed`: the request was already paid, declined or withdrawn.
 * - `not-the-requester`: a withdrawal by someone else.
 * - `not-approved`: a payout before enough approvers agreed.
 * - `insufficient-balance`: a payout larger than the fund held then.
 * - `unknown-pledge`, `pledge-not-counted`, `not-their-pledge`: the money of
 *   such a contribution counts, only its link to the pledge does not.
 */
export type FundProblemReason =
  | 'bad-amount'
  | 'bad-rules'
  | 'bad-schedule'
  | 'not-a-member'
  | 'unknown-request'
  | 'request-not-counted'
  | 'by-requester'
  | 'duplicate-approval'
  | 'request-closed'
  | 'not-the-requester'
  | 'not-approved'
  | 'insufficient-balance'
  | 'unknown-pledge'
  | 'pledge-not-counted'
  | 'not-their-pledge';

export interface FundProblem {
  readonly id: RecordId;
  readonly kind: FundEventKind;
  readonly author: MemberKey;
  readonly at: number;
  readonly reason: FundProblemReason;
}

export type ApprovalProblemReason = 'not-a-member' | 'by-requester' | 'request-closed' | 'duplicate-approval';

/** An approval of a request that did not count, shown on the request itself. */
export interface UncountedApproval {
  readonly id: RecordId;
  readonly author: MemberKey;
  readonly at: number;
  readonly reason: ApprovalProblemReason;
}

export type SupportStatus = 'open' | 'approved' | 'paid' | 'declined' | 'withdrawn';

/** The payout, decline or withdrawal that settled a request. */
export interface SupportClosure {
  readonly id: RecordId;
  readonly author: MemberKey;
  readonly at: number;
  readonly status: 'paid' | 'declined' | 'withdrawn';
}

export interface SupportRequestState {
  readonly id: RecordId;
  readonly requester: MemberKey;
  readonly amount: number;
  readonly reason: SupportReasonKind;
  readonly at: number;
  /** The rules in force when it was made, which it is judged by whatever the circle decides later. */
  readonly rules: FundRules;
  /** Approvers needed besides the requester. */
  readonly required: number;
  /** Those whose approval counts, in the order they approved. */
  readonly approvers: readonly MemberKey[];
  readonly uncounted: readonly UncountedApproval[];
  readonly status: SupportStatus;
  /** When the approval that completed the count was given; null while it lacks approvers. */
  readonly approvedAt: number | null;
  readonly closure: SupportClosure | null;
}

export interface PledgeState {
  readonly id: RecordId;
  readonly member: MemberKey;
  readonly at: number;
  readonly amount: number;
  readonly schedule: PledgeSchedule;
  /** Everything the pledge promises over its life. */
  readonly promised: number;
  /** What has fallen due by `asOf`: all of a one-off pledge, one amount per cycle begun for the others. */
  readonly due: number;
  /** Contributions that name this pledge. */
  readonly paid: number;
  /** What is due and not yet paid; never below zero, since paying ahead is no debt. */
  readonly outstanding: number;
}

/** Money in and out within one cycle, how many requests were made, approved and paid in it, and what the fund held at its end. */
export interface CycleTotals {
  readonly cycle: number;
  readonly contributed: number;
  readonly paidOut: number;
  /** Requests made in the cycle that count. */
  readonly requested: number;
  /** Requests whose last needed approval came in the cycle. */
  readonly approved: number;
  /** Requests paid out in the cycle. */
  readonly paid: number;
  /** The balance once the cycle's money has moved. */
  readonly balance: number;
}

/** A change of the payout rules that counts. */
export interface FundRulesChange {
  readonly id: RecordId;
  readonly changedBy: MemberKey;
  readonly at: number;
  readonly rules: FundRules;
}

export interface FundState {
  /** Contributions minus payouts, in minor units; never negative, since a payout the fund cannot cover does not count. */
  readonly balance: number;
  readonly contributed: number;
  readonly paidOut: number;
  /** Cycles in which money moved or requests were made, approved or paid, in order. */
  readonly cycles: readonly CycleTotals[];
  /** The rules a request made now is judged by: the latest change that counts, or the starting rules. */
  readonly rules: FundRules;
  /** Every change of the rules that counts, oldest first. */
  readonly rulesHistory: readonly FundRulesChange[];
  /** In request order. */
  readonly requests: ReadonlyMap<RecordId, SupportRequestState>;
  /** In pledge order. */
  readonly pledges: ReadonlyMap<RecordId, PledgeState>;
  /** In event order. */
  readonly problems: readonly FundProblem[];
}
