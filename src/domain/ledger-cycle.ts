/**
 * The ledger's shape, and the one place that moves quarters between members in
 * a cycle. Balances live per cycle because credits expire at every reset: an
 * exchange only ever touches the cycle its draft's time falls in.
 */
import type { MemberKey } from './events';
import type { Exchange, ExchangeConflict, InvalidConfirmation } from './ledger-rules';

export interface CycleLedger {
  readonly cycle: number;
  /** Quarters given minus quarters received, for every member who took part. */
  readonly balances: ReadonlyMap<MemberKey, number>;
  readonly given: ReadonlyMap<MemberKey, number>;
  readonly received: ReadonlyMap<MemberKey, number>;
  /** Oldest first: the draft's time, then the confirmation's id. */
  readonly exchanges: readonly Exchange[];
  /** All quarters exchanged in the cycle. */
  readonly quarters: number;
}

/** What both the full projection and the incremental index offer to read. */
export interface Ledger {
  /** Only cycles with at least one counted exchange appear. */
  readonly cycles: ReadonlyMap<number, CycleLedger>;
  /** Oldest first, by the confirmation's time then id. */
  readonly invalid: readonly InvalidConfirmation[];
  /** In the order of their drafts. */
  readonly conflicts: readonly ExchangeConflict[];
}

export interface MutableCycle extends CycleLedger {
  readonly balances: Map<MemberKey, number>;
  readonly given: Map<MemberKey, number>;
  readonly received: Map<MemberKey, number>;
  readonly exchanges: Exchange[];
  quarters: number;
}

export function emptyCycle(cycle: number): MutableCycle {
  return { cycle, balances: new Map(), given: new Map(), received: new Map(), exchanges: [], quarters: 0 };
}

/**
 * Adds (sign 1) or takes back (sign -1) an exchange's quarters; the exchanges
 * list is the caller's to keep. A member whose part falls back to nothing
 * leaves the maps, so that a ledger reached by any path has the same entries;
 * a balance of zero stays for a member who gave as much as they received.
 */
export function moveQuarters(cycle: MutableCycle, exchange: Exchange, sign: 1 | -1): void {
  const amount = sign * exchange.quarters;
  cycle.quarters += amount;
  addOrDrop(cycle.given, exchange.provider, amount);
  addOrDrop(cycle.received, exchange.receiver, amount);
  const moves: readonly (readonly [MemberKey, number])[] = [
    [exchange.provider, amount],
    [exchange.receiver, -amount],
  ];
  for (const [member, delta] of moves) {
    if (!cycle.given.has(member) && !cycle.received.has(member)) cycle.balances.delete(member);
    else cycle.balances.set(member, (cycle.balances.get(member) ?? 0) + delta);
  }
}

function addOrDrop(map: Map<MemberKey, number>, member: MemberKey, amount: number): void {
  const next = (map.get(member) ?? 0) + amount;
  if (next === 0) map.delete(member);
  else map.set(member, next);
}
