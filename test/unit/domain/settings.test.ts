import { describe, expect, it } from 'vitest';
import { projectCircle } from '../../../src/domain/circle';
import type { CircleSettingsChanged } from '../../../src/domain/events';
import {
  DEFAULT_SETTINGS,
  MAX_LIMIT_QUARTERS,
  projectSettings,
  projectThemes,
  settingsAt,
  settingsHistory,
  validateSettings,
} from '../../../src/domain/settings';
import type { CircleSettings } from '../../../src/domain/settings';
import { admitted, circle, circleEvents, DAY, HOUR, key, settingsChanged, T0, themed } from '../../fixtures/ledger';

const members = circle(3);

describe('DEFAULT_SETTINGS', () => {
  it('resets at the new moon with soft limits of −10 and +20 hours', () => {
    expect(DEFAULT_SETTINGS).toEqual({ resetRule: { kind: 'new-moon' }, lowerLimit: -40, upperLimit: 80, limitMode: 'soft' });
    expect(validateSettings(DEFAULT_SETTINGS).ok).toBe(true);
  });
});

describe('validateSettings', () => {
  const with_ = (change: Partial<CircleSettings>): CircleSettings => ({ ...DEFAULT_SETTINGS, ...change });
  const problems = (settings: CircleSettings): readonly string[] => {
    const result = validateSettings(settings);
    return result.ok ? [] : result.problems;
  };

  it('accepts limits of zero and the widest limits', () => {
    expect(problems(with_({ lowerLimit: 0, upperLimit: 0 }))).toEqual([]);
    expect(problems(with_({ lowerLimit: -MAX_LIMIT_QUARTERS, upperLimit: MAX_LIMIT_QUARTERS, limitMode: 'hard' }))).toEqual([]);
    expect(MAX_LIMIT_QUARTERS).toBe(200 * 4);
  });

  it.each([
    [{ lowerLimit: 4 }, 'lower-limit-above-zero'],
    [{ upperLimit: -4 }, 'upper-limit-below-zero'],
    [{ lowerLimit: -1.5 }, 'lower-limit-not-integer'],
    [{ upperLimit: Number.NaN }, 'upper-limit-not-integer'],
    [{ lowerLimit: -MAX_LIMIT_QUARTERS - 1 }, 'lower-limit-too-far'],
    [{ upperLimit: Number.POSITIVE_INFINITY }, 'upper-limit-not-integer'],
    [{ upperLimit: MAX_LIMIT_QUARTERS + 1 }, 'upper-limit-too-far'],
    [{ limitMode: 'strict' as 'hard' }, 'unknown-limit-mode'],
    [{ resetRule: { kind: 'equinox' } as unknown as CircleSettings['resetRule'] }, 'unknown-reset-rule'],
    [{ resetRule: { kind: 'day-of-month', day: 0, utcOffsetMinutes: 0 } }, 'reset-day-out-of-range'],
    [{ resetRule: { kind: 'day-of-month', day: 29, utcOffsetMinutes: 0 } }, 'reset-day-out-of-range'],
    [{ resetRule: { kind: 'day-of-month', day: 1, utcOffsetMinutes: 900 } }, 'utc-offset-out-of-range'],
    [{ resetRule: { kind: 'day-of-month', day: 1, utcOffsetMinutes: 20 } }, 'utc-offset-not-quarter-hour'],
    [{ resetRule: null as unknown as CircleSettings['resetRule'] }, 'unknown-reset-rule'],
  ] as const)('rejects %j: %s', (change, problem) => {
    expect(problems(with_(change as Partial<CircleSettings>))).toEqual([problem]);
  });

  it('lists every problem at once', () => {
    expect(problems(with_({ lowerLimit: 1, upperLimit: -1 }))).toEqual(['lower-limit-above-zero', 'upper-limit-below-zero']);
  });

  it('accepts a day-of-month rule with an offset', () => {
    expect(problems(with_({ resetRule: { kind: 'day-of-month', day: 28, utcOffsetMinutes: -345 } }))).toEqual([]);
  });
});

