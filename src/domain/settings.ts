/**
 * Circle settings and cycle themes as pure functions of their events. Any member
 * may change them; the latest change by time, then id, stands on every phone.
 */
import { wasMemberAt } from './circle';
import type { CircleState } from './circle';
import { compareEvents } from './events';
import type { CircleEvent, CircleSettingsChanged, CycleThemed, MemberKey, RecordId, ResetRuleSetting } from './events';
import { isNormalizedName } from './names';

export interface CircleSettings {
  readonly resetRule: ResetRuleSetting;
  /** Quarter hours, at most 0. */
  readonly lowerLimit: number;
  /** Quarter hours, at least 0. */
  readonly upperLimit: number;
  readonly limitMode: 'soft' | 'hard';
}

/** A new moon reset, and limits of ten hours owed and twenty hours earned, as warnings. */
export const DEFAULT_SETTINGS: CircleSettings = {
  resetRule: { kind: 'new-moon' },
  lowerLimit: -40,
  upperLimit: 80,
  limitMode: 'soft',
};

/** No limit goes beyond 200 hours either way: past that a limit limits nothing. */
export const MAX_LIMIT_QUARTERS = 800;
/** Every month has a 28th day, so a day-of-month reset never skips a month. */
export const MAX_RESET_DAY = 28;
/** The widest offsets in use on Earth: UTC−12:00 to UTC+14:00. */
export const MIN_UTC_OFFSET_MINUTES = -720;
export const MAX_UTC_OFFSET_MINUTES = 840;
export const MAX_THEME_LENGTH = 80;

export type SettingsProblem =
  | 'lower-limit-not-integer'
  | 'upper-limit-not-integer'
  | 'lower-limit-above-zero'
  | 'upper-limit-below-zero'
  | 'lower-limit-too-far'
  | 'upper-limit-too-far'
  | 'unknown-limit-mode'
  | 'unknown-reset-rule'
  | 'reset-day-out-of-range'
  | 'utc-offset-out-of-range'
  | 'utc-offset-not-quarter-hour';

export type SettingsCheck =
  | { readonly ok: true; readonly value: CircleSettings }
  | { readonly ok: false; readonly problems: readonly SettingsProblem[] };

/** Checks settings from a form or a record; every problem is listed, not just the first. */
export function validateSettings(settings: CircleSettings): SettingsCheck {
  const problems: SettingsProblem[] = [];
  const { lowerLimit, upperLimit, limitMode, resetRule } = settings;
  if (!Number.isInteger(lowerLimit)) problems.push('lower-limit-not-integer');
  else if (lowerLimit > 0) problems.push('lower-limit-above-zero');
  else if (lowerLimit < -MAX_LIMIT_QUARTERS) problems.push('lower-limit-too-far');
  if (!Number.isInteger(upperLimit)) problems.push('upper-limit-not-integer');
  else if (upperLimit < 0) problems.push('upper-limit-below-zero');
  else if (upperLimit > MAX_LIMIT_QUARTERS) problems.push('upper-limit-too-far');
  // Data from another phone may carry values the types rule out.
  if ((limitMode as string) !== 'soft' && (limitMode as string) !== 'hard') problems.push('unknown-limit-mode');
  const ruleKind = (resetRule as { readonly kind?: unknown } | null)?.kind;
  if (ruleKind === 'day-of-month') {
    const rule = resetRule as Extract<ResetRuleSetting, { kind: 'day-of-month' }>;
    if (!Number.isInteger(rule.day) || rule.day < 1 || rule.day > MAX_RESET_DAY) problems.push('reset-day-out-of-range');
    const offset = rule.utcOffsetMinutes;
    if (!Number.isInteger(offset) || offset < MIN_UTC_OFFSET_MINUTES || offset > MAX_UTC_OFFSET_MINUTES) {
      problems.push('utc-offset-out-of-range');
    } else if (offset % 15 !== 0) {
      // Every offset in use is a whole number of quarter hours.
      problems.push('utc-offset-not-quarter-hour');
    }
  } else if (ruleKind !== 'new-moon' && ruleKind !== 'full-moon') {
    problems.push('unknown-reset-rule');
  }
  return problems.length === 0 ? { ok: true, value: settings } : { ok: false, problems };
}

