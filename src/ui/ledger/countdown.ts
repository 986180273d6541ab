/**
 * How far away a reset is, in the words a person would use: minutes or hours
 * when it is close, then "today", "tomorrow", or a number of calendar days in
 * the phone's own time zone.
 */
import { differenceInCalendarDays } from 'date-fns';

export type Countdown =
  | { readonly unit: 'minutes' | 'hours' | 'days'; readonly count: number }
  | { readonly unit: 'today' | 'tomorrow' };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Closer than this, "tomorrow" would hide that it is only a few hours away. */
const HOURS_THRESHOLD = 12 * HOUR;

export function countdown(now: number, at: number): Countdown {
  const left = at - now;
  if (left < HOUR) return { unit: 'minutes', count: Math.max(1, Math.ceil(left / MINUTE)) };
  if (left < HOURS_THRESHOLD) return { unit: 'hours', count: Math.round(left / HOUR) };
  const days = differenceInCalendarDays(at, now);
  if (days <= 0) return { unit: 'today' };
  if (days === 1) return { unit: 'tomorrow' };
  return { unit: 'days', count: days };
}
