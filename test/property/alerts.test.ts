/**
 * Coverage must stay a share (0 to 1), only grow as acknowledgements arrive,
 * come out the same on every phone whatever order the records arrived in, and
 * keep its milestones in order: half, then 90%, then everyone.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alertCoverage, alertsOverview, drillHistory, expiryPlan } from '../../src/domain/alerts';
import type { Alert, AlertAck, AlertRoster, Coverage, CourtDate } from '../../src/domain/alerts';

const RUNS = { numRuns: 200, seed: 20250613 };
const MINUTE = 60_000;
const T0 = Date.UTC(2025, 5, 1, 12);

interface Case {
  readonly alert: Alert;
  readonly roster: AlertRoster;
  readonly acks: readonly AlertAck[];
}

const key = (n: number): string => `k${n}`;
/** Mostly a member's index, now and then someone from outside the circle (-1). */
const person = fc.oneof({ weight: 9, arbitrary: fc.nat({ max: 1000 }) }, { weight: 1, arbitrary: fc.constant(-1) });

/**
 * A roster of up to 40 (a few admitted after the alert), an alert raised by a
 * member (or now and then by a stranger), and acknowledgements that are
 * mostly sound, with every kind of fault mixed in: strangers, early dates,
 * other alerts, repeats.
 */
const cases: fc.Arbitrary<Case> = fc
  .record({
    size: fc.integer({ min: 1, max: 40 }),
    lateJoiners: fc.integer({ min: 0, max: 3 }),
    strangerRaises: fc.integer({ min: 0, max: 9 }),
    callerShare: fc.constantFrom(0, 0.3, 1),
    acks: fc.array(
      fc.record({
        heard: fc.boolean(),
        author: person,
        member: person,
        minute: fc.integer({ min: -5, max: 120 }),
        otherAlert: fc.integer({ min: 0, max: 19 }),
      }),
      { maxLength: 80 },
    ),
    sweep: fc.array(fc.integer({ min: -5, max: 120 }), { maxLength: 44 }),
  })
  .map(({ size, lateJoiners, strangerRaises, callerShare, acks, sweep }) => {
    const members = new Map<string, { since: number }>();
    for (let n = 0; n < size; n++) members.set(key(n), { since: T0 - MINUTE });
    for (let n = size; n < size + lateJoiners; n++) members.set(key(n), { since: T0 + 30 * MINUTE });
    const callers = new Set([...members.keys()].filter((_, n) => n / size < callerShare));
    const alert: Alert = {
      id: 'a1',
      raisedBy: strangerRaises === 0 ? 'stranger' : key(0),
      at: T0,
      kind: 'police',
      drill: true,
      expiresAt: null,
      sealed: ['message'],
    };
    // -1 is someone outside the circle; one index past the roster is a key nobody admitted.
    const who = (n: number): string => (n < 0 ? 'stranger' : key(n % (members.size + 1)));
    const records = acks.map(({ heard, author, member, minute, otherAlert }, i): AlertAck => {
      const meta = { id: `ack${String(i).padStart(3, '0')}`, author: who(author), at: T0 + minute * MINUTE, alert: otherAlert === 0 ? 'a2' : 'a1' };
      return heard ? { kind: 'alert.heard', ...meta } : { kind: 'alert.reached', ...meta, member: who(member) };
    });
    // A sweep of confirmations, one per member from k0 on, so that milestones are often reached.
    sweep.forEach((minute, n) => records.push({ kind: 'alert.heard', id: `sweep${String(n).padStart(2, '0')}`, author: key(n), at: T0 + minute * MINUTE, alert: 'a1' }));
    return { alert, roster: { members, callers }, acks: records };
  });

