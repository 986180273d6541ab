/**
 * Raising an alert and answering it: a caller marks whom they reached, a
 * member confirms they heard. The message and place travel sealed.
 *
 * Raising does not wait for the app lock: a member in trouble must be able to
 * call for help at once. Reading the details is opening defense data, so the
 * screens show them only on an unlocked phone.
 */
import { alertExpiry, alertsOverview, DEFAULT_ALERT_LIFETIME_MS, drillHistory, isExpired } from '../../domain/alerts';
import type { Alert, AlertAck, AlertKind, AlertsOverview, AlertStatistic } from '../../domain/alerts';
import type { AlertRaised } from '../../domain/defense-events';
import { ALERT_KINDS } from '../../domain/defense-events';
import type { MemberKey, RecordId } from '../../domain/events';
import { normalizeName, normalizeOptional } from '../../domain/names';
import { membersWithRole } from '../../domain/roster';
import type { RosterState } from '../../domain/roster';
import { ALERT_DETAILS_PURPOSE, alertHeardBody, alertRaisedBody, alertReachedBody } from '../../records/kinds/alert';
import { err, ok } from '../../records/result';
import type { Result } from '../../records/result';
import type { OpenFieldProblem } from '../../records/sealed-field';
import type { ReplicaSnapshot } from '../../replica/replica';
import type { AppDeps } from '../deps';
import type { OpenCircle } from '../open-circle';
import { signAndStore } from '../records';
import { openExpiring, readTexts, sealExpiring } from './sealing';
import type { ExpiringProblem } from './sealing';

export const ALERT_LIMITS = { messageChars: 500, placeChars: 200 } as const;

export interface AlertInput {
  readonly kind: AlertKind;
  readonly message: string;
  readonly place: string;
  readonly drill: boolean;
}

export interface AlertDetails {
  readonly message: string;
  readonly place: string;
}

export async function raiseAlert(circle: OpenCircle, input: AlertInput, deps: AppDeps): Promise<Result<RecordId, 'kind' | 'message' | 'place' | 'no-chain'>> {
  if (!ALERT_KINDS.includes(input.kind)) return err('kind');
  const message = normalizeName(input.message, ALERT_LIMITS.messageChars);
  if (!message.ok) return err('message');
  const place = normalizeOptional(input.place, ALERT_LIMITS.placeChars);
  if (!place.ok) return err('place');
  // The expiry is written out, not left to the default: the key sealing the details depends on it.
  const expiresAt = deps.now() + DEFAULT_ALERT_LIFETIME_MS;
  const sealedDetails = sealExpiring(circle, ALERT_DETAILS_PURPOSE, new Map([[0, message.value], [1, place.value]]), expiresAt, deps);
  // Only a phone that joined in an older version lacks a chain; its member is told to call the tree instead.
  if (typeof sealedDetails === 'string') return err('no-chain');
  const record = await signAndStore(circle, 'alert.raised', alertRaisedBody({ alertKind: input.kind, drill: input.drill, expiresAt, sealedDetails }), deps);
  return ok(record.id);
}

/** The caller got through to `member`. Marking the same person twice stores nothing the second time. */
export async function markReached(circle: OpenCircle, alertId: RecordId, member: MemberKey, deps: AppDeps): Promise<Result<void, 'unknown-alert' | 'already'>> {
  const { events } = circle.replica.current();
  if (!events.some((event) => event.kind === 'alert.raised' && event.id === alertId)) return err('unknown-alert');
  const me = circle.membership.memberKey;
  if (events.some((event) => event.kind === 'alert.reached' && event.alert === alertId && event.author === me && event.member === member)) return err('already');
  await signAndStore(circle, 'alert.reached', alertReachedBody(alertId, member), deps);
  return ok(undefined);
}

/** This member heard of the alert, by a call or in the app. */
export async function confirmHeard(circle: OpenCircle, alertId: RecordId, deps: AppDeps): Promise<Result<void, 'unknown-alert' | 'already'>> {
  const { events } = circle.replica.current();
  if (!events.some((event) => event.kind === 'alert.raised' && event.id === alertId)) return err('unknown-alert');
  const me = circle.membership.memberKey;
  if (events.some((event) => event.kind === 'alert.heard' && event.alert === alertId && event.author === me)) return err('already');
  await signAndStore(circle, 'alert.heard', alertHeardBody(alertId), deps);
  return ok(undefined);
}

/** When an alert's details stop opening anywhere: the expiry it states, or the default one. */
export function alertDetailsExpiry(raised: AlertRaised): number {
  return raised.expiresAt ?? raised.at + DEFAULT_ALERT_LIFETIME_MS;
}

export function openAlertDetails(circle: OpenCircle, raised: AlertRaised, now: number): AlertDetails | OpenFieldProblem | ExpiringProblem {
  const opened = openExpiring(circle, raised.author, ALERT_DETAILS_PURPOSE, raised.sealedDetails, alertDetailsExpiry(raised), now);
  if (!opened.ok) return opened.error;
  const texts = readTexts(opened.value, [ALERT_LIMITS.messageChars, ALERT_LIMITS.placeChars]);
  if (texts === null) return 'damaged';
  const [message = '', place = ''] = texts;
  return { message, place };
}

export function alertOf(raised: AlertRaised): Alert {
  return { id: raised.id, raisedBy: raised.author, at: raised.at, kind: raised.alertKind, drill: raised.drill, expiresAt: raised.expiresAt, sealed: ['message', 'place'] };
}

export interface AlertsView {
  readonly overview: AlertsOverview;
  readonly raised: ReadonlyMap<RecordId, AlertRaised>;
  /** Genuine alerts whose details have not expired, newest first. */
  readonly live: readonly RecordId[];
  /** Every drill with its time to 90%, in time order. */
  readonly drills: readonly AlertStatistic[];
}

/** Every alert with its coverage at `now`, the phone trees drawn from the roster's callers. */
export function alertsView(snapshot: ReplicaSnapshot, roster: RosterState, now: number): AlertsView {
  const raised = new Map<RecordId, AlertRaised>();
  const acks: AlertAck[] = [];
  for (const event of snapshot.events) {
    if (event.kind === 'alert.raised') raised.set(event.id, event);
    else if (event.kind === 'alert.reached' || event.kind === 'alert.heard') acks.push(event);
  }
  const alerts = [...raised.values()].map(alertOf);
  const overview = alertsOverview(alerts, acks, { members: snapshot.circle.members, callers: new Set(membersWithRole(roster, 'caller')) }, now);
  const live = overview.alerts.filter((coverage) => !isExpired({ expiresAt: alertExpiry(coverage.alert, []) }, now)).map((coverage) => coverage.alert.id);
  return { overview, raised, live, drills: drillHistory(alerts, acks, snapshot.circle.members) };
}
