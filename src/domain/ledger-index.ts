/**
 * The ledger kept up to date one confirmation at a time, for a phone that
 * receives records as it syncs. Adding a record touches only its draft and the
 * cycle its draft falls in, so the cost does not grow with years of history.
 *
 * Validity depends on membership, so an index is built for one membership: when
 * the circle's membership changes (an admission that arrives late can make old
 * confirmations count), call `withMembership` to rebuild from what it holds.
 */
import type { CircleState } from './circle';
import { compareEvents } from './events';
import type { ExchangeConfirmed, RecordId } from './events';
import { emptyCycle, moveQuarters } from './ledger-cycle';
import type { CycleLedger, Ledger, MutableCycle } from './ledger-cycle';
import {
  checkConfirmation,
  compareConflicts,
  compareExchanges,
  conflictOf,
  exchangeOf,
  findSorted,
  insertSorted,
  invalidOf,
  resolveDraft,
  sortInvalid,
} from './ledger-rules';
import type { CycleOf, DraftResolution, ExchangeConflict, InvalidConfirmation, InvalidReason } from './ledger-rules';

/** What adding one confirmation did. */
export type AddOutcome =
  /** The same record was already in the index. */
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'invalid'; readonly reason: InvalidReason }
  /**
   * The record joined its draft. `counts` says whether it makes an exchange now:
   * it may be a repeat or an extra countersignature, or it may have displaced one
   * that came earlier. Either way only `cycle` changed.
   */
  | { readonly kind: 'applied'; readonly cycle: number; readonly counts: boolean };

interface DraftEntry {
  readonly cycle: number;
  // Valid confirmations of the draft, in compareEvents order.
  readonly confirmations: ExchangeConfirmed[];
  resolution: DraftResolution;
}

const NOTHING_RESOLVED: DraftResolution = { counted: [], repeated: [], extra: [] };

export class LedgerIndex implements Ledger {
  readonly membership: CircleState;
  readonly cycleOf: CycleOf;
  readonly #records = new Map<RecordId, ExchangeConfirmed>();
  readonly #invalidOnTheirOwn = new Map<RecordId, InvalidConfirmation>();
  readonly #drafts = new Map<RecordId, DraftEntry>();
  readonly #cycles = new Map<number, MutableCycle>();
  // Drafts with repeats or extra countersignatures: the only ones the lists below need to visit.
  readonly #irregular = new Set<RecordId>();
  #version = 0;

  constructor(membership: CircleState, cycleOf: CycleOf) {
    this.membership = membership;
    this.cycleOf = cycleOf;
  }

  /** An index holding the given confirmations. */
  static build(confirmations: Iterable<ExchangeConfirmed>, membership: CircleState, cycleOf: CycleOf): LedgerIndex {
    const index = new LedgerIndex(membership, cycleOf);
    for (const confirmation of confirmations) index.add(confirmation);
    return index;
  }

  /**
   * Whether another membership would judge any record differently: only who is
   * a member and since when matter, so a changed name needs no rebuild.
   */
  needsRebuild(membership: CircleState): boolean {
    if (membership === this.membership) return false;
    if (membership.members.size !== this.membership.members.size) return true;
    for (const [key, member] of membership.members) {
      if (this.membership.members.get(key)?.since !== member.since) return true;
    }
    return false;
  }

  /** The same records judged against another membership: this index itself if nothing that matters changed. */
  withMembership(membership: CircleState): LedgerIndex {
    return this.needsRebuild(membership) ? LedgerIndex.build(this.#records.values(), membership, this.cycleOf) : this;
  }

  /** The same records in other cycles, after the circle changed its reset rule. */
  withCycleOf(cycleOf: CycleOf): LedgerIndex {
    return LedgerIndex.build(this.#records.values(), this.membership, cycleOf);
  }

  /** Changes by one on every change, so a screen can tell that it must read again. */
  get version(): number {
    return this.#version;
  }

  /** How many distinct records the index holds, valid or not. */
  get size(): number {
    return this.#records.size;
  }

  has(id: RecordId): boolean {
    return this.#records.has(id);
  }

  /** Every record held, for a rebuild elsewhere. */
  records(): IterableIterator<ExchangeConfirmed> {
    return this.#records.values();
  }

  /** Live views: they change as records are added. */
  get cycles(): ReadonlyMap<number, CycleLedger> {
    return this.#cycles;
  }

  get invalid(): readonly InvalidConfirmation[] {
    const list = [...this.#invalidOnTheirOwn.values()];
    for (const draftId of this.#irregular) {
      for (const confirmation of this.#drafts.get(draftId)!.resolution.repeated) list.push(invalidOf(confirmation, 'repeated'));
    }
    return sortInvalid(list);
  }

  get conflicts(): readonly ExchangeConflict[] {
    const list: ExchangeConflict[] = [];
    for (const draftId of this.#irregular) {
      const entry = this.#drafts.get(draftId)!;
      const conflict = conflictOf(entry.resolution, entry.cycle);
      if (conflict !== null) list.push(conflict);
    }
    return list.sort(compareConflicts);
  }

  add(confirmation: ExchangeConfirmed): AddOutcome {
    if (this.#records.has(confirmation.id)) return { kind: 'duplicate' };
    this.#records.set(confirmation.id, confirmation);
    this.#version++;
    const reason = checkConfirmation(confirmation, this.membership);
    if (reason !== null) {
      this.#invalidOnTheirOwn.set(confirmation.id, invalidOf(confirmation, reason));
      return { kind: 'invalid', reason };
    }

    const draftId = confirmation.draft.id;
    let entry = this.#drafts.get(draftId);
    if (entry === undefined) {
      entry = { cycle: this.cycleOf(confirmation.draft.at), confirmations: [], resolution: NOTHING_RESOLVED };
      this.#drafts.set(draftId, entry);
    }
    insertSorted(entry.confirmations, confirmation, compareEvents);
    const before = entry.resolution;
    const after = resolveDraft(entry.confirmations);
    entry.resolution = after;
    this.#apply(entry.cycle, before, after);

    if (after.repeated.length > 0 || after.extra.length > 0) this.#irregular.add(draftId);
    return { kind: 'applied', cycle: entry.cycle, counts: after.counted.includes(confirmation) };
  }

  // Moves the cycle from one resolution of a draft to the next: at most a few exchanges.
  #apply(cycleIndex: number, before: DraftResolution, after: DraftResolution): void {
    let cycle = this.#cycles.get(cycleIndex);
    if (cycle === undefined) {
      cycle = emptyCycle(cycleIndex);
      this.#cycles.set(cycleIndex, cycle);
    }
    for (const confirmation of before.counted) {
      if (after.counted.includes(confirmation)) continue;
      const exchange = exchangeOf(confirmation, cycleIndex);
      const at = findSorted(cycle.exchanges, exchange, compareExchanges);
      if (at >= 0) cycle.exchanges.splice(at, 1);
      moveQuarters(cycle, exchange, -1);
    }
    for (const confirmation of after.counted) {
      if (before.counted.includes(confirmation)) continue;
      const exchange = exchangeOf(confirmation, cycleIndex);
      insertSorted(cycle.exchanges, exchange, compareExchanges);
      moveQuarters(cycle, exchange, 1);
    }
    if (cycle.exchanges.length === 0) this.#cycles.delete(cycleIndex);
  }
}
