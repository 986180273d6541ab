/**
 * Drills: practice alerts, reached like real ones. Their history lets the
 * circle see whether rehearsed support gets faster.
 */
import { acksOf, checkAlerts, compareAlerts } from './check';
import { alertStatistic } from './reach';
import type { Alert, AlertAck, AlertStatistic, Membership } from './types';

/**
 * Every genuine drill, oldest first, with the time it took to reach 90% of
 * the members of its day (null if it never did). A forged drill is left out:
 * it is listed by checkAlerts and alertsOverview as a problem.
 */
export function drillHistory(alerts: Iterable<Alert>, acks: Iterable<AlertAck>, members: Membership): readonly AlertStatistic[] {
  const checked = checkAlerts(alerts, acks, members);
  return [...checked.genuine.values()]
    .filter((alert) => alert.drill)
    .sort(compareAlerts)
    .map((drill) => alertStatistic(drill, acksOf(checked, drill.id), members));
}