export interface SettingsChange {
  readonly id: RecordId;
  readonly changedBy: MemberKey;
  readonly at: number;
  readonly settings: CircleSettings;
}

export type SettingsIgnoredReason = 'awaiting-history' | 'not-a-member-then' | 'invalid';

export interface IgnoredSettingsEvent {
  readonly id: RecordId;
  readonly author: MemberKey;
  readonly at: number;
  readonly reason: SettingsIgnoredReason;
}

export interface SettingsState {
  /** The settings in force now: the latest valid change, or the defaults. */
  readonly current: CircleSettings;
  /** Every valid change, oldest first. */
  readonly history: readonly SettingsChange[];
  readonly ignored: readonly IgnoredSettingsEvent[];
}

/** The circle's settings from its `circle.settings` events. */
export function projectSettings(events: Iterable<CircleEvent>, membership: CircleState): SettingsState {
  const changes = uniqueOfKind(events, 'circle.settings');
  const history: SettingsChange[] = [];
  const ignored: IgnoredSettingsEvent[] = [];
  for (const event of changes) {
    const settings = settingsOf(event);
    const reason = reasonToIgnore(event, membership, validateSettings(settings).ok);
    if (reason !== null) ignored.push({ id: event.id, author: event.author, at: event.at, reason });
    else history.push({ id: event.id, changedBy: event.author, at: event.at, settings });
  }
  return { current: history.at(-1)?.settings ?? DEFAULT_SETTINGS, history, ignored };
}

/** The settings history alone, oldest change first. */
export function settingsHistory(events: Iterable<CircleEvent>, membership: CircleState): readonly SettingsChange[] {
  return projectSettings(events, membership).history;
}

/** The settings that were in force at an instant: the last change at or before it, or the defaults. */
export function settingsAt(history: readonly SettingsChange[], at: number): CircleSettings {
  let found = DEFAULT_SETTINGS;
  for (const change of history) {
    if (change.at > at) break;
    found = change.settings;
  }
  return found;
}

export interface CycleTheme {
  readonly theme: string;
  readonly setBy: MemberKey;
  readonly at: number;
  readonly id: RecordId;
}

/** Each cycle's theme: the latest valid `cycle.theme` for that cycle index. */
export function projectThemes(events: Iterable<CircleEvent>, membership: CircleState): ReadonlyMap<number, CycleTheme> {
  const themes = new Map<number, CycleTheme>();
  for (const event of uniqueOfKind(events, 'cycle.theme')) {
    if (reasonToIgnore(event, membership, isValidTheme(event)) !== null) continue;
    // Sorted oldest first, so a later theme for the same cycle replaces an earlier one.
    themes.set(event.cycle, { theme: event.theme, setBy: event.author, at: event.at, id: event.id });
  }
  return themes;
}

function isValidTheme(event: CycleThemed): boolean {
  return Number.isSafeInteger(event.cycle) && isNormalizedName(event.theme, MAX_THEME_LENGTH);
}

function settingsOf(event: CircleSettingsChanged): CircleSettings {
  return { resetRule: event.resetRule, lowerLimit: event.lowerLimit, upperLimit: event.upperLimit, limitMode: event.limitMode };
}

function reasonToIgnore(
  event: CircleSettingsChanged | CycleThemed,
  membership: CircleState,
  valid: boolean,
): SettingsIgnoredReason | null {
  if (!membership.members.has(event.author)) return 'awaiting-history';
  if (!wasMemberAt(membership, event.author, event.at)) return 'not-a-member-then';
  return valid ? null : 'invalid';
}

function uniqueOfKind<K extends 'circle.settings' | 'cycle.theme'>(
  events: Iterable<CircleEvent>,
  kind: K,
): Extract<CircleEvent, { kind: K }>[] {
  const found = new Map<RecordId, Extract<CircleEvent, { kind: K }>>();
  for (const event of events) {
    if (event.kind === kind) found.set(event.id, event as Extract<CircleEvent, { kind: K }>);
  }
  return [...found.values()].sort(compareEvents);
}
