/**
 * What the circle may show beyond itself (a noticeboard, a neighbouring
 * circle): totals and counts only. No member key, no request's amount or
 * reason, since in a small neighbourhood one funeral or one eviction is
 * enough to name the person.
 */
import type { CycleTotals, FundState, SupportStatus } from './types';

export interface FundSummary {
  readonly balance: number;
  readonly contributed: number;
  readonly paidOut: number;
  /** Per cycle in which anything happened: money in and out, requests made, approved and paid, the balance at its end. */
  readonly cycles: readonly CycleTotals[];
  /** How many requests are in each state. */
  readonly requests: Readonly<Record<SupportStatus, number>>;
  /** Over every pledge: promised over their lives, fallen due, paid, still outstanding. */
  readonly pledges: { readonly count: number; readonly promised: number; readonly due: number; readonly paid: number; readonly outstanding: number };
  /** How many distinct members pledged: a figure that shows how widely the fund is held, not by whom. */
  readonly pledgers: number;
}

export function fundSummary(state: FundState): FundSummary {
  const requests: Record<SupportStatus, number> = { open: 0, approved: 0, paid: 0, declined: 0, withdrawn: 0 };
  for (const request of state.requests.values()) requests[request.status]++;
  const pledges = { count: 0, promised: 0, due: 0, paid: 0, outstanding: 0 };
  const pledgers = new Set<string>();
  for (const pledge of state.pledges.values()) {
    pledges.count++;
    pledges.promised += pledge.promised;
    pledges.due += pledge.due;
    pledges.paid += pledge.paid;
    pledges.outstanding += pledge.outstanding;
    pledgers.add(pledge.member);
  }
  return {
    balance: state.balance,
    contributed: state.contributed,
    paidOut: state.paidOut,
    // Field by field, so that whatever the state gains later stays out of what is published until someone decides it may go.
    cycles: state.cycles.map(({ cycle, contributed, paidOut, requested, approved, paid, balance }) => ({ cycle, contributed, paidOut, requested, approved, paid, balance })),
    requests,
    pledges,
    pledgers: pledgers.size,
  };
}
