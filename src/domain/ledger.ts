/**
 * The time-credit ledger: mutual credit within a cycle, reset at every cycle's
 * end. The full projection lives here; ledger-index.ts keeps the same state up
 * to date one confirmation at a time, and both answer the queries below.
 */
import type { CircleState } from './circle';
import { compareEvents } from './events';
import type { ExchangeConfirmed, MemberKey, RecordId } from './events';
import { emptyCycle, moveQuarters } from './ledger-cycle';
import type { CycleLedger, Ledger, MutableCycle } from './ledger-cycle';
import {
  checkConfirmation,
  compareConflicts,
  compareExchanges,
  conflictOf,
  exchangeOf,
  invalidOf,
  resolveDraft,
  sortInvalid,
} from './ledger-rules';
import type { CycleOf, Exchange, ExchangeConflict, InvalidConfirmation } from './ledger-rules';

export type { CycleLedger, Ledger } from './ledger-cycle';
export { LedgerIndex } from './ledger-index';
export type { AddOutcome } from './ledger-index';
export { checkLimits, withPending } from './ledger-limits';
export type { LimitCheck, LimitSettings, PendingExchange } from './ledger-limits';
export { statementFor } from './ledger-statement';
export type { CycleSummary, Statement, StatementLine } from './ledger-statement';
export { MAX_EXCHANGE_QUARTERS, MIN_EXCHANGE_QUARTERS, checkConfirmation } from './ledger-rules';
export type {
  CycleOf,
  Exchange,
  ExchangeConflict,
  ExtraCountersignature,
  InvalidConfirmation,
  InvalidReason,
} from './ledger-rules';

/**
 * The whole ledger from every confirmation on record. The same set of records
 * gives the same ledger in any order; a repeated record counts once.
 */
export function projectLedger(
  confirmations: Iterable<ExchangeConfirmed>,
  membership: CircleState,
  cycleOf: CycleOf,
): Ledger {
  const seen = new Set<RecordId>();
  const invalid: InvalidConfirmation[] = [];
  const drafts = new Map<RecordId, ExchangeConfirmed[]>();
  for (const confirmation of confirmations) {
    if (seen.has(confirmation.id)) continue;
    seen.add(confirmation.id);
    const reason = checkConfirmation(confirmation, membership);
    if (reason !== null) {
      invalid.push(invalidOf(confirmation, reason));
      continue;
    }
    const group = drafts.get(confirmation.draft.id);
    if (group === undefined) drafts.set(confirmation.draft.id, [confirmation]);
    else group.push(confirmation);
  }

  const exchanges: Exchange[] = [];
  const conflicts: ExchangeConflict[] = [];
  for (const group of drafts.values()) {
    group.sort(compareEvents);
    const resolution = resolveDraft(group);
    const cycle = cycleOf(group[0]!.draft.at);
    for (const confirmation of resolution.counted) exchanges.push(exchangeOf(confirmation, cycle));
    for (const confirmation of resolution.repeated) invalid.push(invalidOf(confirmation, 'repeated'));
    const conflict = conflictOf(resolution, cycle);
    if (conflict !== null) conflicts.push(conflict);
  }

  exchanges.sort(compareExchanges);
  const byCycle = new Map<number, MutableCycle>();
  for (const exchange of exchanges) {
    let cycle = byCycle.get(exchange.cycle);
    if (cycle === undefined) {
      cycle = emptyCycle(exchange.cycle);
      byCycle.set(exchange.cycle, cycle);
    }
    cycle.exchanges.push(exchange);
    moveQuarters(cycle, exchange, 1);
  }
  const cycles = new Map<number, CycleLedger>([...byCycle].sort(([a], [b]) => a - b));
  return { cycles, invalid: sortInvalid(invalid), conflicts: conflicts.sort(compareConflicts) };
}

const NO_BALANCES: ReadonlyMap<MemberKey, number> = new Map();

/**
 * Every balance in one cycle, positive for members who gave more than they
 * received. A member with no entry stands at zero.
 */
export function balancesForCycle(ledger: Ledger, cycle: number): ReadonlyMap<MemberKey, number> {
  return ledger.cycles.get(cycle)?.balances ?? NO_BALANCES;
}

/** One member's balance in one cycle. */
export function balanceOf(ledger: Ledger, cycle: number, member: MemberKey): number {
  return balancesForCycle(ledger, cycle).get(member) ?? 0;
}

/** The indices of the cycles with exchanges, oldest first. */
export function cycleIndices(ledger: Ledger): readonly number[] {
  return [...ledger.cycles.keys()].sort((a, b) => a - b);
}

/** The conflicts a member should be shown: as the draft's author or as an extra countersigner. */
export function conflictsFor(ledger: Ledger, member: MemberKey): readonly ExchangeConflict[] {
  return ledger.conflicts.filter(
    (conflict) => conflict.draftAuthor === member || conflict.extra.some((extra) => extra.countersigner === member),
  );
}
