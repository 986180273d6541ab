/**
 * Court dates must come out the same on every phone whatever order their
 * events arrived in; no slot may hold more people than it asks for, nobody
 * more than one place per date, and only members hold places.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COURT_HELP, projectCourt } from '../../src/domain/court';
import type { CourtEvent, CourtSlot, CourtState } from '../../src/domain/court';

const RUNS = { numRuns: 300, seed: 20261102 };
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 2);
/** Expiry (a UTC midnight) falls at the last generated hour, so late events turn up. */
const EXPIRES = T0 + 48 * HOUR;

/** Five members and one key that is not a member, so refused events turn up often. */
const KEYS = ['ana', 'ben', 'cam', 'dev', 'eve', 'zed'] as const;
const isMember = (member: string): boolean => member !== 'zed';
const MAX_TARGET = 3;

type StepKind = CourtEvent['kind'];

interface Step {
  readonly kind: StepKind;
  readonly by: number;
  /** Few distinct times, so that ties between events are common. */
  readonly hour: number;
  readonly help: number;
  /** Which date or sign-up a step names; past the end, one nobody has. */
  readonly target: number;
}

const steps: fc.Arbitrary<Step> = fc.record({
  kind: fc.oneof(
    { weight: 2, arbitrary: fc.constant<StepKind>('court.date') },
    { weight: 8, arbitrary: fc.constant<StepKind>('court.signup') },
    { weight: 3, arbitrary: fc.constant<StepKind>('court.signup.withdrawn') },
    { weight: 1, arbitrary: fc.constant<StepKind>('court.cancelled') },
  ),
  by: fc.integer({ min: 0, max: KEYS.length - 1 }),
  hour: fc.integer({ min: 0, max: 48 }),
  help: fc.integer({ min: 0, max: COURT_HELP.length - 1 }),
  target: fc.nat({ max: MAX_TARGET }),
});

function slotsFor(n: number): CourtSlot[] {
  return COURT_HELP.slice(0, 1 + (n % 3)).map((help, k) => ({ help, count: 1 + ((n + k) % 2) }));
}

function eventsOf(list: readonly Step[]): CourtEvent[] {
  const idsOf = (kind: StepKind) => list.flatMap((step, n) => (step.kind === kind ? [`e${n}`] : []));
  const dates = idsOf('court.date');
  const signups = idsOf('court.signup');
  const named = (ids: readonly string[], target: number): string => (target === MAX_TARGET || ids.length === 0 ? `missing${target}` : ids[target % ids.length]!);
  return list.map((step, n): CourtEvent => {
    const meta = { id: `e${n}`, author: KEYS[step.by]!, at: T0 + step.hour * HOUR };
    switch (step.kind) {
      case 'court.date':
        return { ...meta, kind: step.kind, slots: slotsFor(n), expiresAt: EXPIRES, sealedDetails: new Uint8Array(64) };
      case 'court.signup':
        return { ...meta, kind: step.kind, date: named(dates, step.target), help: COURT_HELP[step.help]! };
      case 'court.signup.withdrawn':
        return { ...meta, kind: step.kind, signup: named(signups, step.target) };
      case 'court.cancelled':
        return { ...meta, kind: step.kind, date: named(dates, step.target) };
    }
  });
}

const cases = fc.record({
  events: fc.array(steps, { minLength: 5, maxLength: 60, size: 'medium' }).map(eventsOf),
  order: fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
});

function shuffled<T>(items: readonly T[], order: readonly number[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = order[i % order.length]! % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const plain = (state: CourtState): unknown => ({ ...state, dates: [...state.dates] });

describe('projectCourt properties', () => {
  it('does not depend on the order the events arrived in, nor on repeats', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const once = projectCourt(c.events, isMember);
        const again = shuffled([...c.events, ...c.events.filter((_, n) => n % 3 === 0)], c.order);
        expect(plain(projectCourt(again, isMember))).toEqual(plain(once));
      }),
      RUNS,
    );
  });

  it('fills no slot beyond its count, gives nobody two places on a date, and places only members', () => {
    let full = 0;
    fc.assert(
      fc.property(cases, (c) => {
        for (const date of projectCourt(c.events, isMember).dates.values()) {
          const holders = date.slots.flatMap((slot) => [...slot.filled, ...slot.waiting].map((signup) => signup.member));
          expect(new Set(holders).size).toBe(holders.length);
          for (const slot of date.slots) {
            expect(slot.filled.length).toBeLessThanOrEqual(slot.count);
            if (slot.waiting.length > 0) {
              full++;
              expect(slot.filled.length).toBe(slot.count);
            }
            for (const signup of slot.filled) expect(isMember(signup.member) && signup.at < date.expiresAt).toBe(true);
          }
        }
      }),
      RUNS,
    );
    // The generator must reach the case the property is about.
    expect(full).toBeGreaterThan(30);
  });

  it('accounts for every sign-up: it holds or waits for a place, was withdrawn, or is listed with a reason', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const state = projectCourt(c.events, isMember);
        const listed = new Set(state.problems.map((problem) => problem.id));
        const placed = new Set([...state.dates.values()].flatMap((date) => date.slots.flatMap((slot) => slot.filled.map((signup) => signup.id))));
        const withdrawals = c.events.filter((event) => event.kind === 'court.signup.withdrawn' && !listed.has(event.id));
        const withdrawnIds = new Set(withdrawals.map((event) => (event.kind === 'court.signup.withdrawn' ? event.signup : '')));
        for (const event of c.events) {
          if (event.kind !== 'court.signup') continue;
          const outcomes = [placed.has(event.id), withdrawnIds.has(event.id), listed.has(event.id)].filter(Boolean);
          expect(outcomes.length).toBe(1);
        }
      }),
      RUNS,
    );
  });
});
