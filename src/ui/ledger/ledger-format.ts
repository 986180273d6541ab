/** How the ledger screens write hours, dates, time zones and the reset, in the member's language. */
import { format } from 'date-fns';
import { enUS, es } from 'date-fns/locale';
import type { Cycle } from '../../domain/cycles';
import type { ResetRuleSetting } from '../../domain/events';
import type { MoonPhase } from '../../domain/lunar';
import type { Locale, Translator } from '../../i18n/i18n';
import { countdown } from './countdown';

const DATE_LOCALES = { en: enUS, es } as const;
const MINUTE = 60_000;

/** Quarter hours with a sign: "+1.5 h", "-2 h", "0 h"; positive means given more than received. */
export function signedHours(quarters: number, translator: Pick<Translator, 't' | 'locale'>): string {
  const hours = new Intl.NumberFormat(translator.locale, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(quarters / 4);
  return translator.t('hours.value', { hours });
}

/** A date-fns pattern from the catalogue, in the phone's time zone and the member's language. */
export function formatIn(ms: number, pattern: string, locale: Locale): string {
  return format(ms, pattern, { locale: DATE_LOCALES[locale] });
}

/** "9 Nov 2026 – 9 Dec 2026": a cycle's first day and the day it ends. */
export function cycleRange(cycle: Cycle, translator: Pick<Translator, 't' | 'locale'>): string {
  const pattern = translator.t('ledger.format.day');
  return translator.t('ledger.range', {
    start: formatIn(cycle.start.getTime(), pattern, translator.locale),
    end: formatIn(cycle.end.getTime(), pattern, translator.locale),
  });
}

export function percent(share: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/**
 * "Tue 26 Nov, 06:46": when a cycle ends, rounded to the nearest minute as
 * almanacs print the phases, so the time shown matches the one a member can look up.
 */
export function resetInstant(cycleEnd: number, translator: Pick<Translator, 't' | 'locale'>): string {
  return formatIn(Math.round(cycleEnd / MINUTE) * MINUTE, translator.t('ledger.format.resetDate'), translator.locale);
}

/** "Credits reset in 3 days, at the new moon on Tue 26 Nov, 06:46". */
export function resetSentence(rule: ResetRuleSetting, cycleEnd: number, now: number, translator: Translator): string {
  const date = resetInstant(cycleEnd, translator);
  const left = countdown(now, cycleEnd);
  const when = 'count' in left ? translator.plural(`ledger.when.${left.unit}`, left.count) : translator.t(`ledger.when.${left.unit}`);
  const key = rule.kind === 'new-moon' ? 'ledger.reset.newMoon' : rule.kind === 'full-moon' ? 'ledger.reset.fullMoon' : 'ledger.reset.dayOfMonth';
  return translator.t(key, { when, date });
}

/** The moon icon's accessible name: "Waxing gibbous moon, 83% lit". */
export function moonLabel(phase: MoonPhase, translator: Pick<Translator, 't' | 'locale'>): string {
  return translator.t('ledger.moon.label', {
    phase: translator.t(`ledger.phase.${phase.phase}`),
    percent: percent(Math.round(phase.illumination * 100) / 100, translator.locale),
  });
}

/** "UTC+01:00", "UTC−05:30". */
export function offsetLabel(minutes: number, translator: Pick<Translator, 't'>): string {
  const size = Math.abs(minutes);
  return translator.t('ledger.offset.label', {
    sign: minutes < 0 ? '\u2212' : '+',
    hours: String(Math.floor(size / 60)).padStart(2, '0'),
    minutes: String(size % 60).padStart(2, '0'),
  });
}

/** "1 hour ahead of UTC", "5 hours and 30 minutes behind UTC". */
export function offsetWords(minutes: number, translator: Pick<Translator, 't' | 'plural'>): string {
  if (minutes === 0) return translator.t('ledger.offset.zero');
  const size = Math.abs(minutes);
  const hours = Math.floor(size / 60);
  const rest = size % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(translator.plural('ledger.duration.hours', hours));
  if (rest > 0) parts.push(translator.plural('ledger.duration.minutes', rest));
  const amount = parts.length === 2 ? translator.t('ledger.duration.and', { first: parts[0]!, second: parts[1]! }) : parts[0]!;
  return translator.t(minutes > 0 ? 'ledger.offset.ahead' : 'ledger.offset.behind', { amount });
}

/** The phone's offset from UTC now, in minutes east, on the quarter hour a reset rule needs. */
export function phoneOffsetMinutes(now: number): number {
  return Math.round(-new Date(now).getTimezoneOffset() / 15) * 15;
}

/** "tally-statement-2026-11-26.csv", dated by the phone's calendar. */
export function statementFileName(now: number): string {
  return `tally-statement-${format(now, 'yyyy-MM-dd')}.csv`;
}
