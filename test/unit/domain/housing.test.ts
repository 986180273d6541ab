import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RosterEntry } from '../../../src/domain/defense-events';
import { dayOfIso, isoOfDay, matchHosts, projectHousing } from '../../../src/domain/housing';
import type { HousingEvent, HousingState } from '../../../src/domain/housing';
import { projectRoster } from '../../../src/domain/roster';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 1, 12);
/** The first night of most requests here. */
const D = Math.floor(T0 / 86_400_000) + 1;
const [ANA, BEN, CAM, DEV] = ['ana', 'ben', 'cam', 'dev'] as const;
const MEMBERS = new Set<string>([ANA, BEN, CAM, DEV]);

interface Meta {
  readonly id: string;
  readonly author: string;
  readonly at?: number;
}

const requested = (meta: Meta, people: number, nights: number, extra: Partial<HousingEvent & { kind: 'housing.requested' }> = {}): HousingEvent => ({
  kind: 'housing.requested',
  at: T0,
  ...meta,
  people,
  nights,
  from: D,
  accessible: false,
  neighbour: false,
  sealedNote: null,
  ...extra,
});
const stay = (meta: Meta, request: string, people: number, nights: number, from = D): HousingEvent => ({ kind: 'housing.stay', at: T0 + HOUR, ...meta, request, people, nights, from });
const closed = (meta: Meta, request: string, reason: 'housed-elsewhere' | 'not-needed' = 'not-needed'): HousingEvent => ({ kind: 'housing.closed', at: T0 + 2 * HOUR, ...meta, request, reason });
const ended = (meta: Meta, staying: string, day: number): HousingEvent => ({ kind: 'housing.stay.ended', at: T0 + 3 * HOUR, ...meta, stay: staying, day });

const project = (events: readonly HousingEvent[]): HousingState => projectHousing(events, MEMBERS);
const problems = (state: HousingState): [string, string][] => state.problems.map((problem) => [problem.id, problem.reason]);

