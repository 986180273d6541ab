import { describe, expect, it } from 'vitest';
import { projectCircle, wasMemberAt } from '../../../src/domain/circle';
import type { CircleState, IgnoredReason } from '../../../src/domain/circle';
import type { CircleEvent, CircleFounded, MemberAdmitted, MemberProfileChanged } from '../../../src/domain/events';
import { admit, changeProfile, eventsOf, foundCircle, person, refound, T0 } from '../../fixtures/circle';

/*
 * Most cases use hand-made events: the projection is pure, and choosing ids by
 * hand is the only way to set up exact tie-breaks. The last group runs on real
 * signed records to tie the two layers together.
 */

function founded(id: string, author: string, at: number, founderName = `${author} (founder)`): CircleFounded {
  return { kind: 'circle.founded', id, author, at, circleName: 'Elm', founderName, founderBoxKey: `${author}-box` };
}

function admitted(id: string, author: string, member: string, at: number, name = member): MemberAdmitted {
  return { kind: 'member.admitted', id, author, at, member, boxKey: `${member}-box`, name };
}

function profile(id: string, author: string, at: number, name: string): MemberProfileChanged {
  return { kind: 'member.profile', id, author, at, name };
}

function memberKeys(state: CircleState): string[] {
  return [...state.members.keys()].sort();
}

function reasons(state: CircleState): Record<string, IgnoredReason> {
  return Object.fromEntries(state.ignored.map((event) => [event.id, event.reason]));
}

const F = 'founder';