describe('projectSettings', () => {
  it('is the defaults when nothing changed them', () => {
    expect(projectSettings(circleEvents(3), members)).toEqual({ current: DEFAULT_SETTINGS, history: [], ignored: [] });
  });

  it('takes the latest change by time, then id, whatever the order', () => {
    const a = settingsChanged({ author: key(1), at: T0 + HOUR, upperLimit: 40 });
    const b = settingsChanged({ author: key(2), at: T0 + 2 * HOUR, upperLimit: 60, id: 'b' });
    const c = settingsChanged({ author: key(0), at: T0 + 2 * HOUR, upperLimit: 100, limitMode: 'hard', id: 'c' });
    for (const events of [
      [a, b, c],
      [c, b, a],
    ]) {
      const state = projectSettings(events, members);
      expect(state.current).toEqual({ resetRule: { kind: 'new-moon' }, lowerLimit: -40, upperLimit: 100, limitMode: 'hard' });
      expect(state.history.map((change) => change.id)).toEqual([a.id, 'b', 'c']);
    }
    expect(settingsHistory([a], members)).toEqual([
      { id: a.id, changedBy: key(1), at: T0 + HOUR, settings: { ...DEFAULT_SETTINGS, upperLimit: 40 } },
    ]);
  });

  it('ignores changes by non-members, by members before they joined, and invalid ones', () => {
    const late = projectCircle([...circleEvents(2), admitted('late', T0 + DAY)]);
    const events: CircleSettingsChanged[] = [
      settingsChanged({ author: 'stranger', at: T0, upperLimit: 8 }),
      settingsChanged({ author: 'late', at: T0 + HOUR, upperLimit: 12 }),
      settingsChanged({ author: key(1), at: T0 + 2 * HOUR, lowerLimit: 8 }),
    ];
    const state = projectSettings(events, late);
    expect(state.current).toEqual(DEFAULT_SETTINGS);
    expect(state.ignored.map((entry) => entry.reason)).toEqual(['awaiting-history', 'not-a-member-then', 'invalid']);
  });

  it('tells which settings were in force at a given time', () => {
    const history = projectSettings(
      [settingsChanged({ at: T0 + HOUR, upperLimit: 40 }), settingsChanged({ at: T0 + 3 * HOUR, upperLimit: 60 })],
      members,
    ).history;
    expect(settingsAt(history, T0).upperLimit).toBe(80);
    expect(settingsAt(history, T0 + HOUR).upperLimit).toBe(40);
    expect(settingsAt(history, T0 + 2 * HOUR).upperLimit).toBe(40);
    expect(settingsAt(history, T0 + 4 * HOUR).upperLimit).toBe(60);
  });
});

describe('projectThemes', () => {
  it('keeps the latest valid theme of each cycle', () => {
    const themes = projectThemes(
      [
        themed(3, 'Winter repairs', key(1), T0 + 2 * HOUR),
        themed(3, 'Seeds', key(2), T0 + HOUR),
        themed(4, 'Childcare', key(0), T0 + HOUR),
        themed(4, '  padded  ', key(0), T0 + 2 * HOUR),
        themed(4, '', key(0), T0 + 3 * HOUR),
        themed(5, 'x'.repeat(81), key(0), T0 + HOUR),
        themed(6, 'By a stranger', 'stranger', T0 + HOUR),
      ],
      members,
    );
    expect([...themes.keys()].sort()).toEqual([3, 4]);
    expect(themes.get(3)).toMatchObject({ theme: 'Winter repairs', setBy: key(1) });
    expect(themes.get(4)?.theme).toBe('Childcare');
  });

  it('ignores a theme for a cycle that is not an integer', () => {
    expect(projectThemes([themed(1.5, 'Half')], members).size).toBe(0);
  });
});
