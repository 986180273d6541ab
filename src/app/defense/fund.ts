/**
 * What a member does with the emergency fund: pledge, pay in, ask for
 * support, approve, decline, withdraw or pay out a request, and change the
 * circle's rules for payouts.
 *
 * Each refuses up front what the fund's projection would not count, so a
 * member is told at once rather than finding a record listed as a problem
 * later. The check is against the records this phone holds now; a record
 * that arrives later (a decline from a phone that was offline) can still
 * make a stored decision not count, and the projection then says so.
 */
import { wasMemberAt } from '../../domain/circle';
import { isValidAmount, isValidSchedule, MAX_APPROVERS, MIN_APPROVERS, SUPPORT_REASONS } from '../../domain/fund';
import type { FundRules, FundState, PledgeSchedule, RecordId, SupportReasonKind, SupportRequestState } from '../../domain/fund';
import type { MemberKey } from '../../domain/events';
import { normalizeOptional } from '../../domain/names';
import {
  FUND_LIMITS,
  fundContributedBody,
  fundPledgedBody,
  fundSettingsBody,
  supportDecisionBody,
  supportRequestedBody,
} from '../../records/kinds/fund';
import { err, ok } from '../../records/result';
import type { Result } from '../../records/result';
import type { AppDeps } from '../deps';
import { fundOf } from '../fund-view';
import type { OpenCircle } from '../open-circle';
import { signAndStore } from '../records';

export interface PledgeInput {
  /** Minor units (cents). */
  readonly amount: number;
  readonly schedule: PledgeSchedule;
}

export interface ContributionInput {
  readonly amount: number;
  /** The pledge this payment keeps, or null. */
  readonly pledge: RecordId | null;
}

export interface SupportRequestInput {
  readonly amount: number;
  readonly reason: SupportReasonKind;
  /** As typed; blank is none. */
  readonly note: string;
}

export type PledgeProblem = 'not-a-member' | 'amount' | 'schedule';
export type ContributionProblem = 'not-a-member' | 'amount' | 'unknown-pledge' | 'not-their-pledge';
export type SupportRequestProblem = 'not-a-member' | 'amount' | 'reason' | 'note';
export type ApproveProblem = 'not-a-member' | 'unknown-request' | 'own-request' | 'already-approved' | 'request-closed';
export type DeclineProblem = 'not-a-member' | 'unknown-request' | 'own-request' | 'request-closed';
/** A requester may withdraw even after leaving the circle, as the projection allows. */
export type WithdrawProblem = 'unknown-request' | 'not-the-requester' | 'request-closed';
export type PayProblem = 'not-a-member' | 'unknown-request' | 'request-closed' | 'not-approved' | 'insufficient-balance';
export type FundRulesProblem = 'not-a-member' | 'large-amount' | 'large-approvers';

/** The fund now, who this phone's member is, and whether they are a member now. */
function standing(circle: OpenCircle, deps: AppDeps): { readonly fund: FundState; readonly me: string; readonly member: boolean } {
  const snapshot = circle.replica.current();
  const now = deps.now();
  const me = circle.membership.memberKey;
  return { fund: fundOf(snapshot, now), me, member: wasMemberAt(snapshot.circle, me, now) };
}

function isClosed(request: SupportRequestState): boolean {
  return request.status === 'paid' || request.status === 'declined' || request.status === 'withdrawn';
}

export async function pledge(circle: OpenCircle, input: PledgeInput, deps: AppDeps): Promise<Result<RecordId, PledgeProblem>> {
  if (!standing(circle, deps).member) return err('not-a-member');
  if (!isValidAmount(input.amount)) return err('amount');
  if (!isValidSchedule(input.schedule)) return err('schedule');
  const record = await signAndStore(circle, 'fund.pledged', fundPledgedBody(input), deps);
  return ok(record.id);
}

export async function contribute(circle: OpenCircle, input: ContributionInput, deps: AppDeps): Promise<Result<RecordId, ContributionProblem>> {
  const { fund, me, member } = standing(circle, deps);
  if (!member) return err('not-a-member');
  if (!isValidAmount(input.amount)) return err('amount');
  if (input.pledge !== null) {
    // Only counted pledges are in the map, so a malformed id or a refused pledge is unknown here too.
    const kept = fund.pledges.get(input.pledge);
    if (kept === undefined) return err('unknown-pledge');
    if (kept.member !== me) return err('not-their-pledge');
  }
  const record = await signAndStore(circle, 'fund.contributed', fundContributedBody(input), deps);
  return ok(record.id);
}