describe('projectCircle', () => {
  it('makes the founder the first member, admitted by no one', () => {
    const state = projectCircle([founded('f1', F, 100, 'Ada')]);
    expect(state.circle).toEqual({ name: 'Elm', founder: F, foundedAt: 100, foundingId: 'f1' });
    expect([...state.members.values()]).toEqual([
      { key: F, name: 'Ada', boxKey: `${F}-box`, since: 100, admittedBy: null, admissionId: 'f1' },
    ]);
    expect(state.ignored).toEqual([]);
  });

  it('counts an admission by a member', () => {
    const state = projectCircle([founded('f1', F, 100), admitted('a1', F, 'bea', 200, 'Bea')]);
    expect(state.members.get('bea')).toEqual({ key: 'bea', name: 'Bea', boxKey: 'bea-box', since: 200, admittedBy: F, admissionId: 'a1' });
    expect(state.ignored).toEqual([]);
  });

  it('counts admissions made by members who were admitted themselves', () => {
    const state = projectCircle([
      founded('f1', F, 100),
      admitted('a1', F, 'bea', 200),
      admitted('a2', 'bea', 'cy', 300),
      admitted('a3', 'cy', 'dee', 400),
    ]);
    expect(memberKeys(state)).toEqual(['bea', 'cy', 'dee', F].sort());
    expect(state.members.get('dee')?.admittedBy).toBe('cy');
  });

  it('ignores an admission by an unknown author as awaiting-history', () => {
    const state = projectCircle([founded('f1', F, 100), admitted('a1', 'stranger', 'eve', 200)]);
    expect(memberKeys(state)).toEqual([F]);
    expect(state.ignored).toEqual([{ id: 'a1', kind: 'member.admitted', author: 'stranger', at: 200, reason: 'awaiting-history' }]);
  });

  it('ignores an admission by someone admitted only later as not-a-member-then', () => {
    const state = projectCircle([founded('f1', F, 100), admitted('a1', 'bea', 'cy', 200), admitted('a2', F, 'bea', 300)]);
    expect(memberKeys(state)).toEqual(['bea', F].sort());
    expect(reasons(state)).toEqual({ a1: 'not-a-member-then' });
  });

  it('ignores an admission by the founder dated before the founding as not-a-member-then', () => {
    const state = projectCircle([founded('f1', F, 100), admitted('a1', F, 'bea', 99)]);
    expect(memberKeys(state)).toEqual([F]);
    expect(reasons(state)).toEqual({ a1: 'not-a-member-then' });
  });

  it('does not call an author admitted only by an outsider a later member', () => {
    // bea is named in an admission, but that admission does not count: bea never becomes a member.
    const state = projectCircle([
      founded('f1', F, 100),
      admitted('a1', 'stranger', 'bea', 300),
      admitted('a2', 'bea', 'cy', 200),
      profile('p1', 'bea', 250, 'Bea'),
    ]);
    expect(memberKeys(state)).toEqual([F]);
    expect(reasons(state)).toEqual({ a1: 'awaiting-history', a2: 'awaiting-history', p1: 'awaiting-history' });
  });

  it('ignores a profile change made before its author was admitted as not-a-member-then', () => {
    const state = projectCircle([founded('f1', F, 100), profile('p1', 'bea', 150, 'Early'), admitted('a1', F, 'bea', 200, 'Bea')]);
    expect(state.members.get('bea')?.name).toBe('Bea');
    expect(reasons(state)).toEqual({ p1: 'not-a-member-then' });
  });

  it('ignores a profile change by an unknown author as awaiting-history', () => {
    const state = projectCircle([founded('f1', F, 100), profile('p1', 'stranger', 150, 'X')]);
    expect(reasons(state)).toEqual({ p1: 'awaiting-history' });
  });

  it('applies a profile change made at the very millisecond of admission', () => {
    const state = projectCircle([founded('f1', F, 100), admitted('a1', F, 'bea', 200), profile('p1', 'bea', 200, 'Bea B')]);
    expect(state.members.get('bea')?.name).toBe('Bea B');
  });

  it('keeps the latest profile change by time, then by id, whatever the input order', () => {
    const events: CircleEvent[] = [
      founded('f1', F, 100, 'Ada'),
      profile('p3', F, 300, 'Third'),
      profile('p9', F, 200, 'Early'),
      profile('p1', F, 300, 'First id at 300'),
    ];
    expect(projectCircle(events).members.get(F)?.name).toBe('Third');
    expect(projectCircle([...events].reverse()).members.get(F)?.name).toBe('Third');
    expect(projectCircle([...events, profile('p2', F, 301, 'Later')]).members.get(F)?.name).toBe('Later');
  });

  it('keeps the earliest of two foundings and ignores the other as duplicate-founding', () => {
    const state = projectCircle([founded('f2', F, 150, 'Second'), founded('f1', F, 120, 'First')]);
    expect(state.circle?.foundingId).toBe('f1');
    expect(state.members.get(F)).toMatchObject({ name: 'First', since: 120 });
    expect(state.ignored).toEqual([{ id: 'f2', kind: 'circle.founded', author: F, at: 150, reason: 'duplicate-founding' }]);
  });

  it('breaks a tie between foundings of the same millisecond by id', () => {
    const state = projectCircle([founded('fb', F, 120, 'B'), founded('fa', F, 120, 'A')]);
    expect(state.circle?.foundingId).toBe('fa');
    expect(reasons(state)).toEqual({ fb: 'duplicate-founding' });
  });

  it('ignores a second admission of the same key as already-a-member', () => {
    const state = projectCircle([
      founded('f1', F, 100),
      admitted('a1', F, 'bea', 200),
      admitted('a2', F, 'cy', 210),
      admitted('a3', 'cy', 'bea', 300),
    ]);
    expect(state.members.get('bea')).toMatchObject({ since: 200, admissionId: 'a1', admittedBy: F });
    expect(reasons(state)).toEqual({ a3: 'already-a-member' });
  });

  it('ignores an admission of the founder as already-a-member', () => {
    const state = projectCircle([founded('f1', F, 100), admitted('a1', F, 'bea', 200), admitted('a2', 'bea', F, 300)]);
    expect(state.members.get(F)?.admissionId).toBe('f1');
    expect(reasons(state)).toEqual({ a2: 'already-a-member' });
  });

  it('resolves a chain of admissions in one millisecond whatever their ids', () => {
    // Each admitter was admitted in the same millisecond, by an admission that sorts after theirs.
    const state = projectCircle([
      founded('f1', F, 100),
      admitted('z', F, 'bea', 500),
      admitted('y', 'bea', 'cy', 500),
      admitted('x', 'cy', 'dee', 500),
      admitted('w', 'dee', 'eli', 500),
    ]);
    expect(memberKeys(state)).toEqual(['bea', 'cy', 'dee', 'eli', F].sort());
    expect(state.members.get('eli')).toMatchObject({ since: 500, admittedBy: 'dee', admissionId: 'w' });
    expect(state.ignored).toEqual([]);
  });

  it('dates a membership from its earliest admission that counts, even when that one resolves late', () => {
    // At 500 bea admits cy (id "a"), but bea's own admission at 500 sorts after it (id "b");
    // cy is also admitted at 600 by the founder. cy's membership begins at 500.
    const state = projectCircle([
      founded('f1', F, 100),
      admitted('a', 'bea', 'cy', 500),
      admitted('b', F, 'bea', 500),
      admitted('c', F, 'cy', 600),
      admitted('d', 'cy', 'dee', 550),
    ]);
    expect(state.members.get('cy')).toMatchObject({ since: 500, admittedBy: 'bea', admissionId: 'a' });
    // cy was a member at 550, so the admission cy made then counts too.
    expect(state.members.get('dee')).toMatchObject({ since: 550, admittedBy: 'cy' });
    expect(reasons(state)).toEqual({ c: 'already-a-member' });
    expect(wasMemberAt(state, 'cy', 520)).toBe(true);
  });

  it('does not let a member admitted later lend membership to an earlier admission', () => {
    const state = projectCircle([founded('f1', F, 100), admitted('a', 'bea', 'cy', 499), admitted('b', F, 'bea', 500)]);
    expect(memberKeys(state)).toEqual(['bea', F].sort());
    expect(reasons(state)).toEqual({ a: 'not-a-member-then' });
  });

  it('ignores an admission cycle that no member started', () => {
    const state = projectCircle([founded('f1', F, 100), admitted('a', 'bea', 'cy', 200), admitted('b', 'cy', 'bea', 200)]);
    expect(memberKeys(state)).toEqual([F]);
    expect(reasons(state)).toEqual({ a: 'awaiting-history', b: 'awaiting-history' });
  });

  it('has no circle and no members without a founding, and awaits history for everything', () => {
    const state = projectCircle([admitted('a1', F, 'bea', 200), profile('p1', F, 300, 'Ada'), admitted('a2', 'bea', 'cy', 250)]);
    expect(state.circle).toBeNull();
    expect(state.members.size).toBe(0);
    expect(state.ignored.map((event) => [event.id, event.reason])).toEqual([
      ['a1', 'awaiting-history'],
      ['a2', 'awaiting-history'],
      ['p1', 'awaiting-history'],
    ]);
  });

  it('has nothing at all for no events', () => {
    expect(projectCircle([])).toEqual({ circle: null, members: new Map(), ignored: [] });
  });

  it('lists ignored events in time order, then by id', () => {
    const state = projectCircle([
      founded('f1', F, 100),
      profile('pz', 'x', 300, 'X'),
      admitted('ab', 'x', 'y', 200),
      profile('pa', 'x', 300, 'X'),
    ]);
    expect(state.ignored.map((event) => event.id)).toEqual(['ab', 'pa', 'pz']);
  });

  it('counts an event that arrives twice once', () => {
    const events: CircleEvent[] = [
      founded('f1', F, 100),
      admitted('a1', 'stranger', 'bea', 200),
      admitted('a2', F, 'cy', 210),
      profile('p1', 'cy', 220, 'Cy'),
    ];
    expect(projectCircle([...events, ...events])).toEqual(projectCircle(events));
    expect(projectCircle([events[0]!, events[0]!]).ignored).toEqual([]);
  });

  it('accepts any iterable, read once', () => {
    function* once(): Generator<CircleEvent> {
      yield founded('f1', F, 100);
      yield admitted('a1', F, 'bea', 200);
    }
    expect(memberKeys(projectCircle(once()))).toEqual(['bea', F].sort());
  });
});