function shuffled<T>(items: readonly T[], order: readonly number[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = order[i % order.length]! % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const NOW = T0 + 3 * 60 * MINUTE;

function genuine(c: Case, acks: readonly AlertAck[] = c.acks): Coverage | null {
  const result = alertCoverage(c.alert, acks, c.roster, NOW);
  return result.forged ? null : result;
}

/** Everything a screen reads from a coverage, as plain data. */
const reading = (coverage: Coverage): unknown => ({
  reached: coverage.reached,
  unreached: coverage.unreached,
  fraction: coverage.fraction,
  times: [coverage.timeToHalf, coverage.timeTo90, coverage.timeToEveryone],
  problems: coverage.problems,
  levels: coverage.tree.levels,
});

describe('alert coverage properties', () => {
  it('never exceeds 1, and reached and unreached split the audience', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const coverage = genuine(c);
        if (coverage === null) return;
        expect(coverage.fraction).toBeGreaterThanOrEqual(0);
        expect(coverage.fraction).toBeLessThanOrEqual(1);
        const reached = coverage.reached.map((entry) => entry.member);
        expect(new Set(reached).size).toBe(reached.length);
        expect(reached.length + coverage.unreached.length).toBe(coverage.audience);
        for (const member of coverage.unreached) expect(reached).not.toContain(member);
        for (const entry of coverage.reached) expect(entry.at).toBeGreaterThanOrEqual(c.alert.at);
      }),
      RUNS,
    );
  });

  it('never decreases as acknowledgements are added, and nobody is reached later than before', () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 0, max: 130 }), (c, cut) => {
        const before = genuine(c, c.acks.slice(0, cut));
        const after = genuine(c);
        if (before === null || after === null) return;
        expect(after.fraction).toBeGreaterThanOrEqual(before.fraction);
        const then = new Map(after.reached.map((entry) => [entry.member, entry.at]));
        for (const entry of before.reached) expect(then.get(entry.member)).toBeLessThanOrEqual(entry.at);
        const sooner = (a: number | null, b: number | null): boolean => b === null || (a !== null && a <= b);
        expect(sooner(after.timeToHalf, before.timeToHalf)).toBe(true);
        expect(sooner(after.timeTo90, before.timeTo90)).toBe(true);
        expect(sooner(after.timeToEveryone, before.timeToEveryone)).toBe(true);
      }),
      RUNS,
    );
  });

  it('is the same whatever order the acknowledgements arrive in, repeats and all', () => {
    fc.assert(
      fc.property(cases, fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (c, order) => {
        const one = genuine(c);
        const again = shuffled([...c.acks, ...c.acks.slice(0, order.length)], order);
        const two = genuine(c, again);
        if (one === null || two === null) {
          expect(two).toBe(one);
          return;
        }
        expect(reading(two)).toEqual(reading(one));
        const overview = (acks: readonly AlertAck[]): unknown => {
          const { alerts, problems } = alertsOverview([c.alert], acks, c.roster, NOW);
          return { alerts: alerts.map(reading), problems };
        };
        expect(overview(again)).toEqual(overview(c.acks));
        expect(drillHistory([c.alert], again, c.roster.members)).toEqual(drillHistory([c.alert], c.acks, c.roster.members));
      }),
      RUNS,
    );
  });

  it('reaches half no later than 90%, and 90% no later than everyone', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const coverage = genuine(c);
        if (coverage === null) return;
        const { timeToHalf, timeTo90, timeToEveryone } = coverage;
        if (timeToEveryone !== null) {
          expect(timeTo90).not.toBeNull();
          expect(timeTo90!).toBeLessThanOrEqual(timeToEveryone);
        }
        if (timeTo90 !== null) {
          expect(timeToHalf).not.toBeNull();
          expect(timeToHalf!).toBeLessThanOrEqual(timeTo90);
        }
        expect(timeToEveryone === null).toBe(coverage.fraction < 1);
      }),
      RUNS,
    );
  });

  it('lists a forged alert and every acknowledgement of an unknown alert, each once', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const overview = alertsOverview([c.alert], c.acks, c.roster, NOW);
        const listed = overview.problems.map((problem) => problem.id);
        expect(new Set(listed).size).toBe(listed.length);
        expect(listed.includes(c.alert.id)).toBe(overview.alerts.length === 0);
        for (const ack of c.acks) {
          if (ack.alert !== c.alert.id) expect(overview.problems.find((problem) => problem.id === ack.id)?.reason).toBe('unknown-alert');
        }
      }),
      RUNS,
    );
  });
});

describe('expiry plan properties', () => {
  const dates: fc.Arbitrary<CourtDate[]> = fc.array(
    fc.record({
      id: fc.integer({ min: 0, max: 9 }).map((n) => `c${n}`),
      alert: fc.constantFrom('a1', null),
      hearingAt: fc.integer({ min: T0 - 40 * 1440 * MINUTE, max: T0 + 40 * 1440 * MINUTE }),
    }),
    { maxLength: 6 },
  );

  it('drops or keeps every item exactly once, whatever the order, and keeps nothing past expiry', () => {
    fc.assert(
      fc.property(cases, dates, fc.integer({ min: -40, max: 80 }), fc.array(fc.nat(), { minLength: 1, maxLength: 10 }), (c, courtDates, day, order) => {
        // Court date ids repeat in the arbitrary; give each id one hearing, as a record id would.
        const unique = [...new Map(courtDates.map((date) => [date.id, date])).values()];
        const now = T0 + day * 1440 * MINUTE;
        const reach = { acks: c.acks, members: c.roster.members };
        const plan = expiryPlan([c.alert], unique, now, reach);
        expect(plan.drop.length + plan.keep.length).toBe(1 + unique.length);
        for (const item of plan.keep) expect(now).toBeLessThan(item.expiresAt);
        expect(plan.survives.length).toBe(plan.drop.filter((item) => item.item === 'alert' && item.reason === 'expired').length);
        expect(expiryPlan([c.alert, c.alert], shuffled(unique, order), now, reach)).toEqual(plan);
      }),
      RUNS,
    );
  });
});
