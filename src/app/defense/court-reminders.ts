/**
 * Reminders of hearings this member is going to, or posted: shown on the home
 * and defense screens of an unlocked phone from two days before the hearing.
 */
import { DAY_MS } from '../../domain/alerts/expiry';
import { courtDateStatus, courtReminder, placeOf } from '../../domain/court';
import type { CourtHelp, CourtState, RecordId, ReminderDay } from '../../domain/court';
import type { AppDeps } from '../deps';
import type { OpenCircle } from '../open-circle';
import { openCourtDetails } from './court-details';
import type { CourtDetails } from './court-details';
import { lockRequired } from './roster';

export interface CourtReminder {
  readonly date: RecordId;
  readonly day: ReminderDay;
  readonly details: CourtDetails;
  /** The help this member gives there; null when they posted the date and hold no place. */
  readonly help: CourtHelp | null;
  /** Places held and wanted, for the author. */
  readonly filled: number;
  readonly wanted: number;
}

/** The phone's calendar day of an instant: "today" is the member's today, not UTC's. */
export function localDay(at: number): number {
  return Math.floor((at - new Date(at).getTimezoneOffset() * 60_000) / DAY_MS);
}

/** This member's reminders at `deps.now()`, soonest first; none on a phone that is not unlocked. */
export function courtReminders(circle: OpenCircle, court: CourtState, deps: AppDeps, dayOf: (at: number) => number = localDay): CourtReminder[] {
  if (lockRequired(deps)) return [];
  const now = deps.now();
  const me = circle.membership.memberKey;
  const reminders: CourtReminder[] = [];
  for (const date of court.dates.values()) {
    if (courtDateStatus(date, now) !== 'upcoming') continue;
    const place = placeOf(date, me);
    const going = place !== null && !place.waiting ? place.signup.help : null;
    if (going === null && date.author !== me) continue;
    const details = openCourtDetails(circle, date, now);
    if (typeof details === 'string') continue;
    const day = courtReminder(details.hearingAt, now, dayOf);
    if (day === null) continue;
    const filled = date.slots.reduce((sum, slot) => sum + slot.filled.length, 0);
    const wanted = date.slots.reduce((sum, slot) => sum + slot.count, 0);
    reminders.push({ date: date.id, day, details, help: going, filled, wanted });
  }
  return reminders.sort((a, b) => a.details.hearingAt - b.details.hearingAt);
}
