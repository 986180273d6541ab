/** How hearings read on screen: times and days in the member's language, and what a reminder says. */
import type { CourtReminder } from '../../app/defense/court-reminders';
import type { CourtDetails } from '../../app/defense/court-details';
import type { Translator } from '../../i18n/i18n';

/** "9:30 AM", "9:30": the hour as the member's language writes it. */
export function hearingTime(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(ms);
}

/** The court, and the room when given: "Juzgado nº 4, Room 4". */
export function whereOf(details: Pick<CourtDetails, 'court' | 'room'>): string {
  return details.room === '' ? details.court : `${details.court}, ${details.room}`;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a date-and-time field names, in the phone's time zone, or NaN
 * when it names none (empty, or a date like 31 February that does not exist).
 */
export function parseLocalDateTime(value: string): number {
  const match = LOCAL_DATE_TIME.exec(value);
  if (match === null) return Number.NaN;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(year, month - 1, day, hour, minute);
  const roundTrips = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day && date.getHours() === hour;
  return roundTrips ? date.getTime() : Number.NaN;
}

export function reminderText(reminder: CourtReminder, translator: Translator): string {
  const { t, locale } = translator;
  const { hearingAt } = reminder.details;
  const params = {
    time: hearingTime(hearingAt, locale),
    day: new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(hearingAt),
    where: whereOf(reminder.details),
  };
  if (reminder.help === null) return t(`court.remindAuthor.${reminder.day}`, { ...params, filled: reminder.filled, wanted: reminder.wanted });
  return t(`court.remind.${reminder.day}`, { ...params, help: t(`court.as.${reminder.help}`) });
}
