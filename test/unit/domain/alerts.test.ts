import { describe, expect, it } from 'vitest';
import {
  alertCoverage,
  alertExpiry,
  alertsOverview,
  courtDateExpiry,
  DEFAULT_ALERT_LIFETIME_MS,
  drillHistory,
  expiryPlan,
  isExpired,
} from '../../../src/domain/alerts';
import type { Alert, AlertAck, AlertRoster, Coverage, CourtDate, ForgedAlert, Membership } from '../../../src/domain/alerts';
import { phoneTree } from '../../../src/domain/phone-tree';

const MINUTE = 60_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 5, 1, 12, 0);

// m00 ... m10: m00 raises; the other ten are the audience.
const m = (n: number): string => `m${String(n).padStart(2, '0')}`;
const membership = (count: number, since = 0): Map<string, { since: number }> =>
  new Map(Array.from({ length: count }, (_, n) => [m(n), { since }]));
const MEMBERS = membership(11);
const ROSTER: AlertRoster = { members: MEMBERS, callers: new Set([m(1), m(2), m(3)]) };

const alertAt = (at: number, overrides: Partial<Alert> = {}): Alert => ({
  id: 'a1',
  raisedBy: m(0),
  at,
  kind: 'eviction',
  drill: false,
  expiresAt: null,
  sealed: ['message', 'place'],
  ...overrides,
});
const ALERT = alertAt(T0);

let serial = 0;
const reached = (by: string, member: string, at: number, alert = 'a1', id = `r${serial++}`): AlertAck => ({
  kind: 'alert.reached',
  id,
  author: by,
  at,
  alert,
  member,
});
const heard = (member: string, at: number, alert = 'a1', id = `h${serial++}`): AlertAck => ({ kind: 'alert.heard', id, author: member, at, alert });

/** Members 1..count reached by the raiser, one a minute after raising. */
const minuteByMinute = (count: number): AlertAck[] => Array.from({ length: count }, (_, i) => reached(m(0), m(i + 1), T0 + (i + 1) * MINUTE));

function covered(acks: readonly AlertAck[], roster: AlertRoster = ROSTER, alert: Alert = ALERT, now = T0 + 60 * MINUTE): Coverage {
  const result = alertCoverage(alert, acks, roster, now);
  if (result.forged) throw new Error('expected a genuine alert');
  return result;
}

