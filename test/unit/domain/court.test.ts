import { describe, expect, it } from 'vitest';
import { accompaniedHearings, courtDateStatus, courtReminder, placeOf, projectCourt, REMINDER_AFTER_START_MS, REMINDER_AHEAD_MS } from '../../../src/domain/court';
import type { CourtCancelled, CourtDatePosted, CourtEvent, CourtHelp, CourtSignedUp, CourtSignupWithdrawn, CourtSlot, CourtState } from '../../../src/domain/court';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 2, 9, 0);
const EXPIRES = Date.UTC(2026, 10, 6);
const [ANA, BEN, CAM, DEV, EVE] = ['ana', 'ben', 'cam', 'dev', 'eve'] as const;
const OUTSIDER = 'zed';
/** Eve joins a day after T0: before that she is not a member. */
const isMember = (member: string, at: number): boolean => [ANA, BEN, CAM, DEV].includes(member as typeof ANA) || (member === EVE && at >= T0 + DAY);

interface Meta {
  readonly id: string;
  readonly author: string;
  readonly at?: number;
  readonly expiresAt?: number;
}
const posted = (meta: Meta, slots: readonly CourtSlot[] = [{ help: 'companion', count: 2 }, { help: 'driver', count: 1 }]): CourtDatePosted => ({
  kind: 'court.date',
  at: T0,
  expiresAt: EXPIRES,
  sealedDetails: new Uint8Array(64),
  ...meta,
  slots,
});
const signup = (meta: Meta, help: CourtHelp, date = 'hearing'): CourtSignedUp => ({ kind: 'court.signup', at: T0 + HOUR, ...meta, date, help });
const withdrawn = (meta: Meta, signupId: string): CourtSignupWithdrawn => ({ kind: 'court.signup.withdrawn', at: T0 + 2 * HOUR, ...meta, signup: signupId });
const cancelled = (meta: Meta, date = 'hearing'): CourtCancelled => ({ kind: 'court.cancelled', at: T0 + 3 * HOUR, ...meta, date });

const hearing = posted({ id: 'hearing', author: ANA });
const project = (events: readonly CourtEvent[]): CourtState => projectCourt(events, isMember);
const problems = (state: CourtState): [string, string][] => state.problems.map((problem) => [problem.id, problem.reason]);
const filled = (state: CourtState, help: CourtHelp): string[] =>
  state.dates.get('hearing')!.slots.find((slot) => slot.help === help)!.filled.map((place) => place.member);
const waiting = (state: CourtState, help: CourtHelp): string[] =>
  state.dates.get('hearing')!.slots.find((slot) => slot.help === help)!.waiting.map((place) => place.member);

describe('projectCourt: places', () => {
  it('gives each sign-up a place of its kind', () => {
    const state = project([hearing, signup({ id: 's-ben', author: BEN }, 'companion'), signup({ id: 's-cam', author: CAM }, 'driver')]);
    expect(filled(state, 'companion')).toEqual([BEN]);
    expect(filled(state, 'driver')).toEqual([CAM]);
    expect(state.problems).toEqual([]);
  });

  it('does not count a sign-up for a full slot: the first by (time, id) wins, whatever the arrival order', () => {
    const events = [
      hearing,
      signup({ id: 's-dev', author: DEV, at: T0 + HOUR }, 'driver'),
      signup({ id: 's-ben', author: BEN, at: T0 + 2 * HOUR }, 'driver'),
      // Same time as Dev's: the id breaks the tie.
      signup({ id: 's-cam', author: CAM, at: T0 + HOUR }, 'driver'),
    ];
    for (const order of [events, [...events].reverse()]) {
      const state = project(order);
      expect(filled(state, 'driver')).toEqual([CAM]);
      expect(waiting(state, 'driver')).toEqual([DEV, BEN]);
      expect(problems(state)).toEqual([
        ['s-dev', 'slot-full'],
        ['s-ben', 'slot-full'],
      ]);
    }
  });

  it('gives a withdrawn place to the first one waiting', () => {
    const state = project([
      hearing,
      signup({ id: 's-cam', author: CAM, at: T0 + HOUR }, 'driver'),
      signup({ id: 's-dev', author: DEV, at: T0 + 2 * HOUR }, 'driver'),
      withdrawn({ id: 'w-cam', author: CAM, at: T0 + 3 * HOUR }, 's-cam'),
    ]);
    expect(filled(state, 'driver')).toEqual([DEV]);
    expect(state.problems).toEqual([]);
  });

  it('keeps a member to one place per date: a second sign-up does not count', () => {
    const state = project([hearing, signup({ id: 's1', author: BEN, at: T0 + HOUR }, 'companion'), signup({ id: 's2', author: BEN, at: T0 + 2 * HOUR }, 'driver')]);
    expect(filled(state, 'companion')).toEqual([BEN]);
    expect(filled(state, 'driver')).toEqual([]);
    expect(problems(state)).toEqual([['s2', 'already-signed-up']]);
    expect(placeOf(state.dates.get('hearing')!, BEN)).toMatchObject({ signup: { id: 's1', help: 'companion' }, waiting: false });
  });

  it('lets a member who withdrew sign up again, for another kind', () => {
    const state = project([
      hearing,
      signup({ id: 's1', author: BEN, at: T0 + HOUR }, 'companion'),
      withdrawn({ id: 'w1', author: BEN, at: T0 + 2 * HOUR }, 's1'),
      signup({ id: 's2', author: BEN, at: T0 + 3 * HOUR }, 'driver'),
    ]);
    expect(filled(state, 'companion')).toEqual([]);
    expect(filled(state, 'driver')).toEqual([BEN]);
    expect(state.problems).toEqual([]);
  });

  it('counts an event that arrives twice once', () => {
    const ben = signup({ id: 's-ben', author: BEN }, 'companion');
    const state = project([hearing, ben, ben, hearing]);
    expect(filled(state, 'companion')).toEqual([BEN]);
    expect(state.dates.size).toBe(1);
    expect(state.problems).toEqual([]);
  });
});

