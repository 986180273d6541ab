// The phone's time zone decides the calendar day and the clock time shown;
// set before any date is read.
process.env['TZ'] = 'Europe/Madrid';

import { describe, expect, test } from 'vitest';
import { cycleAt } from '../../../src/domain/cycles';
import { moonPhaseAt } from '../../../src/domain/lunar';
import { loadLanguage, makeTranslator } from '../../../src/i18n/i18n';
import { countdown } from '../../../src/ui/ledger/countdown';
import {
  moonLabel,
  offsetLabel,
  offsetWords,
  phoneOffsetMinutes,
  resetSentence,
  signedHours,
  statementFileName,
} from '../../../src/ui/ledger/ledger-format';

const en = makeTranslator('en', await loadLanguage('en', ['ledger']));
const es = makeTranslator('es', await loadLanguage('es', ['ledger']));
const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

describe('how far away the reset is', () => {
  const reset = at('2026-12-09T00:51:46Z'); // 01:51:46 in Madrid, Wednesday 9 December

  test('minutes, then hours, when it is close', () => {
    expect(countdown(reset - 90_000, reset)).toEqual({ unit: 'minutes', count: 2 });
    expect(countdown(reset - 1000, reset)).toEqual({ unit: 'minutes', count: 1 });
    expect(countdown(reset - 5 * HOUR, reset)).toEqual({ unit: 'hours', count: 5 });
    expect(countdown(at('2026-12-08T22:30:00Z'), reset)).toEqual({ unit: 'hours', count: 2 });
  });

  test('today, tomorrow, or a number of days by the calendar of the phone', () => {
    expect(countdown(at('2026-12-08T10:00:00Z'), reset)).toEqual({ unit: 'tomorrow' });
    expect(countdown(at('2026-12-05T12:00:00Z'), reset)).toEqual({ unit: 'days', count: 4 });
    // 10:00 to 23:00 in Madrid is the same day; to 00:00 it is the next, though UTC still says the 20th.
    expect(countdown(at('2026-12-20T09:00:00Z'), at('2026-12-20T22:00:00Z'))).toEqual({ unit: 'today' });
    expect(countdown(at('2026-12-20T09:00:00Z'), at('2026-12-20T23:00:00Z'))).toEqual({ unit: 'tomorrow' });
  });
});

describe('the reset sentence', () => {
  const now = at('2026-12-05T12:00:00Z');

  test('at the new moon of December 2026, in English and Spanish, in the phone’s time', () => {
    const cycle = cycleAt({ kind: 'new-moon' }, new Date(now));
    expect(resetSentence({ kind: 'new-moon' }, cycle.end.getTime(), now, en)).toBe('Credits reset in 4 days, at the new moon on Wed 9 Dec, 01:52');
    expect(resetSentence({ kind: 'new-moon' }, cycle.end.getTime(), now, es)).toBe(
      'Los créditos se reinician dentro de 4 días, con la luna nueva del miércoles 9 de diciembre, 01:52',
    );
  });

  test('at the full moon, and close to it', () => {
    const cycle = cycleAt({ kind: 'full-moon' }, new Date(now));
    const end = cycle.end.getTime();
    expect(resetSentence({ kind: 'full-moon' }, end, end - 5 * HOUR, en)).toMatch(/^Credits reset in 5 hours, at the full moon on Thu 24 Dec, 0[23]:\d\d$/);
    expect(resetSentence({ kind: 'full-moon' }, end, end - 20 * HOUR, en)).toMatch(/^Credits reset tomorrow, at the full moon on /);
  });

  test('on a day of the month, at midnight of the circle’s offset', () => {
    const rule = { kind: 'day-of-month', day: 1, utcOffsetMinutes: 60 } as const;
    const cycle = cycleAt(rule, new Date(now));
    expect(resetSentence(rule, cycle.end.getTime(), now, en)).toBe('Credits reset in 27 days, on Fri 1 Jan, 00:00');
    expect(resetSentence(rule, cycle.end.getTime(), now, es)).toBe('Los créditos se reinician dentro de 27 días, el viernes 1 de enero, 00:00');
  });
});

describe('hours, moon and time zones in words', () => {
  test('balances carry their sign', () => {
    expect(signedHours(6, en)).toBe('+1.5 h');
    expect(signedHours(-10, es)).toBe('-2,5 h');
    expect(signedHours(0, en)).toBe('0 h');
  });

  test('the moon’s accessible name', () => {
    const phase = moonPhaseAt(new Date(at('2026-12-05T12:00:00Z')));
    expect(moonLabel(phase, en)).toBe('Waning crescent moon, 12% lit');
    expect(moonLabel(phase, es)).toBe('Luna menguante, iluminada al 12\u00a0%');
  });

  test('offsets from UTC', () => {
    expect(offsetLabel(60, en)).toBe('UTC+01:00');
    expect(offsetLabel(-330, en)).toBe('UTC\u221205:30');
    expect(offsetWords(60, en)).toBe('1 hour ahead of UTC');
    expect(offsetWords(-330, en)).toBe('5 hours and 30 minutes behind UTC');
    expect(offsetWords(0, es)).toBe('a la misma hora que UTC');
    expect(offsetWords(-360, es)).toBe('6 horas por detrás de UTC');
    // Madrid keeps summer time: the offset depends on the date.
    expect(phoneOffsetMinutes(at('2026-12-05T12:00:00Z'))).toBe(60);
    expect(phoneOffsetMinutes(at('2026-07-05T12:00:00Z'))).toBe(120);
  });

  test('the export is named by the phone’s date', () => {
    expect(statementFileName(at('2026-11-25T23:30:00Z'))).toBe('tally-statement-2026-11-26.csv');
  });
});
