/**
 * Credit cycles: the stretches of time after which the circle's time credits
 * reset. Every phone must cut time at the same instants and number the
 * stretches the same way, so both come from the rule alone, never from the
 * phone's clock settings or time zone.
 */
import { lunationAt, phaseInstant } from './lunar';

export type ResetRule =
  | { readonly kind: 'new-moon' }
  | { readonly kind: 'full-moon' }
  | {
      readonly kind: 'day-of-month';
      /** 1 to 28, so that every month has the day. */
      readonly day: number;
      /**
       * The circle's reference offset from UTC in minutes (−300 for UTC−5):
       * a cycle starts at 00:00 of the day at this fixed offset, whatever
       * daylight saving the members' phones observe.
       */
      readonly utcOffsetMinutes: number;
    };

/**
 * One stretch of time: start inclusive, end exclusive. For lunar rules the
 * index is Meeus's lunation number (0 for the lunation that began with the new
 * moon of 2000-01-06); for a day of the month it counts months from the one
 * starting in January 2000.
 */
export interface Cycle {
  readonly index: number;
  readonly start: Date;
  readonly end: Date;
}

/** Credits reset at every new moon unless the circle chooses otherwise. */
export const DEFAULT_RESET_RULE: ResetRule = { kind: 'new-moon' };

const MINUTE_MS = 60_000;

/** Whether a rule, perhaps read from a settings record, is one this version understands. */
export function isValidResetRule(value: ResetRule): boolean {
  // Settings arrive from other phones: check the shape, not only what the type promises.
  const rule = value as unknown;
  if (typeof rule !== 'object' || rule === null || !('kind' in rule)) return false;
  if (rule.kind === 'new-moon' || rule.kind === 'full-moon') return true;
  if (rule.kind !== 'day-of-month' || !('day' in rule) || !('utcOffsetMinutes' in rule)) return false;
  const { day, utcOffsetMinutes: offset } = rule;
  return (
    typeof day === 'number' &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= 28 &&
    typeof offset === 'number' &&
    Number.isInteger(offset) &&
    offset % 15 === 0 &&
    offset >= -720 &&
    offset <= 840
  );
}

/** The cycle an instant falls in. */
export function cycleAt(rule: ResetRule, at: Date): Cycle {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('the date is not a valid instant');
  return byIndex(rule, indexAt(rule, ms));
}

/** Every cycle that overlaps [from, to), oldest first; none when from >= to. */
export function cyclesBetween(rule: ResetRule, from: Date, to: Date): Cycle[] {
  const start = from.getTime();
  const end = to.getTime();
  if (!Number.isFinite(start) || !Number.isFinite(end)) throw new RangeError('the date is not a valid instant');
  checkRule(rule);
  const cycles: Cycle[] = [];
  if (start >= end) return cycles;
  for (let index = indexAt(rule, start); ; index++) {
    const cycle = byIndex(rule, index);
    if (cycle.start.getTime() >= end) break;
    cycles.push(cycle);
  }
  return cycles;
}

/** The cycle with a given index, as cycleAt numbers them. */
export function cycleByIndex(rule: ResetRule, index: number): Cycle {
  if (!Number.isSafeInteger(index)) throw new RangeError(`a cycle index must be a whole number, not ${index}`);
  checkRule(rule);
  return byIndex(rule, index);
}

function indexAt(rule: ResetRule, ms: number): number {
  checkRule(rule);
  switch (rule.kind) {
    case 'new-moon':
      return lunationAt('new', ms);
    case 'full-moon':
      return lunationAt('full', ms);
    case 'day-of-month': {
      // Read the calendar at the circle's offset, then step back a month if
      // this month's reset day has not come yet.
      const local = new Date(ms + rule.utcOffsetMinutes * MINUTE_MS);
      const months = (local.getUTCFullYear() - 2000) * 12 + local.getUTCMonth();
      if (!Number.isFinite(months)) throw new RangeError('the date is too far from the present to place in a cycle');
      return local.getUTCDate() >= rule.day ? months : months - 1;
    }
  }
}

function byIndex(rule: ResetRule, index: number): Cycle {
  switch (rule.kind) {
    case 'new-moon':
    case 'full-moon': {
      const phase = rule.kind === 'new-moon' ? 'new' : 'full';
      return { index, start: new Date(phaseInstant(phase, index)), end: new Date(phaseInstant(phase, index + 1)) };
    }
    case 'day-of-month': {
      const offset = rule.utcOffsetMinutes * MINUTE_MS;
      return {
        index,
        start: new Date(midnightUtc(index, rule.day) - offset),
        end: new Date(midnightUtc(index + 1, rule.day) - offset),
      };
    }
  }
}

// 00:00 UTC on a day of the month that is a number of months after January 2000.
function midnightUtc(months: number, day: number): number {
  const year = 2000 + Math.floor(months / 12);
  const month = months - (year - 2000) * 12;
  // Date.UTC reads years 0–99 as 1900–1999; 400 Gregorian years are exactly
  // 146097 days, so shift such years by 400 and back.
  if (year >= 0 && year < 100) return Date.UTC(year + 400, month, day) - 146_097 * 86_400_000;
  return Date.UTC(year, month, day);
}

function checkRule(rule: ResetRule): void {
  if (!isValidResetRule(rule)) throw new RangeError(`not a valid reset rule: ${JSON.stringify(rule)}`);
}