describe('projectCourt: refusals', () => {
  it('counts only members, at the record’s time', () => {
    const state = project([
      posted({ id: 'forged', author: OUTSIDER }),
      hearing,
      signup({ id: 's-zed', author: OUTSIDER }, 'companion'),
      signup({ id: 's-eve-early', author: EVE, at: T0 + HOUR }, 'companion'),
      signup({ id: 's-eve', author: EVE, at: T0 + DAY }, 'companion'),
      signup({ id: 's-forged', author: BEN }, 'companion', 'forged'),
    ]);
    expect([...state.dates.keys()]).toEqual(['hearing']);
    expect(filled(state, 'companion')).toEqual([EVE]);
    expect(problems(state)).toEqual([
      ['forged', 'not-a-member'],
      ['s-eve-early', 'not-a-member'],
      ['s-forged', 'date-not-counted'],
      ['s-zed', 'not-a-member'],
    ]);
  });

  it('refuses a date with no slots or absurd counts', () => {
    const state = project([posted({ id: 'empty', author: ANA }, []), posted({ id: 'crowd', author: BEN }, [{ help: 'companion', count: 9 }]), posted({ id: 'big', author: CAM }, [{ help: 'companion', count: 8 }, { help: 'driver', count: 5 }])]);
    expect(state.dates.size).toBe(0);
    expect(problems(state)).toEqual([
      ['big', 'bad-slots'],
      ['crowd', 'bad-slots'],
      ['empty', 'bad-slots'],
    ]);
  });

  it('refuses a date whose expiry is not a UTC midnight after it, or is further than any hearing', () => {
    const state = project([
      posted({ id: 'not-midnight', author: ANA, expiresAt: EXPIRES + 1 }),
      posted({ id: 'before', author: BEN, at: EXPIRES }),
      posted({ id: 'far', author: CAM, expiresAt: EXPIRES + 500 * DAY }),
    ]);
    expect(state.dates.size).toBe(0);
    expect(problems(state)).toEqual([
      ['far', 'bad-expiry'],
      ['not-midnight', 'bad-expiry'],
      ['before', 'bad-expiry'],
    ]);
  });

  it('allows a withdrawal only by the one who signed up', () => {
    const state = project([hearing, signup({ id: 's-ben', author: BEN }, 'companion'), withdrawn({ id: 'w-cam', author: CAM }, 's-ben'), withdrawn({ id: 'w-none', author: CAM }, 'nothing')]);
    expect(filled(state, 'companion')).toEqual([BEN]);
    expect(problems(state)).toEqual([
      ['w-cam', 'not-the-signer'],
      ['w-none', 'unknown-signup'],
    ]);
  });

  it('counts a withdrawal once', () => {
    const state = project([hearing, signup({ id: 's-ben', author: BEN }, 'companion'), withdrawn({ id: 'w1', author: BEN, at: T0 + 2 * HOUR }, 's-ben'), withdrawn({ id: 'w2', author: BEN, at: T0 + 3 * HOUR }, 's-ben')]);
    expect(problems(state)).toEqual([['w2', 'already-withdrawn']]);
  });

  it('allows cancellation only by the author, and then counts no later sign-up', () => {
    const state = project([
      hearing,
      signup({ id: 's-ben', author: BEN, at: T0 + HOUR }, 'companion'),
      cancelled({ id: 'c-ben', author: BEN, at: T0 + 2 * HOUR }),
      cancelled({ id: 'c-ana', author: ANA, at: T0 + 3 * HOUR }),
      cancelled({ id: 'c-ana-again', author: ANA, at: T0 + 4 * HOUR }),
      signup({ id: 's-cam', author: CAM, at: T0 + 3 * HOUR }, 'companion'),
    ]);
    const date = state.dates.get('hearing')!;
    expect(date.cancelled).toEqual({ id: 'c-ana', at: T0 + 3 * HOUR });
    expect(filled(state, 'companion')).toEqual([BEN]);
    expect(courtDateStatus(date, T0 + 5 * HOUR)).toBe('cancelled');
    expect(problems(state)).toEqual([
      ['c-ben', 'not-the-author'],
      ['s-cam', 'date-cancelled'],
      ['c-ana-again', 'already-cancelled'],
    ]);
  });

  it('counts nothing new about a date once it expired', () => {
    const state = project([
      hearing,
      signup({ id: 's-ben', author: BEN, at: T0 + HOUR }, 'companion'),
      signup({ id: 's-late', author: CAM, at: EXPIRES }, 'companion'),
      withdrawn({ id: 'w-late', author: BEN, at: EXPIRES + 1 }, 's-ben'),
      cancelled({ id: 'c-late', author: ANA, at: EXPIRES }),
    ]);
    expect(filled(state, 'companion')).toEqual([BEN]);
    expect(state.dates.get('hearing')!.cancelled).toBeNull();
    expect(problems(state)).toEqual([
      ['c-late', 'date-expired'],
      ['s-late', 'date-expired'],
      ['w-late', 'date-expired'],
    ]);
  });

  it('refuses help the date does not ask for, and dates it does not know', () => {
    const state = project([hearing, signup({ id: 's-kids', author: BEN }, 'childcare'), signup({ id: 's-elsewhere', author: CAM }, 'companion', 'unknown'), cancelled({ id: 'c', author: ANA }, 'unknown')]);
    expect(problems(state)).toEqual([
      ['s-elsewhere', 'unknown-date'],
      ['s-kids', 'help-not-wanted'],
      ['c', 'unknown-date'],
    ]);
  });

  it('keeps a sign-up whose time runs ahead of the date’s: a clock was off', () => {
    const state = project([posted({ id: 'hearing', author: ANA, at: T0 + DAY }), signup({ id: 's-ben', author: BEN, at: T0 }, 'companion')]);
    expect(filled(state, 'companion')).toEqual([BEN]);
  });
});

