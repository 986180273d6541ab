// The phone's time zone decides "today" and "tomorrow" and the clock time a
// reminder shows; set before any date is read.
process.env['TZ'] = 'Europe/Madrid';

import { describe, expect, test } from 'vitest';
import { localDay } from '../../../src/app/defense/court-reminders';
import type { CourtReminder } from '../../../src/app/defense/court-reminders';
import { courtReminder } from '../../../src/domain/court';
import { loadLanguage, makeTranslator } from '../../../src/i18n/i18n';
import { parseLocalDateTime, reminderText, whereOf } from '../../../src/ui/defense/court-format';
import { hrefFor, parseHash } from '../../../src/ui/shell/router';

const en = makeTranslator('en', await loadLanguage('en', ['defense']));
const es = makeTranslator('es', await loadLanguage('es', ['defense']));
const at = (iso: string): number => Date.parse(iso);

describe('the hearing’s date and time as typed', () => {
  test('is read in the phone’s time zone', () => {
    expect(parseLocalDateTime('2026-11-03T09:30')).toBe(at('2026-11-03T08:30:00Z'));
    expect(parseLocalDateTime('2026-07-03T09:30')).toBe(at('2026-07-03T07:30:00Z'));
  });

  test('is no time at all when it names none', () => {
    for (const typed of ['', '2026-11-03', '9:30', '2026-02-31T09:30', '2026-11-03T25:00', '2026-03-29T02:30', 'tomorrow']) {
      expect(parseLocalDateTime(typed)).toBeNaN();
    }
  });
});

describe('reminders', () => {
  const hearingAt = at('2026-11-03T08:30:00Z'); // 9:30 in Madrid, Tuesday 3 November
  const reminder: CourtReminder = {
    date: 'x'.repeat(43),
    day: 'tomorrow',
    details: { hearingAt, court: 'Juzgado nº 4', room: 'Room 4', note: '' },
    help: 'companion',
    filled: 1,
    wanted: 3,
  };

  test('say when, where and as what, in the member’s language', () => {
    expect(reminderText(reminder, en)).toBe('Court tomorrow at 9:30 AM, Juzgado nº 4, Room 4: you are going as companion.');
    expect(reminderText({ ...reminder, day: 'today', help: 'interpreter' }, es)).toBe('Juzgado hoy a las 9:30, Juzgado nº 4, Room 4: vas como intérprete.');
    expect(reminderText({ ...reminder, day: 'later' }, en)).toBe('Court on Tuesday at 9:30 AM, Juzgado nº 4, Room 4: you are going as companion.');
    expect(reminderText({ ...reminder, help: null }, en)).toBe('Court tomorrow at 9:30 AM, Juzgado nº 4, Room 4: 1 of 3 places filled.');
    expect(whereOf({ court: 'Juzgado nº 4', room: '' })).toBe('Juzgado nº 4');
  });

  test('count days by the phone’s calendar, not UTC’s', () => {
    // 00:30 on Wednesday in Madrid is still Tuesday in UTC.
    const afterMidnight = at('2026-11-03T23:30:00Z');
    const evening = at('2026-11-03T20:00:00Z');
    expect(courtReminder(afterMidnight, evening, localDay)).toBe('tomorrow');
    expect(courtReminder(afterMidnight, evening, (ms) => Math.floor(ms / 86_400_000))).toBe('today');
  });
});

describe('the court route', () => {
  test('opens the list, or one date by its id', () => {
    const id = 'A'.repeat(43);
    expect(parseHash('#/court')).toEqual({ name: 'court' });
    expect(parseHash(`#/court/${id}`)).toEqual({ name: 'court', date: id });
    expect(parseHash(hrefFor({ name: 'court', date: id }))).toEqual({ name: 'court', date: id });
    expect(parseHash('#/court/not-an-id')).toEqual({ name: 'not-found', path: 'court/not-an-id' });
    expect(parseHash(`#/court/${id}/more`).name).toBe('not-found');
  });
});
