/**
 * The checks every fund event goes through before it counts: amounts, the
 * circle's approval rules, membership at a time, and the one order.
 */
import type { MemberKey, PledgeSchedule, RecordId } from './events';

/**
 * No single pledge, contribution or request is larger: 100,000 in the
 * circle's money. A neighbourhood fund never handles more at once, and the cap
 * keeps every sum of amounts far inside the safe integers.
 */
export const MAX_AMOUNT = 10_000_000;
/** A payout always needs at least this many approvers besides the requester. */
export const MIN_APPROVERS = 2;
/** More approvers than this could never gather in a small circle: a rule asking for them is a mistake. */
export const MAX_APPROVERS = 12;
/** About twenty years of lunar cycles: a longer promise is not one anyone can plan for. */
export const MAX_PLEDGE_CYCLES = 240;

/** What the circle decides about payouts. */
export interface FundRules {
  /** A request for more than this (minor units) is large. */
  readonly largeAmount: number;
  /** Approvers, besides the requester, a large request needs: from MIN_APPROVERS to MAX_APPROVERS. */
  readonly largeApprovers: number;
}

/** Until the circle decides otherwise: 500 in its money is large, and three people agree to it. */
export const DEFAULT_FUND_RULES: FundRules = { largeAmount: 50_000, largeApprovers: 3 };

/**
 * Who counted as a member when: a set when membership does not change over
 * the events at hand, or a question about a key at a time (such as
 * `(key, at) => wasMemberAt(circle, key, at)`).
 */
export type Membership = ReadonlySet<MemberKey> | ((member: MemberKey, at: number) => boolean);

export function isMemberAt(membership: Membership, member: MemberKey, at: number): boolean {
  return typeof membership === 'function' ? membership(member, at) : membership.has(member);
}

/** A whole number of minor units, more than nothing and at most MAX_AMOUNT. */
export function isValidAmount(amount: number): boolean {
  return Number.isSafeInteger(amount) && amount > 0 && amount <= MAX_AMOUNT;
}

export function isValidSchedule(schedule: PledgeSchedule): boolean {
  if (schedule.kind === 'once') return true;
  // The runtime check matters: a record from a later version may name a kind this one does not know.
  if (schedule.kind !== 'per-cycle') return false;
  return Number.isSafeInteger(schedule.cycles) && schedule.cycles >= 1 && schedule.cycles <= MAX_PLEDGE_CYCLES;
}

export function isValidFundRules(rules: FundRules): boolean {
  const { largeAmount, largeApprovers } = rules;
  return isValidAmount(largeAmount) && Number.isInteger(largeApprovers) && largeApprovers >= MIN_APPROVERS && largeApprovers <= MAX_APPROVERS;
}

/** How many approvers, besides the requester, a request for `amount` needs. */
export function approversNeeded(amount: number, rules: FundRules): number {
  return amount > rules.largeAmount ? rules.largeApprovers : MIN_APPROVERS;
}

/**
 * The one total order every phone uses: time, then id (as compareEvents does
 * for circle records). It reads only those two, so events and the problems
 * derived from them sort alike.
 */
export function compareFundEvents(a: { readonly id: RecordId; readonly at: number }, b: { readonly id: RecordId; readonly at: number }): number {
  if (a.at !== b.at) return a.at - b.at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