describe('court dates over time', () => {
  it('are upcoming until their expiry, then past, and count in the story when someone went', () => {
    const state = project([hearing, posted({ id: 'alone', author: BEN, at: T0 + 1 }), signup({ id: 's-cam', author: CAM }, 'companion')]);
    const date = state.dates.get('hearing')!;
    expect(courtDateStatus(date, EXPIRES - 1)).toBe('upcoming');
    expect(courtDateStatus(date, EXPIRES)).toBe('past');
    expect(accompaniedHearings(state, EXPIRES - 1)).toBe(0);
    expect(accompaniedHearings(state, EXPIRES)).toBe(1);
  });

  it('remind from two days ahead until a while after the hearing begins, on its own day only', () => {
    const utcDay = (at: number): number => Math.floor(at / DAY);
    const at930 = Date.UTC(2026, 10, 4, 9, 30);
    expect(courtReminder(at930, at930 - REMINDER_AHEAD_MS - 1, utcDay)).toBeNull();
    expect(courtReminder(at930, at930 - REMINDER_AHEAD_MS, utcDay)).toBe('later');
    expect(courtReminder(at930, Date.UTC(2026, 10, 3, 8), utcDay)).toBe('tomorrow');
    expect(courtReminder(at930, Date.UTC(2026, 10, 4, 7), utcDay)).toBe('today');
    expect(courtReminder(at930, at930 + REMINDER_AFTER_START_MS - 1, utcDay)).toBe('today');
    expect(courtReminder(at930, at930 + REMINDER_AFTER_START_MS, utcDay)).toBeNull();
    const lateEvening = Date.UTC(2026, 10, 4, 23, 30);
    expect(courtReminder(lateEvening, Date.UTC(2026, 10, 5, 0, 30), utcDay)).toBeNull();
    expect(courtReminder(Number.NaN, at930, utcDay)).toBeNull();
  });
});
