/**
 * The ledger must be a function of the set of records: every phone holds the
 * same set in its own arrival order, with replays and rival countersignatures,
 * and all must show the same balances.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { projectCircle } from '../../src/domain/circle';
import type { CircleState } from '../../src/domain/circle';
import type { CircleEvent, ExchangeConfirmed, ExchangeRole } from '../../src/domain/events';
import { LedgerIndex, projectLedger } from '../../src/domain/ledger';
import type { Ledger } from '../../src/domain/ledger';
import { seededRandom } from '../../src/domain/random';
import { admitted, confirm, cycleOf, CYCLE_MS, DAY, draft, founded, key, MINUTE, T0 } from '../fixtures/ledger';

const MEMBERS = 6;
const CYCLES = 4;
/** Keys 0..MEMBERS-1 may be admitted; the next two never are. */
const anyone = fc.integer({ min: 0, max: MEMBERS + 1 }).map(key);
/** Mostly members, so that most exchanges can count. */
const mostlyMembers = fc.oneof({ arbitrary: fc.integer({ min: 0, max: MEMBERS - 1 }).map(key), weight: 4 }, anyone);

interface History {
  readonly membership: CircleState;
  readonly confirmations: readonly ExchangeConfirmed[];
}

// Most members join at the start, so that most exchanges can count; some join later.
const admissionDays = fc.array(fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.integer({ min: 0, max: CYCLES * 28 })), {
  minLength: MEMBERS - 1,
  maxLength: MEMBERS - 1,
});

const draftSpec = fc.record({
  author: mostlyMembers,
  role: fc.constantFrom<ExchangeRole>('provider', 'provider', 'receiver'),
  // Mostly valid amounts, with the edges and some invalid ones.
  quarters: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 48 }), weight: 9 }, fc.constantFrom(0, -4, 49, 2.5)),
  seats: fc.oneof({ arbitrary: fc.constant(1), weight: 3 }, { arbitrary: fc.integer({ min: 2, max: 3 }), weight: 2 }, fc.constantFrom(0, 1.5)),
  minute: fc.integer({ min: 0, max: (CYCLES * CYCLE_MS) / MINUTE - 1 }),
  skill: fc.constantFrom('repair', 'care', 'cooking'),
  signers: fc.array(
    fc.record({
      who: mostlyMembers,
      delay: fc.integer({ min: -5, max: 3 * 24 * 60 }),
      // The same record again, or the same member countersigning again later.
      replay: fc.boolean(),
      again: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    }),
    {
    minLength: 1,
    maxLength: 4,
  }),
});

const histories: fc.Arbitrary<History> = fc.record({ days: admissionDays, drafts: fc.array(draftSpec, { maxLength: 40, size: 'medium' }) }).map(({ days, drafts }) => {
  const events: CircleEvent[] = [founded(T0 - DAY)];
  days.forEach((day, n) => events.push(admitted(key(n + 1), T0 + day * DAY)));
  const confirmations: ExchangeConfirmed[] = [];
  drafts.forEach((spec, n) => {
    const of = draft({
      id: `d${n}`,
      author: spec.author,
      role: spec.role,
      quarters: spec.quarters,
      seats: spec.seats,
      at: T0 + spec.minute * MINUTE,
      skill: spec.skill,
    });
    for (const signer of spec.signers) {
      const confirmation = confirm(of, signer.who, of.at + signer.delay * MINUTE);
      confirmations.push(confirmation);
      if (signer.replay) confirmations.push(confirmation);
      if (signer.again !== undefined) confirmations.push(confirm(of, signer.who, confirmation.at + signer.again * MINUTE));
    }
  });
  return { membership: projectCircle(events), confirmations };
});

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Everything a ledger shows, in a form that ignores Map insertion order. */
function canonical(ledger: Ledger): unknown {
  const sortedEntries = (map: ReadonlyMap<string, number>): [string, number][] => [...map].sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    cycles: [...ledger.cycles.values()]
      .sort((a, b) => a.cycle - b.cycle)
      .map((cycle) => ({
        cycle: cycle.cycle,
        balances: sortedEntries(cycle.balances),
        given: sortedEntries(cycle.given),
        received: sortedEntries(cycle.received),
        exchanges: cycle.exchanges,
        quarters: cycle.quarters,
      })),
    invalid: ledger.invalid,
    conflicts: ledger.conflicts,
  };
}