describe('alertCoverage: how far an alert has reached', () => {
  it('counts the audience without the raiser and starts at nobody', () => {
    const coverage = covered([]);
    expect(coverage.audience).toBe(10);
    expect(coverage.reached).toEqual([]);
    expect(coverage.fraction).toBe(0);
    expect(coverage.unreached).toEqual(Array.from({ length: 10 }, (_, i) => m(i + 1)));
    expect([coverage.timeToHalf, coverage.timeTo90, coverage.timeToEveryone]).toEqual([null, null, null]);
    expect(coverage.problems).toEqual([]);
  });

  it('times half, 90% and everyone from the raising', () => {
    const coverage = covered(minuteByMinute(10));
    expect(coverage.fraction).toBe(1);
    expect(coverage.timeToHalf).toBe(5 * MINUTE);
    expect(coverage.timeTo90).toBe(9 * MINUTE);
    expect(coverage.timeToEveryone).toBe(10 * MINUTE);
    expect(coverage.unreached).toEqual([]);
  });

  it('reaches 90% at the ninth of ten but not everyone until the tenth', () => {
    const coverage = covered(minuteByMinute(9));
    expect(coverage.fraction).toBe(0.9);
    expect(coverage.timeTo90).toBe(9 * MINUTE);
    expect(coverage.timeToEveryone).toBeNull();
    expect(coverage.unreached).toEqual([m(10)]);
    expect(covered(minuteByMinute(8)).timeTo90).toBeNull();
  });

  it('needs 14 of 15 for 90%, and 8 of 15 for half', () => {
    const roster = { ...ROSTER, members: membership(16) };
    expect(covered(minuteByMinute(13), roster).timeTo90).toBeNull();
    expect(covered(minuteByMinute(14), roster).timeTo90).toBe(14 * MINUTE);
    expect(covered(minuteByMinute(7), roster).timeToHalf).toBeNull();
    expect(covered(minuteByMinute(8), roster).timeToHalf).toBe(8 * MINUTE);
  });

  it('takes the first time each member was reached, by a caller or by their own word', () => {
    const coverage = covered([
      heard(m(1), T0 + 7 * MINUTE),
      reached(m(2), m(1), T0 + 5 * MINUTE),
      reached(m(3), m(1), T0 + 6 * MINUTE),
      heard(m(4), T0 + 2 * MINUTE),
      reached(m(2), m(4), T0 + 3 * MINUTE),
    ]);
    expect(coverage.reached).toEqual([
      { member: m(4), at: T0 + 2 * MINUTE, by: m(4), heardAt: T0 + 2 * MINUTE },
      { member: m(1), at: T0 + 5 * MINUTE, by: m(2), heardAt: T0 + 7 * MINUTE },
    ]);
    // Two callers reaching the same member, or a member confirming, is no problem.
    expect(coverage.problems).toEqual([]);
  });

  it('is everyone at once for an alert nobody else was a member for', () => {
    const coverage = covered([], { members: membership(1), callers: new Set() });
    expect(coverage.audience).toBe(0);
    expect(coverage.fraction).toBe(1);
    expect([coverage.timeToHalf, coverage.timeTo90, coverage.timeToEveryone]).toEqual([0, 0, 0]);
  });

  it('builds the phone tree from the raiser, seeded by the alert id, and says which calls are done', () => {
    const coverage = covered([reached(m(5), m(7), T0 + MINUTE)]);
    const expected = phoneTree({ members: Array.from({ length: 10 }, (_, i) => m(i + 1)), callers: ROSTER.callers, root: m(0), seed: 'a1' });
    expect(coverage.tree.levels).toEqual(expected.levels);
    const caller = [...coverage.tree.children.keys()].find((key) => coverage.tree.callsFor(key).includes(m(7)))!;
    const calls = coverage.callsFor(caller);
    expect(calls.map((call) => call.member)).toEqual(expected.callsFor(caller));
    for (const call of calls) expect(call.reached?.member ?? null).toBe(call.member === m(7) ? m(7) : null);
    expect(coverage.callsFor(m(9))).toEqual([]);
  });

  it('uses the roster fan-out', () => {
    const coverage = covered([], { ...ROSTER, fanout: 2 });
    expect(coverage.tree.fanout).toBe(2);
    expect(coverage.callsFor(m(0))).toHaveLength(2);
  });

  it('gives the time elapsed, never negative', () => {
    expect(covered([], ROSTER, ALERT, T0 + 3 * MINUTE).elapsed).toBe(3 * MINUTE);
    expect(covered([], ROSTER, ALERT, T0 - MINUTE).elapsed).toBe(0);
  });

  it('counts an acknowledgement dated after now: a caller clock may run ahead', () => {
    expect(covered([reached(m(1), m(2), T0 + 10 * MINUTE)], ROSTER, ALERT, T0 + MINUTE).reached).toHaveLength(1);
  });

  it('passes over acknowledgements of other alerts without calling them problems', () => {
    const coverage = covered([reached(m(1), m(2), T0 + MINUTE, 'a2')]);
    expect(coverage.reached).toEqual([]);
    expect(coverage.problems).toEqual([]);
  });

  it('is for the members of the day the alert was raised', () => {
    const members = new Map([...MEMBERS, [m(20), { since: T0 + MINUTE }]]);
    const coverage = covered([], { ...ROSTER, members });
    expect(coverage.audience).toBe(10);
    expect(coverage.unreached).not.toContain(m(20));
  });
});