describe('projectHousing', () => {
  it('opens a request, houses it with a stay, and counts the crisis buffered', () => {
    const open = project([requested({ id: 'r', author: ANA }, 1, 3)]);
    expect(open.requests.get('r')).toMatchObject({ requester: ANA, status: 'open', stays: [] });
    expect(open.buffered).toBe(0);

    const housed = project([requested({ id: 'r', author: ANA }, 1, 3), stay({ id: 's', author: BEN }, 'r', 1, 3)]);
    expect(housed.requests.get('r')).toMatchObject({ status: 'housed', stays: ['s'] });
    expect(housed.stays.get('s')).toMatchObject({ host: BEN, request: 'r', nightsStayed: 3, end: null });
    expect(housed.buffered).toBe(1);
    expect(housed.problems).toEqual([]);
  });

  it('counts two hosts for one request while together they house no more people a night than were asked for', () => {
    const family = requested({ id: 'r', author: ANA }, 4, 7);
    const state = project([
      family,
      stay({ id: 's-ben', author: BEN }, 'r', 2, 7),
      stay({ id: 's-cam', author: CAM, at: T0 + 2 * HOUR }, 'r', 2, 7),
      // A third host for the same nights would house six of four.
      stay({ id: 's-dev', author: DEV, at: T0 + 3 * HOUR }, 'r', 1, 1, D + 6),
      // Taking turns is fine: after the first week nobody is housed.
      stay({ id: 's-dev-later', author: DEV, at: T0 + 4 * HOUR }, 'r', 4, 3, D + 7),
    ]);
    expect(state.requests.get('r')?.stays).toEqual(['s-ben', 's-cam', 's-dev-later']);
    expect(state.buffered).toBe(3);
    expect(problems(state)).toEqual([['s-dev', 'request-full']]);
  });

  it('refuses a stay for a request that does not exist, did not count, or is closed, and one by a non-member or by the requester', () => {
    const state = project([
      requested({ id: 'r', author: ANA }, 2, 3),
      requested({ id: 'r-zed', author: 'zed' }, 1, 1),
      stay({ id: 's-nothing', author: BEN }, 'nothing', 1, 1),
      stay({ id: 's-zed-request', author: BEN }, 'r-zed', 1, 1),
      stay({ id: 's-zed', author: 'zed' }, 'r', 1, 1),
      stay({ id: 's-own', author: ANA }, 'r', 1, 1),
      closed({ id: 'c', author: ANA }, 'r'),
      stay({ id: 's-late', author: CAM, at: T0 + 3 * HOUR }, 'r', 1, 1),
    ]);
    expect(state.requests.has('r-zed')).toBe(false);
    expect(state.requests.get('r')).toMatchObject({ status: 'closed', closure: { id: 'c', reason: 'not-needed' }, stays: [] });
    expect(state.buffered).toBe(0);
    expect(problems(state)).toEqual([
      ['r-zed', 'not-a-member'],
      ['s-nothing', 'unknown-request'],
      ['s-own', 'by-requester'],
      ['s-zed', 'not-a-member'],
      ['s-zed-request', 'request-not-counted'],
      ['s-late', 'request-closed'],
    ]);
  });

  it('refuses people or nights out of range, which no phone of ours writes', () => {
    const state = project([
      requested({ id: 'r-none', author: ANA }, 0, 3),
      requested({ id: 'r-crowd', author: ANA }, 13, 3),
      requested({ id: 'r-long', author: ANA }, 1, 61),
      requested({ id: 'r', author: ANA }, 2, 3),
      stay({ id: 's-half', author: BEN }, 'r', 1.5, 3),
      stay({ id: 's-zero', author: BEN }, 'r', 1, 0),
    ]);
    expect(state.requests.size).toBe(1);
    expect(problems(state).map(([, reason]) => reason)).toEqual(['bad-size', 'bad-size', 'bad-size', 'bad-size', 'bad-size']);
  });

  it('lets only the requester close a request, once', () => {
    const state = project([
      requested({ id: 'r', author: ANA }, 1, 3),
      closed({ id: 'c-ben', author: BEN }, 'r'),
      closed({ id: 'c-ana', author: ANA, at: T0 + 3 * HOUR }, 'r', 'housed-elsewhere'),
      closed({ id: 'c-again', author: ANA, at: T0 + 4 * HOUR }, 'r'),
      closed({ id: 'c-nothing', author: ANA }, 'nothing'),
    ]);
    expect(state.requests.get('r')).toMatchObject({ status: 'closed', closure: { author: ANA, reason: 'housed-elsewhere' } });
    expect(problems(state)).toEqual([
      ['c-ben', 'not-the-requester'],
      ['c-nothing', 'unknown-request'],
      ['c-again', 'request-closed'],
    ]);
  });

  it('keeps a stay recorded before the request was closed', () => {
    const state = project([requested({ id: 'r', author: ANA }, 1, 3), stay({ id: 's', author: BEN }, 'r', 1, 3), closed({ id: 'c', author: ANA }, 'r', 'housed-elsewhere')]);
    expect(state.requests.get('r')).toMatchObject({ status: 'closed', stays: ['s'] });
    expect(state.buffered).toBe(1);
  });

  it('ends a stay early by its host or the requester only, within its nights, once', () => {
    const base = [requested({ id: 'r', author: ANA }, 1, 5), stay({ id: 's', author: BEN }, 'r', 1, 5)];
    const byGuest = project([...base, ended({ id: 'e', author: ANA }, 's', D + 2)]);
    expect(byGuest.stays.get('s')).toMatchObject({ nightsStayed: 2, end: { id: 'e', author: ANA, day: D + 2 } });
    expect(byGuest.buffered).toBe(1);

    const refused = project([
      ...base,
      ended({ id: 'e-cam', author: CAM }, 's', D + 1),
      ended({ id: 'e-before', author: BEN }, 's', D - 1),
      ended({ id: 'e-not-early', author: BEN }, 's', D + 5),
      ended({ id: 'e-nothing', author: BEN }, 'nothing', D + 1),
      ended({ id: 'e-host', author: BEN, at: T0 + 4 * HOUR }, 's', D + 3),
      ended({ id: 'e-again', author: ANA, at: T0 + 5 * HOUR }, 's', D + 1),
    ]);
    expect(refused.stays.get('s')?.nightsStayed).toBe(3);
    expect(problems(refused)).toEqual([
      ['e-before', 'bad-day'],
      ['e-cam', 'not-host-or-requester'],
      ['e-not-early', 'bad-day'],
      ['e-nothing', 'unknown-stay'],
      ['e-again', 'stay-ended'],
    ]);
  });

  it('reopens a request whose only stay ended before its first night, and frees the nights for another host', () => {
    const state = project([
      requested({ id: 'r', author: ANA }, 1, 3),
      stay({ id: 's', author: BEN }, 'r', 1, 3),
      ended({ id: 'e', author: BEN }, 's', D),
      stay({ id: 's-cam', author: CAM, at: T0 + 4 * HOUR }, 'r', 1, 3),
    ]);
    expect(state.stays.get('s')?.nightsStayed).toBe(0);
    expect(state.requests.get('r')).toMatchObject({ status: 'housed', stays: ['s', 's-cam'] });
    expect(state.buffered).toBe(1);
    expect(project([requested({ id: 'r', author: ANA }, 1, 3), stay({ id: 's', author: BEN }, 'r', 1, 3), ended({ id: 'e', author: BEN }, 's', D)]).requests.get('r')?.status).toBe('open');
  });

  it('applies an end dated before its stay (a clock that ran slow) just after the stay', () => {
    const state = project([
      requested({ id: 'r', author: ANA }, 1, 5),
      stay({ id: 's', author: BEN, at: T0 + 5 * HOUR }, 'r', 1, 5),
      ended({ id: 'e', author: BEN, at: T0 + HOUR }, 's', D + 1),
      stay({ id: 's-refused', author: CAM, at: T0 + 6 * HOUR }, 'r-none', 1, 1),
      ended({ id: 'e-refused', author: CAM, at: T0 + HOUR }, 's-refused', D + 1),
    ]);
    expect(state.stays.get('s')?.nightsStayed).toBe(1);
    // Problems are listed in the events' own order.
    expect(problems(state)).toEqual([
      ['e-refused', 'stay-not-counted'],
      ['s-refused', 'unknown-request'],
    ]);
  });

  it('depends only on the set of events, not their order or repeats', () => {
    const events = [
      requested({ id: 'r', author: ANA }, 2, 4),
      requested({ id: 'r2', author: CAM, at: T0 + HOUR }, 1, 2),
      stay({ id: 's1', author: BEN }, 'r', 1, 4),
      stay({ id: 's2', author: DEV, at: T0 + HOUR }, 'r', 1, 4),
      stay({ id: 's3', author: DEV, at: T0 + HOUR }, 'r2', 1, 2),
      ended({ id: 'e1', author: ANA }, 's1', D + 1),
      stay({ id: 's4', author: CAM, at: T0 + 4 * HOUR }, 'r', 1, 2, D + 2),
      closed({ id: 'c', author: CAM }, 'r2'),
      closed({ id: 'c-bad', author: ANA }, 'r2'),
    ];
    const expected = project(events);
    expect(expected.buffered).toBe(4);
    expect(problems(expected)).toEqual([['c-bad', 'not-the-requester']]);
    fc.assert(
      fc.property(fc.shuffledSubarray([...events, events[2]!], { minLength: events.length + 1, maxLength: events.length + 1 }), (shuffled) => {
        expect(project(shuffled)).toEqual(expected);
      }),
      { seed: 40, numRuns: 200 },
    );
  });
});

