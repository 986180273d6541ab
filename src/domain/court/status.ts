/**
 * What a court date means at a given time: whether it is still ahead, who
 * holds a place, and whether a hearing is near enough for a reminder. The
 * time comes in as an argument, as everywhere in the domain.
 */
import { isExpired } from '../alerts/expiry';
import type { MemberKey } from './events';
import type { CourtDateState, CourtDateStatus, CourtSignup, CourtState } from './types';

const HOUR_MS = 3_600_000;
/** Reminders start two days ahead: time to arrange work, children and a ride. */
export const REMINDER_AHEAD_MS = 48 * HOUR_MS;
/**
 * A hearing's length is not known. Two hours after it begins, whoever went is
 * inside or on the way home, and the room number has done its job.
 */
export const REMINDER_AFTER_START_MS = 2 * HOUR_MS;

export function courtDateStatus(date: CourtDateState, now: number): CourtDateStatus {
  if (date.cancelled !== null) return 'cancelled';
  return isExpired(date, now) ? 'past' : 'upcoming';
}

/** The member's standing sign-up for the date: holding a place, or waiting for one; null when none. */
export function placeOf(date: CourtDateState, member: MemberKey): { readonly signup: CourtSignup; readonly waiting: boolean } | null {
  for (const slot of date.slots) {
    const filled = slot.filled.find((signup) => signup.member === member);
    if (filled !== undefined) return { signup: filled, waiting: false };
    const waiting = slot.waiting.find((signup) => signup.member === member);
    if (waiting !== undefined) return { signup: waiting, waiting: true };
  }
  return null;
}

/** Hearings behind us that were not cancelled and that at least one member went to: the circle's story. */
export function accompaniedHearings(state: CourtState, now: number): number {
  let count = 0;
  for (const date of state.dates.values()) {
    if (courtDateStatus(date, now) === 'past' && date.slots.some((slot) => slot.filled.length > 0)) count++;
  }
  return count;
}

export type ReminderDay = 'today' | 'tomorrow' | 'later';

/**
 * Whether to remind of a hearing at `hearingAt`, and how to say when: from
 * REMINDER_AHEAD_MS before it until REMINDER_AFTER_START_MS after, and only
 * on its own day once it has begun. `localDay` gives the phone's calendar day
 * number of an instant, since "today" and "tomorrow" depend on its time zone.
 */
export function courtReminder(hearingAt: number, now: number, localDay: (at: number) => number): ReminderDay | null {
  if (!Number.isFinite(hearingAt) || now < hearingAt - REMINDER_AHEAD_MS || now >= hearingAt + REMINDER_AFTER_START_MS) return null;
  const days = localDay(hearingAt) - localDay(now);
  if (days < 0) return null;
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : 'later';
}
