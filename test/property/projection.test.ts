/**
 * The projection must be a function of the set of valid records: every phone
 * holds the same set in its own arrival order, and all must show the same circle.
 * Histories here are real signed records, validated before they are projected.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { projectCircle } from '../../src/domain/circle';
import type { CircleState } from '../../src/domain/circle';
import { compareEvents } from '../../src/domain/events';
import type { CircleEvent, MemberAdmitted } from '../../src/domain/events';
import type { SignedBytes } from '../../src/records/make';
import { validateRecord } from '../../src/records/verify-record';
import { admit, changeProfile, foundCircle, person, refound, T0 } from '../fixtures/circle';
import type { Person } from '../fixtures/circle';

const circle = foundCircle();
const PEOPLE = 8;
const OUTSIDERS = 3;
const NAMES = ['Ada', 'Bea', 'Cy', 'Dee', 'Eli', 'Fay'] as const;
/** Members are person(1..PEOPLE); outsiders, whom no member ever admits, come after. */
const outsider = (n: number): Person => person(PEOPLE + 1 + (n % OUTSIDERS));

/*
 * Signing and verifying dominate the run time, and fast-check builds many
 * histories that share records. Both are deterministic, so each distinct record
 * is signed once and each distinct record id validated once.
 */
const signed = new Map<string, SignedBytes>();
function once(key: string, make: () => SignedBytes): SignedBytes {
  let record = signed.get(key);
  if (record === undefined) {
    record = make();
    signed.set(key, record);
  }
  return record;
}

const validated = new Map<string, CircleEvent>();
function validate(record: SignedBytes): CircleEvent {
  let event = validated.get(record.id);
  if (event === undefined) {
    const result = validateRecord(record.bytes, circle.id, record.id);
    if (!result.ok) throw new Error(`generated record rejected: ${result.error.problem}`);
    event = result.value.event;
    validated.set(record.id, event);
  }
  return event;
}

type Step =
  | { readonly op: 'admit'; readonly admitter: number; readonly gap: number }
  | { readonly op: 'readmit'; readonly admitter: number; readonly target: number; readonly back: number }
  | { readonly op: 'profile'; readonly who: number; readonly name: number; readonly gap: number }
  | { readonly op: 'early-profile'; readonly who: number; readonly name: number }
  | { readonly op: 'outsider-admit'; readonly by: number; readonly target: number }
  | { readonly op: 'outsider-profile'; readonly by: number; readonly name: number }
  | { readonly op: 'backdated-admit'; readonly admitter: number }
  | { readonly op: 'refound'; readonly back: number };

// Small gaps on purpose: many records share a millisecond, where ties are broken by id.
const gap = fc.nat(2);
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('admit' as const), admitter: fc.nat(), gap }), weight: 5 },
  fc.record({ op: fc.constant('readmit' as const), admitter: fc.nat(), target: fc.nat(), back: fc.nat(4) }),
  { arbitrary: fc.record({ op: fc.constant('profile' as const), who: fc.nat(), name: fc.nat(NAMES.length - 1), gap }), weight: 2 },
  fc.record({ op: fc.constant('early-profile' as const), who: fc.nat(), name: fc.nat(NAMES.length - 1) }),
  fc.record({ op: fc.constant('outsider-admit' as const), by: fc.nat(), target: fc.nat() }),
  fc.record({ op: fc.constant('outsider-profile' as const), by: fc.nat(), name: fc.nat(NAMES.length - 1) }),
  fc.record({ op: fc.constant('backdated-admit' as const), admitter: fc.nat() }),
  fc.record({ op: fc.constant('refound' as const), back: fc.integer({ min: -3, max: 3 }) }),
);

interface History {
  readonly records: readonly SignedBytes[];
  /**
   * Who the plan made a member, and the latest their membership can begin. Only
   * an upper bound: an earlier readmission can make an admission dated before it
   * count after all, which the reference model below settles.
   */
  readonly planned: ReadonlyMap<string, number>;
}