describe('alerts: bad input is listed, not thrown', () => {
  it('lists an acknowledgement of an unknown alert', () => {
    const ack = reached(m(1), m(2), T0 + MINUTE, 'nowhere');
    const overview = alertsOverview([ALERT], [ack], ROSTER, T0 + MINUTE);
    expect(overview.problems).toEqual([{ id: ack.id, record: 'ack', alert: 'nowhere', author: m(1), at: T0 + MINUTE, reason: 'unknown-alert' }]);
    expect(overview.alerts[0]!.reached).toEqual([]);
  });

  it('lists an alert raised by a non-member as forged and never shows it as live', () => {
    const forged = alertAt(T0, { id: 'forged', raisedBy: 'stranger' });
    const ack = reached(m(1), m(2), T0 + MINUTE, 'forged');
    const direct = alertCoverage(forged, [ack], ROSTER, T0 + MINUTE) as ForgedAlert;
    expect(direct.forged).toBe(true);
    expect(direct.problems.map((problem) => problem.reason)).toEqual(['raised-by-non-member', 'ack-of-forged-alert']);
    const overview = alertsOverview([forged, ALERT], [ack], ROSTER, T0 + MINUTE);
    expect(overview.alerts.map((coverage) => coverage.alert.id)).toEqual(['a1']);
    expect(overview.problems).toEqual([
      { id: 'forged', record: 'alert', alert: 'forged', author: 'stranger', at: T0, reason: 'raised-by-non-member' },
      { id: ack.id, record: 'ack', alert: 'forged', author: m(1), at: T0 + MINUTE, reason: 'ack-of-forged-alert' },
    ]);
  });

  it('treats an alert raised before its raiser was admitted as forged', () => {
    const members = new Map([...MEMBERS, [m(0), { since: T0 + 1 }]]);
    expect(alertCoverage(ALERT, [], { ...ROSTER, members }, T0).forged).toBe(true);
  });

  it('lists an acknowledgement from a non-member', () => {
    const coverage = covered([reached('stranger', m(2), T0 + MINUTE), heard('stranger', T0 + MINUTE)]);
    expect(coverage.reached).toEqual([]);
    expect(coverage.problems.map((problem) => problem.reason)).toEqual(['ack-by-non-member', 'ack-by-non-member']);
  });

  it('lists an acknowledgement from someone not yet a member at its time', () => {
    const members = new Map([...MEMBERS, [m(20), { since: T0 + 10 * MINUTE }]]);
    const early = reached(m(20), m(2), T0 + MINUTE);
    const later = reached(m(20), m(3), T0 + 11 * MINUTE);
    const coverage = covered([early, later], { ...ROSTER, members });
    expect(coverage.problems.map((problem) => [problem.id, problem.reason])).toEqual([[early.id, 'ack-by-non-member']]);
    expect(coverage.reached.map((entry) => entry.member)).toEqual([m(3)]);
  });

  it('lists an acknowledgement about a non-member, or about someone admitted after the alert', () => {
    const members = new Map([...MEMBERS, [m(20), { since: T0 + MINUTE }]]);
    const coverage = covered([reached(m(1), 'stranger', T0 + MINUTE), reached(m(1), m(20), T0 + 2 * MINUTE)], { ...ROSTER, members });
    expect(coverage.problems.map((problem) => problem.reason)).toEqual(['ack-about-non-member', 'ack-about-non-member']);
    expect(coverage.reached).toEqual([]);
  });

  it('lists a duplicate acknowledgement and counts the first, whatever the arrival order', () => {
    const first = reached(m(1), m(2), T0 + MINUTE);
    const again = reached(m(1), m(2), T0 + 4 * MINUTE);
    for (const acks of [
      [first, again],
      [again, first],
    ]) {
      const coverage = covered(acks);
      expect(coverage.reached).toEqual([{ member: m(2), at: T0 + MINUTE, by: m(1), heardAt: null }]);
      expect(coverage.problems).toEqual([{ id: again.id, record: 'ack', alert: 'a1', author: m(1), at: T0 + 4 * MINUTE, reason: 'duplicate-ack' }]);
    }
    const confirmedTwice = covered([heard(m(3), T0 + MINUTE), heard(m(3), T0 + 2 * MINUTE)]);
    expect(confirmedTwice.problems.map((problem) => problem.reason)).toEqual(['duplicate-ack']);
  });

  it('counts the very same record arriving twice once, with no problem', () => {
    const ack = reached(m(1), m(2), T0 + MINUTE);
    const coverage = covered([ack, ack]);
    expect(coverage.reached).toHaveLength(1);
    expect(coverage.problems).toEqual([]);
  });

  it('lists an acknowledgement dated before the alert was raised, and counts a later one', () => {
    const early = reached(m(1), m(2), T0 - 1);
    const onTime = reached(m(1), m(2), T0);
    const coverage = covered([early, onTime]);
    expect(coverage.problems.map((problem) => [problem.id, problem.reason])).toEqual([[early.id, 'ack-before-alert']]);
    expect(coverage.reached).toEqual([{ member: m(2), at: T0, by: m(1), heardAt: null }]);
    expect(coverage.timeToHalf).toBeNull();
  });

  it('lists newest alerts first in the overview', () => {
    const later = alertAt(T0 + DAY, { id: 'a0' });
    expect(alertsOverview([ALERT, later], [], ROSTER, T0 + DAY).alerts.map((coverage) => coverage.alert.id)).toEqual(['a0', 'a1']);
  });
});