describe('wasMemberAt', () => {
  const state = projectCircle([founded('f1', F, 100), admitted('a1', F, 'bea', 200)]);

  it('is true from the millisecond membership began', () => {
    expect(wasMemberAt(state, F, 100)).toBe(true);
    expect(wasMemberAt(state, 'bea', 200)).toBe(true);
    expect(wasMemberAt(state, 'bea', 10 ** 13)).toBe(true);
  });

  it('is false before it began, and for keys that never were members', () => {
    expect(wasMemberAt(state, F, 99)).toBe(false);
    expect(wasMemberAt(state, 'bea', 199)).toBe(false);
    expect(wasMemberAt(state, 'stranger', 300)).toBe(false);
  });
});

describe('projectCircle over signed records', () => {
  const circle = foundCircle();
  const [ada, bea, cy, dee] = [circle.founder, person(1), person(2), person(3)];

  it('builds the membership that the records state', () => {
    const events = eventsOf(circle, [
      circle.founding,
      admit(circle, ada, bea, T0 + 10),
      admit(circle, bea, cy, T0 + 20),
      changeProfile(circle, cy, 'Cy the Younger', T0 + 30),
      admit(circle, dee, person(4), T0 + 40),
      refound(circle, T0 + 50, 'Not Ada'),
    ]);
    const state = projectCircle(events);
    expect(state.circle).toMatchObject({ name: circle.name, founder: ada.key, foundedAt: T0, foundingId: circle.founding.id });
    expect(memberKeys(state)).toEqual([ada.key, bea.key, cy.key].sort());
    expect(state.members.get(cy.key)).toMatchObject({ name: 'Cy the Younger', boxKey: cy.boxKey, admittedBy: bea.key, since: T0 + 20 });
    expect(state.ignored.map((event) => [event.kind, event.reason])).toEqual([
      ['member.admitted', 'awaiting-history'],
      ['circle.founded', 'duplicate-founding'],
    ]);
  });

  it('takes the earliest of two foundings by the same founder, wherever it comes in the input', () => {
    const backdated = refound(circle, T0 - 1, 'Backdated Ada');
    const state = projectCircle(eventsOf(circle, [circle.founding, backdated]));
    expect(state.circle?.foundingId).toBe(backdated.id);
    expect(projectCircle(eventsOf(circle, [backdated, circle.founding]))).toEqual(state);
    expect(state.members.get(ada.key)?.name).toBe('Backdated Ada');
  });
});