/** Turns a plan into signed records; steps that cannot apply (no one left to admit) are skipped. */
function buildHistory(steps: readonly Step[]): History {
  const records: SignedBytes[] = [circle.founding];
  const members: { person: Person; since: number }[] = [{ person: circle.founder, since: T0 }];
  let now = T0;
  let nextPerson = 1;
  const pick = <T>(items: readonly T[], n: number): T => items[n % items.length]!;

  for (const s of steps) {
    switch (s.op) {
      case 'admit': {
        if (nextPerson > PEOPLE) break;
        now += s.gap;
        const admitter = pick(members, s.admitter);
        const newcomer = person(nextPerson++);
        const time = now;
        records.push(once(`admit ${admitter.person.key} ${newcomer.key} ${time}`, () => admit(circle, admitter.person, newcomer, time)));
        members.push({ person: newcomer, since: time });
        break;
      }
      case 'readmit': {
        // A second admission of a member, possibly dated before the first one.
        const admitter = pick(members, s.admitter);
        const target = pick(members, s.target);
        const time = Math.max(admitter.since, now - s.back);
        if (target.person === admitter.person) break;
        records.push(once(`admit ${admitter.person.key} ${target.person.key} ${time}`, () => admit(circle, admitter.person, target.person, time)));
        if (time < target.since && target.person !== circle.founder) target.since = time;
        break;
      }
      case 'profile': {
        now += s.gap;
        const who = pick(members, s.who).person;
        const name = pick(NAMES, s.name);
        const time = now;
        records.push(once(`profile ${who.key} ${name} ${time}`, () => changeProfile(circle, who, name, time)));
        break;
      }
      case 'early-profile': {
        const who = pick(members, s.who);
        if (who.person === circle.founder) break;
        const name = pick(NAMES, s.name);
        const time = who.since - 1;
        records.push(once(`profile ${who.person.key} ${name} ${time}`, () => changeProfile(circle, who.person, name, time)));
        break;
      }
      case 'outsider-admit': {
        // An outsider admits a newcomer, or even someone who is a member anyway.
        const by = outsider(s.by);
        const target = s.target % 2 === 0 || nextPerson > PEOPLE ? pick(members, s.target).person : person(nextPerson);
        const time = now;
        records.push(once(`admit ${by.key} ${target.key} ${time}`, () => admit(circle, by, target, time)));
        break;
      }
      case 'outsider-profile': {
        const by = outsider(s.by);
        const name = pick(NAMES, s.name);
        const time = now;
        records.push(once(`profile ${by.key} ${name} ${time}`, () => changeProfile(circle, by, name, time)));
        break;
      }
      case 'backdated-admit': {
        // A member dates an admission before their own membership began.
        if (nextPerson > PEOPLE) break;
        const admitter = pick(members, s.admitter);
        const target = person(nextPerson);
        const time = admitter.since - 1;
        records.push(once(`admit ${admitter.person.key} ${target.key} ${time}`, () => admit(circle, admitter.person, target, time)));
        break;
      }
      case 'refound': {
        const time = T0 + s.back;
        records.push(once(`refound ${time}`, () => refound(circle, time, 'Founder Again')));
        break;
      }
    }
  }
  return { records, planned: new Map(members.map((m) => [m.person.key, m.since])) };
}

const history = fc.array(step, { minLength: 1, maxLength: 18 }).map(buildHistory);

