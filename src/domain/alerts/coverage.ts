/**
 * What an alert's screen shows: how many have been reached and how fast, who
 * is still waiting, and whom the viewer must call.
 */
import type { MemberKey } from '../events';
import { phoneTree } from '../phone-tree';
import type { PhoneTree } from '../phone-tree';
import { acksOf, checkAlerts, compareAlerts } from './check';
import type { CheckedAlerts } from './check';
import { audienceOf, firstReaches, timeToShare } from './reach';
import type { Alert, AlertAck, AlertProblem, AlertRoster, Reached } from './types';

/** One call the viewer must make, and whether someone already got through. */
export interface Call {
  readonly member: MemberKey;
  readonly reached: Reached | null;
}

export interface Coverage {
  readonly forged: false;
  readonly alert: Alert;
  /** How many it is for: members when it was raised, the raiser aside. */
  readonly audience: number;
  /** Each member reached, the first time, earliest first. */
  readonly reached: readonly Reached[];
  /** The audience not reached yet, by key. */
  readonly unreached: readonly MemberKey[];
  /** reached / audience: 1 when there is nobody to reach. */
  readonly fraction: number;
  /** Milliseconds from raising until half, 90%, everyone had been reached; null while not yet. */
  readonly timeToHalf: number | null;
  readonly timeTo90: number | null;
  readonly timeToEveryone: number | null;
  /** Milliseconds since raising, never negative (phones' clocks differ). */
  readonly elapsed: number;
  /** Rooted at the raiser and seeded with the alert's id, over the audience. */
  readonly tree: PhoneTree;
  /** Whom `caller` must call, in calling order, with who is already reached. */
  callsFor(caller: MemberKey): readonly Call[];
  /** This alert's acknowledgements that do not count. */
  readonly problems: readonly AlertProblem[];
}

/** An alert raised by someone who was not a member then: nothing to show but why. */
export interface ForgedAlert {
  readonly forged: true;
  readonly alert: Alert;
  readonly problems: readonly AlertProblem[];
}

/**
 * How far `alert` has reached at `now`. Acknowledgements of other alerts are
 * passed over, not listed: they are simply about something else.
 *
 * An acknowledgement dated after `now` counts: a caller's clock may run ahead,
 * and the call it records has happened, since the record is here.
 */
export function alertCoverage(alert: Alert, acks: Iterable<AlertAck>, roster: AlertRoster, now: number): Coverage | ForgedAlert {
  const own = [...acks].filter((ack) => ack.alert === alert.id);
  const checked = checkAlerts([alert], own, roster.members);
  if (!checked.genuine.has(alert.id)) return { forged: true, alert, problems: checked.problems };
  return coverageOf(alert, checked, roster, now);
}

export interface AlertsOverview {
  /** Genuine alerts only, newest first: a forged one appears among the problems and nowhere else. */
  readonly alerts: readonly Coverage[];
  /** Every alert and acknowledgement that does not count, in record order. */
  readonly problems: readonly AlertProblem[];
}

/** All alerts at once: the only place an acknowledgement of an unknown alert can be noticed. */
export function alertsOverview(alerts: Iterable<Alert>, acks: Iterable<AlertAck>, roster: AlertRoster, now: number): AlertsOverview {
  const checked = checkAlerts(alerts, acks, roster.members);
  const genuine = [...checked.genuine.values()].sort((a, b) => compareAlerts(b, a));
  return { alerts: genuine.map((alert) => coverageOf(alert, checked, roster, now)), problems: checked.problems };
}

function coverageOf(alert: Alert, checked: CheckedAlerts, roster: AlertRoster, now: number): Coverage {
  const audience = audienceOf(alert, roster.members);
  const reached = firstReaches(acksOf(checked, alert.id), audience);
  const byMember = new Map(reached.map((entry) => [entry.member, entry]));
  const tree = phoneTree({
    members: audience,
    callers: roster.callers,
    root: alert.raisedBy,
    seed: alert.id,
    ...(roster.fanout === undefined ? {} : { fanout: roster.fanout }),
  });
  const n = audience.length;
  return {
    forged: false,
    alert,
    audience: n,
    reached,
    unreached: audience.filter((member) => !byMember.has(member)),
    fraction: n === 0 ? 1 : reached.length / n,
    timeToHalf: timeToShare(alert, reached, n, 50),
    timeTo90: timeToShare(alert, reached, n, 90),
    timeToEveryone: timeToShare(alert, reached, n, 100),
    elapsed: Math.max(0, now - alert.at),
    tree,
    callsFor: (caller) => tree.callsFor(caller).map((member) => ({ member, reached: byMember.get(member) ?? null })),
    problems: checked.problems.filter((problem) => problem.alert === alert.id),
  };
}