describe('drillHistory', () => {
  const drill = (id: string, at: number): Alert => alertAt(at, { id, drill: true });
  const reachAll = (alert: string, at: number, count: number, step: number): AlertAck[] =>
    Array.from({ length: count }, (_, i) => reached(m(0), m(i + 1), at + (i + 1) * step, alert));

  it('lists drills oldest first with their time to 90%, null when never reached', () => {
    const drills = [drill('d3', T0 + 60 * DAY), drill('d1', T0), drill('d2', T0 + 30 * DAY)];
    const acks = [...reachAll('d1', T0, 10, 10 * MINUTE), ...reachAll('d2', T0 + 30 * DAY, 8, MINUTE), ...reachAll('d3', T0 + 60 * DAY, 9, 2 * MINUTE)];
    const history = drillHistory([...drills, alertAt(T0, { id: 'real' })], acks, MEMBERS);
    expect(history.map((entry) => [entry.alert, entry.timeTo90])).toEqual([
      ['d1', 90 * MINUTE],
      ['d2', null],
      ['d3', 18 * MINUTE],
    ]);
    expect(history[0]).toEqual({ alert: 'd1', kind: 'eviction', at: T0, drill: true, audience: 10, timeTo90: 90 * MINUTE });
  });

  it('measures each drill against the members of its day and leaves out forged drills', () => {
    const members: Membership = new Map([...membership(3), [m(5), { since: T0 + DAY }], [m(6), { since: T0 + DAY }]]);
    const acks = [reached(m(0), m(1), T0 + MINUTE, 'd1'), reached(m(0), m(2), T0 + 2 * MINUTE, 'd1')];
    const history = drillHistory([drill('d1', T0), alertAt(T0, { id: 'fake', drill: true, raisedBy: 'stranger' })], acks, members);
    expect(history).toEqual([{ alert: 'd1', kind: 'eviction', at: T0, drill: true, audience: 2, timeTo90: 2 * MINUTE }]);
  });
});