export async function requestSupport(circle: OpenCircle, input: SupportRequestInput, deps: AppDeps): Promise<Result<RecordId, SupportRequestProblem>> {
  if (!standing(circle, deps).member) return err('not-a-member');
  if (!isValidAmount(input.amount)) return err('amount');
  if (!SUPPORT_REASONS.includes(input.reason)) return err('reason');
  const note = normalizeOptional(input.note, FUND_LIMITS.noteChars);
  if (!note.ok) return err('note');
  const fields = { amount: input.amount, reason: input.reason, note: note.value === '' ? null : note.value };
  const record = await signAndStore(circle, 'support.requested', supportRequestedBody(fields), deps);
  return ok(record.id);
}

/** Another member's request that is still open or approved: what approving and declining act on. */
function othersOpenRequest(circle: OpenCircle, requestId: RecordId, deps: AppDeps): Result<MemberKey, DeclineProblem> {
  const { fund, me, member } = standing(circle, deps);
  if (!member) return err('not-a-member');
  const request = fund.requests.get(requestId);
  if (request === undefined) return err('unknown-request');
  if (request.requester === me) return err('own-request');
  if (isClosed(request)) return err('request-closed');
  return ok(me);
}

/** Agrees that a request be paid: another member's, once, while it is open or approved. */
export async function approve(circle: OpenCircle, requestId: RecordId, deps: AppDeps): Promise<Result<RecordId, ApproveProblem>> {
  const checked = othersOpenRequest(circle, requestId, deps);
  if (!checked.ok) return checked;
  if (standing(circle, deps).fund.requests.get(requestId)?.approvers.includes(checked.value)) return err('already-approved');
  const record = await signAndStore(circle, 'support.approved', supportDecisionBody(requestId), deps);
  return ok(record.id);
}

/** Says the circle will not pay another member's request; possible until it is paid. */
export async function decline(circle: OpenCircle, requestId: RecordId, deps: AppDeps): Promise<Result<RecordId, DeclineProblem>> {
  const checked = othersOpenRequest(circle, requestId, deps);
  if (!checked.ok) return checked;
  const record = await signAndStore(circle, 'support.declined', supportDecisionBody(requestId), deps);
  return ok(record.id);
}

/** Takes back one's own request. */
export async function withdraw(circle: OpenCircle, requestId: RecordId, deps: AppDeps): Promise<Result<RecordId, WithdrawProblem>> {
  const { fund, me } = standing(circle, deps);
  const request = fund.requests.get(requestId);
  if (request === undefined) return err('unknown-request');
  if (request.requester !== me) return err('not-the-requester');
  if (isClosed(request)) return err('request-closed');
  const record = await signAndStore(circle, 'support.withdrawn', supportDecisionBody(requestId), deps);
  return ok(record.id);
}

/** Records that this member handed an approved request's amount to the requester. */
export async function markPaid(circle: OpenCircle, requestId: RecordId, deps: AppDeps): Promise<Result<RecordId, PayProblem>> {
  const { fund, member } = standing(circle, deps);
  if (!member) return err('not-a-member');
  const request = fund.requests.get(requestId);
  if (request === undefined) return err('unknown-request');
  if (isClosed(request)) return err('request-closed');
  if (request.status !== 'approved') return err('not-approved');
  if (request.amount > fund.balance) return err('insufficient-balance');
  const record = await signAndStore(circle, 'support.paid', supportDecisionBody(requestId), deps);
  return ok(record.id);
}

/**
 * Changes the circle's rules for payouts, as any member may change the
 * circle's other rules; the latest change stands. Requests already made keep
 * the rules they were made under.
 */
export async function setFundRules(circle: OpenCircle, rules: FundRules, deps: AppDeps): Promise<Result<RecordId, FundRulesProblem>> {
  if (!standing(circle, deps).member) return err('not-a-member');
  if (!isValidAmount(rules.largeAmount)) return err('large-amount');
  const { largeApprovers } = rules;
  if (!Number.isInteger(largeApprovers) || largeApprovers < MIN_APPROVERS || largeApprovers > MAX_APPROVERS) return err('large-approvers');
  const record = await signAndStore(circle, 'fund.settings', fundSettingsBody(rules), deps);
  return ok(record.id);
}
