/**
 * Pledges and what has been paid towards them. A contribution names the
 * pledge it keeps; the money counts for the fund either way, so a wrong or
 * missing link costs only the pledge's tally, never the balance.
 */
import type { FundContributed, FundPledged, RecordId } from './events';
import { isMemberAt, isValidAmount, isValidSchedule } from './rules';
import type { Membership } from './rules';
import type { FundProblemReason, PledgeState } from './types';

export interface PledgeBook {
  readonly pledge: FundPledged;
  paid: number;
}

export function pledgeProblem(pledge: FundPledged, membership: Membership): FundProblemReason | null {
  if (!isMemberAt(membership, pledge.author, pledge.at)) return 'not-a-member';
  if (!isValidAmount(pledge.amount)) return 'bad-amount';
  return isValidSchedule(pledge.schedule) ? null : 'bad-schedule';
}

/**
 * Adds a counted contribution to the pledge it names, or says why it cannot:
 * `refused` holds the pledges that did not count. Paying someone else's
 * pledge is refused so that each member's tally is theirs alone.
 */
export function keepPledge(
  books: ReadonlyMap<RecordId, PledgeBook>,
  refused: ReadonlySet<RecordId>,
  contribution: FundContributed,
): FundProblemReason | null {
  if (contribution.pledge === null) return null;
  const book = books.get(contribution.pledge);
  if (book === undefined) return refused.has(contribution.pledge) ? 'pledge-not-counted' : 'unknown-pledge';
  if (book.pledge.author !== contribution.author) return 'not-their-pledge';
  book.paid += contribution.amount;
  return null;
}

/** A per-cycle pledge falls due at the start of each cycle it covers, from the cycle it was made in. */
export function pledgeState(book: PledgeBook, cycleOf: (at: number) => number, asOf: number): PledgeState {
  const { pledge } = book;
  const cycles = pledge.schedule.kind === 'once' ? 1 : pledge.schedule.cycles;
  const begun = pledge.schedule.kind === 'once' ? 1 : cycleOf(asOf) - cycleOf(pledge.at) + 1;
  const due = pledge.amount * Math.min(cycles, Math.max(0, begun));
  return {
    id: pledge.id,
    member: pledge.author,
    at: pledge.at,
    amount: pledge.amount,
    schedule: pledge.schedule,
    promised: pledge.amount * cycles,
    due,
    paid: book.paid,
    outstanding: Math.max(0, due - book.paid),
  };
}