const RUNS = { numRuns: 100, seed: 20250301 };

describe('ledger properties', () => {
  it('balances in every cycle sum to zero, and given equals received', () => {
    fc.assert(
      fc.property(histories, ({ membership, confirmations }) => {
        const ledger = projectLedger(confirmations, membership, cycleOf);
        for (const cycle of ledger.cycles.values()) {
          expect([...cycle.balances.values()].reduce((sum, value) => sum + value, 0)).toBe(0);
          expect([...cycle.given.values()].reduce((sum, value) => sum + value, 0)).toBe(cycle.quarters);
          expect([...cycle.received.values()].reduce((sum, value) => sum + value, 0)).toBe(cycle.quarters);
          expect(cycle.exchanges.reduce((sum, exchange) => sum + exchange.quarters, 0)).toBe(cycle.quarters);
        }
      }),
      RUNS,
    );
  });

  it('gives the same ledger for any order of the records', () => {
    fc.assert(
      fc.property(histories, fc.integer(), ({ membership, confirmations }, seed) => {
        const expected = canonical(projectLedger(confirmations, membership, cycleOf));
        expect(canonical(projectLedger(shuffled(confirmations, seed), membership, cycleOf))).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('an index fed one record at a time in any order equals the full projection', () => {
    fc.assert(
      fc.property(histories, fc.integer(), ({ membership, confirmations }, seed) => {
        const index = new LedgerIndex(membership, cycleOf);
        for (const confirmation of shuffled(confirmations, seed)) index.add(confirmation);
        expect(canonical(index)).toEqual(canonical(projectLedger(confirmations, membership, cycleOf)));
      }),
      RUNS,
    );
  });

  it("a cycle's balances depend only on the exchanges drafted in that cycle", () => {
    fc.assert(
      fc.property(histories, ({ membership, confirmations }) => {
        const ledger = projectLedger(confirmations, membership, cycleOf);
        for (let cycle = 0; cycle < CYCLES; cycle++) {
          const own = confirmations.filter((confirmation) => cycleOf(confirmation.draft.at) === cycle);
          const alone = projectLedger(own, membership, cycleOf);
          expect(canonical({ cycles: new Map([...alone.cycles]), invalid: [], conflicts: [] })).toEqual(
            canonical({ cycles: new Map([...ledger.cycles].filter(([index]) => index === cycle)), invalid: [], conflicts: [] }),
          );
        }
      }),
      RUNS,
    );
  });

  it('never counts more countersigners of a draft than its seats, nor one twice', () => {
    fc.assert(
      fc.property(histories, ({ membership, confirmations }) => {
        const ledger = projectLedger(confirmations, membership, cycleOf);
        const byDraft = new Map<string, string[]>();
        for (const cycle of ledger.cycles.values()) {
          for (const exchange of cycle.exchanges) {
            const other = exchange.provider === confirmations.find((c) => c.id === exchange.id)?.draft.author ? exchange.receiver : exchange.provider;
            byDraft.set(exchange.draftId, [...(byDraft.get(exchange.draftId) ?? []), other]);
          }
        }
        for (const [draftId, signers] of byDraft) {
          const seats = confirmations.find((c) => c.draft.id === draftId)!.draft.seats;
          expect(signers.length).toBeLessThanOrEqual(seats);
          expect(new Set(signers).size).toBe(signers.length);
        }
      }),
      RUNS,
    );
  });
});