describe('matchHosts', () => {
  const host = (author: string, capacity: number, nights: number, accessible = false, at = T0 - HOUR): RosterEntry => ({
    kind: 'roster.entry',
    id: `entry-${author}`,
    author,
    at,
    roles: ['housing'],
    skills: [],
    languages: [],
    housing: { capacity, nights, accessible },
    sealedContacts: null,
  });
  const everyone = new Map([ANA, BEN, CAM, DEV, 'eve', 'fay'].map((key) => [key, { since: 0 }]));
  const rosterOf = (entries: readonly RosterEntry[]) => projectRoster(entries, everyone);
  const hostsOf = (events: readonly HousingEvent[], entries: readonly RosterEntry[], request = 'r') => {
    const state = projectHousing(events, new Set(everyone.keys()));
    return matchHosts(state.requests.get(request)!, rosterOf(entries), state).map((match) => match.host);
  };

  it('lists hosts whose pledge covers the people, nights and access asked for, never the requester', () => {
    const entries = [host(ANA, 4, 30), host(BEN, 2, 7), host(CAM, 1, 7), host(DEV, 2, 2), host('eve', 2, 10, true), { ...host('fay', 1, 1), roles: ['caller' as const], housing: null }];
    expect(new Set(hostsOf([requested({ id: 'r', author: ANA }, 2, 3)], entries))).toEqual(new Set([BEN, 'eve']));
    expect(hostsOf([requested({ id: 'r', author: ANA }, 2, 3, { accessible: true })], entries)).toEqual(['eve']);
    expect(hostsOf([requested({ id: 'r', author: CAM }, 5, 3)], entries)).toEqual([]);
  });

  it('leaves out a host whose stays fill their capacity on any night asked for', () => {
    const entries = [host(BEN, 2, 7), host(CAM, 2, 7)];
    const events = [
      requested({ id: 'other', author: DEV }, 1, 2),
      stay({ id: 's-ben', author: BEN }, 'other', 1, 2, D + 2),
      requested({ id: 'r', author: ANA }, 2, 3),
    ];
    // Ben hosts one person on the third night asked for: two more would exceed his two.
    expect(hostsOf(events, entries)).toEqual([CAM]);
    // A stay that ended before that night leaves him free again.
    expect(hostsOf([...events, ended({ id: 'e', author: BEN }, 's-ben', D + 2)], entries).sort()).toEqual([BEN, CAM]);
    // One person fits beside his guest.
    expect(hostsOf([...events.slice(0, 2), requested({ id: 'r', author: ANA }, 1, 3)], entries).sort()).toEqual([BEN, CAM]);
  });

  it('puts those who hosted least often first, then least recently, then a fixed order every phone shares', () => {
    const entries = [host(BEN, 3, 30), host(CAM, 3, 30), host(DEV, 3, 30), host('eve', 3, 30), host('fay', 3, 30)];
    const past = [
      requested({ id: 'old1', author: ANA, at: T0 - 40 * 24 * HOUR }, 1, 2, { from: D - 40 }),
      stay({ id: 's1', author: BEN, at: T0 - 40 * 24 * HOUR }, 'old1', 1, 2, D - 40),
      requested({ id: 'old2', author: ANA, at: T0 - 30 * 24 * HOUR }, 1, 2, { from: D - 30 }),
      stay({ id: 's2', author: CAM, at: T0 - 30 * 24 * HOUR }, 'old2', 1, 2, D - 30),
      requested({ id: 'old3', author: ANA, at: T0 - 20 * 24 * HOUR }, 1, 2, { from: D - 20 }),
      stay({ id: 's3', author: CAM, at: T0 - 20 * 24 * HOUR }, 'old3', 1, 2, D - 20),
      requested({ id: 'old4', author: ANA, at: T0 - 10 * 24 * HOUR }, 1, 2, { from: D - 10 }),
      stay({ id: 's4', author: 'eve', at: T0 - 10 * 24 * HOUR }, 'old4', 1, 2, D - 10),
    ];
    // Dev and Fay never hosted; Ben and Eve once, Ben longer ago; Cam twice.
    const order = hostsOf([...past, requested({ id: 'r', author: ANA }, 1, 2)], entries);
    expect(order.slice(2)).toEqual([BEN, 'eve', CAM]);
    expect(new Set(order.slice(0, 2))).toEqual(new Set([DEV, 'fay']));
    // Those who never hosted are ordered by the request, alike on every phone and in any entry order.
    expect(hostsOf([...past, requested({ id: 'r', author: ANA }, 1, 2)], [...entries].reverse())).toEqual(order);
    const firsts = new Set(['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((id) => hostsOf([...past, requested({ id, author: ANA }, 1, 2)], entries, id)[0]));
    expect(firsts).toEqual(new Set([DEV, 'fay']));
  });

  it('leaves out a host already hosting this request', () => {
    const entries = [host(BEN, 4, 7), host(CAM, 4, 7)];
    expect(hostsOf([requested({ id: 'r', author: ANA }, 3, 3), stay({ id: 's', author: BEN }, 'r', 1, 3)], entries)).toEqual([CAM]);
  });
});

describe('days', () => {
  it('read a date field and write it back', () => {
    expect(dayOfIso('1970-01-02')).toBe(1);
    expect(isoOfDay(dayOfIso('2026-11-20')!)).toBe('2026-11-20');
    for (const bad of ['2026-02-30', '2026-13-01', '0050-01-01', '20-11-2026', '2026-11-20T00:00', '']) expect(dayOfIso(bad)).toBeNull();
  });
});
