/**
 * Days as a date field gives and takes them ("2026-11-20"): the screens need
 * these, the record parsers do not, so they live apart from events.ts.
 */
import { DAY_MS, dayOf } from './events';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day of a date as a date field gives it ("2026-11-20"), or null for anything else. */
export function dayOfIso(text: string): number | null {
  const match = ISO_DAY.exec(text);
  if (match === null) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC reads years below 100 as 19xx: day 0 is 1970 anyway.
  if (year < 1970 || month < 1 || month > 12) return null;
  const ms = Date.UTC(year, month - 1, date);
  // Date.UTC rolls 2026-02-31 over into March: a day that does not exist is refused instead.
  return new Date(ms).getUTCDate() === date ? dayOf(ms) : null;
}

/** A day as a date field wants it. */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