/** One text per state: members and ignored events sorted, so only content can make two differ. */
function canonical(state: CircleState): string {
  const members = [...state.members.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const ignored = [...state.ignored].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return JSON.stringify({ circle: state.circle, members, ignored });
}

/**
 * An independent statement of who is a member from when: the earliest time at
 * which some admission by a then-member names them, found by relaxing to a fixed point.
 */
function referenceSince(events: readonly CircleEvent[]): Map<string, number> {
  const foundings = events.filter((e) => e.kind === 'circle.founded').sort(compareEvents);
  const founding = foundings[0];
  const since = new Map<string, number>();
  if (founding === undefined) return since;
  since.set(founding.author, founding.at);
  const admissions = events.filter((e): e is MemberAdmitted => e.kind === 'member.admitted');
  let changed = true;
  while (changed) {
    changed = false;
    for (const a of admissions) {
      const admitterSince = since.get(a.author);
      if (admitterSince === undefined || admitterSince > a.at || a.member === founding.author) continue;
      const current = since.get(a.member);
      if (current === undefined || a.at < current) {
        since.set(a.member, a.at);
        changed = true;
      }
    }
  }
  return since;
}

/** Checks every event is accounted for exactly once, with a reason that matches the resulting membership. */
function expectConsistent(events: readonly CircleEvent[], state: CircleState): void {
  const ignored = new Map(state.ignored.map((e) => [e.id, e.reason]));
  expect(ignored.size).toBe(state.ignored.length);
  const admissionIds = new Set([...state.members.values()].map((m) => m.admissionId));
  for (const event of events) {
    const reason = ignored.get(event.id);
    const author = state.members.get(event.author);
    if (event.kind === 'circle.founded') {
      expect(reason === undefined).toBe(state.circle?.foundingId === event.id);
      if (reason !== undefined) expect(reason).toBe('duplicate-founding');
    } else if (event.kind === 'member.admitted') {
      expect(reason === undefined).toBe(admissionIds.has(event.id));
      if (reason === 'already-a-member') expect(state.members.has(event.member)).toBe(true);
      if (reason === 'not-a-member-then') expect(author !== undefined && author.since > event.at).toBe(true);
      if (reason === 'awaiting-history') expect(author).toBeUndefined();
    } else {
      if (reason === undefined) expect(author !== undefined && author.since <= event.at).toBe(true);
      if (reason === 'not-a-member-then') expect(author !== undefined && author.since > event.at).toBe(true);
      if (reason === 'awaiting-history') expect(author).toBeUndefined();
    }
  }
  // A member's name is their latest profile change that counts, or else the name they were admitted or founded with.
  for (const member of state.members.values()) {
    const changes = events
      .filter((e) => e.kind === 'member.profile' && e.author === member.key && !ignored.has(e.id))
      .sort(compareEvents);
    const latest = changes.at(-1);
    if (latest?.kind === 'member.profile') expect(member.name).toBe(latest.name);
    else {
      const start = events.find((e) => e.id === member.admissionId);
      expect(start).toBeDefined();
      expect(member.name).toBe(start?.kind === 'member.admitted' ? start.name : start?.kind === 'circle.founded' ? start.founderName : null);
    }
  }
}

/** Keys and start times only: the part of the state that the reference model states. */
function sinceOf(state: CircleState): Map<string, number> {
  return new Map([...state.members.values()].map((m) => [m.key, m.since]));
}

describe('the membership projection over signed records', () => {
  it('gives the planned membership for a whole history', () => {
    const insiders = new Set([circle.founder.key, ...Array.from({ length: PEOPLE }, (_, n) => person(n + 1).key)]);
    fc.assert(
      fc.property(history, ({ records, planned }) => {
        const events = records.map(validate);
        const state = projectCircle(events);
        expect(sinceOf(state)).toEqual(referenceSince(events));
        for (const [key, latest] of planned) expect(state.members.get(key)?.since).toBeLessThanOrEqual(latest);
        // Outsiders sign records but are never admitted by a member.
        for (const key of state.members.keys()) expect(insiders.has(key)).toBe(true);
        expectConsistent(events, state);
      }),
      { seed: 0x9c1e, numRuns: 100 },
    );
  });

  it('depends only on the set of records: any subset, in any order, with repeats', () => {
    const scenario = history.chain(({ records }) =>
      fc.subarray([...records]).chain((subset) =>
        fc.record({
          subset: fc.constant(subset),
          orderA: fc.shuffledSubarray(subset, { minLength: subset.length, maxLength: subset.length }),
          orderB: fc.shuffledSubarray(subset, { minLength: subset.length, maxLength: subset.length }),
          repeats: fc.array(fc.constantFrom(...records), { maxLength: subset.length === 0 ? 0 : 5 }),
        }),
      ),
    );
    fc.assert(
      fc.property(scenario, ({ subset, orderA, orderB, repeats }) => {
        const events = subset.map(validate);
        const state = projectCircle(events);
        const expected = canonical(state);
        expect(canonical(projectCircle(orderA.map(validate)))).toBe(expected);
        expect(canonical(projectCircle(orderB.map(validate)))).toBe(expected);
        // Repeats only of records already in the set: the set is unchanged, so must the state be.
        const inSet = new Set(subset.map((r) => r.id));
        const duplicated = [...orderA, ...repeats.filter((r) => inSet.has(r.id)), ...orderB];
        expect(canonical(projectCircle(duplicated.map(validate)))).toBe(expected);

        expect(sinceOf(state)).toEqual(referenceSince(events));
        expectConsistent(events, state);
      }),
      { seed: 0x5e7, numRuns: 100 },
    );
  });
});