describe('expiry', () => {
  it('isExpired is false until the instant of expiry and true from it on', () => {
    expect(isExpired({ expiresAt: 1000 }, 999)).toBe(false);
    expect(isExpired({ expiresAt: 1000 }, 1000)).toBe(true);
    expect(isExpired({ expiresAt: 1000 }, 1001)).toBe(true);
  });

  it('isExpired fails towards dropping when a time is not a number', () => {
    expect(isExpired({ expiresAt: NaN }, T0)).toBe(true);
    expect(isExpired({ expiresAt: T0 + DAY }, NaN)).toBe(true);
  });

  it('a court date expires at the end of the day after the hearing, in UTC', () => {
    const endOfNextDay = Date.UTC(2025, 5, 12);
    expect(courtDateExpiry(Date.UTC(2025, 5, 10))).toBe(endOfNextDay);
    expect(courtDateExpiry(Date.UTC(2025, 5, 10, 9, 30))).toBe(endOfNextDay);
    expect(courtDateExpiry(Date.UTC(2025, 5, 10, 23, 59, 59, 999))).toBe(endOfNextDay);
    expect(courtDateExpiry(Date.UTC(2025, 5, 11))).toBe(Date.UTC(2025, 5, 13));
    expect(courtDateExpiry(Date.UTC(1969, 11, 31, 10))).toBe(Date.UTC(1970, 0, 2));
    const item = { expiresAt: courtDateExpiry(Date.UTC(2025, 5, 10, 9, 30)) };
    expect(isExpired(item, Date.UTC(2025, 5, 11, 23, 59, 59, 999))).toBe(false);
    expect(isExpired(item, Date.UTC(2025, 5, 12))).toBe(true);
  });

  it('a court date whose time is not finite is past at once', () => {
    expect(isExpired({ expiresAt: courtDateExpiry(Infinity) }, T0)).toBe(true);
    expect(isExpired({ expiresAt: courtDateExpiry(NaN) }, T0)).toBe(true);
  });

  it('an alert expires 30 days after raising unless it says otherwise', () => {
    expect(DEFAULT_ALERT_LIFETIME_MS).toBe(30 * DAY);
    const item = { expiresAt: alertExpiry(ALERT, []) };
    expect(item.expiresAt).toBe(T0 + 30 * DAY);
    expect(isExpired(item, T0 + 30 * DAY - 1)).toBe(false);
    expect(isExpired(item, T0 + 30 * DAY)).toBe(true);
    expect(alertExpiry(alertAt(T0, { expiresAt: T0 + 2 * DAY }), [])).toBe(T0 + 2 * DAY);
  });

  it('an alert with court dates expires the day after its latest hearing', () => {
    const dates: CourtDate[] = [
      { id: 'c1', alert: 'a1', hearingAt: Date.UTC(2025, 6, 20, 9) },
      { id: 'c2', alert: 'a1', hearingAt: Date.UTC(2025, 7, 4, 9) },
      { id: 'c3', alert: 'other', hearingAt: Date.UTC(2025, 11, 1) },
    ];
    expect(alertExpiry(ALERT, dates)).toBe(Date.UTC(2025, 7, 6));
    expect(alertExpiry(alertAt(T0, { expiresAt: T0 + 365 * DAY }), dates.slice(0, 1))).toBe(Date.UTC(2025, 6, 22));
    const damaged: CourtDate = { id: 'c4', alert: 'a1', hearingAt: NaN };
    expect(isExpired({ expiresAt: alertExpiry(ALERT, [...dates, damaged]) }, T0)).toBe(true);
    expect(isExpired({ expiresAt: alertExpiry(ALERT, [damaged, ...dates]) }, T0)).toBe(true);
  });

  it('plans what to drop, what to keep and what survives', () => {
    const old = alertAt(T0, { id: 'old', kind: 'police', sealed: ['message'] });
    const recent = alertAt(T0 + 20 * DAY, { id: 'recent' });
    const forged = alertAt(T0 + 20 * DAY, { id: 'forged', raisedBy: 'stranger' });
    const court = alertAt(T0, { id: 'court', kind: 'court' });
    const dates: CourtDate[] = [
      { id: 'hearing', alert: 'court', hearingAt: Date.UTC(2025, 6, 15, 10) },
      { id: 'spent', alert: null, hearingAt: Date.UTC(2025, 5, 20, 10) },
    ];
    const now = T0 + 30 * DAY;
    const acks = minuteByMinute(9).map((ack) => ({ ...ack, alert: 'old' }));
    const plan = expiryPlan([recent, old, forged, court, old], dates, now, { acks, members: MEMBERS });
    // A forged alert goes at once, whatever its expiry.
    expect(plan.drop).toEqual([
      { item: 'court-date', id: 'spent', expiresAt: Date.UTC(2025, 5, 22), reason: 'expired' },
      { item: 'alert', id: 'old', expiresAt: T0 + 30 * DAY, sealed: ['message'], reason: 'expired' },
      { item: 'alert', id: 'forged', expiresAt: T0 + 50 * DAY, sealed: ['message', 'place'], reason: 'forged' },
    ]);
    expect(plan.keep).toEqual([
      { item: 'alert', id: 'court', expiresAt: Date.UTC(2025, 6, 17), sealed: ['message', 'place'] },
      { item: 'court-date', id: 'hearing', expiresAt: Date.UTC(2025, 6, 17) },
      { item: 'alert', id: 'recent', expiresAt: T0 + 50 * DAY, sealed: ['message', 'place'] },
    ]);
    expect(plan.survives).toEqual([{ alert: 'old', kind: 'police', at: T0, drill: false, audience: 10, timeTo90: 9 * MINUTE }]);
  });
});
