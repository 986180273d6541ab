import { describe, expect, it } from 'vitest';
import { fullMoonsBetween, lunationAt, moonPhaseAt, newMoonsBetween, phaseInstant, phaseJde } from '../../../src/domain/lunar';
import type { MoonPhaseName } from '../../../src/domain/lunar';
import { deltaTSeconds } from '../../../src/domain/delta-t';
import { FIRST_QUARTERS, FULL_MOONS, LAST_QUARTERS, NEW_MOONS, NEW_MOONS_BEFORE_1900 } from '../../fixtures/moon-phases';

const DAY = 86_400_000;
const TWO_MINUTES = 120_000;
const at = (iso: string): Date => new Date(iso);
const utcYear = (year: number): Date => new Date(Date.UTC(year, 0, 1));

/** The one instant the function finds within two days of a table entry, in ms. */
function nearest(find: (from: Date, to: Date) => Date[], iso: string): number {
  const table = Date.parse(iso);
  const found = find(new Date(table - 2 * DAY), new Date(table + 2 * DAY));
  expect(found, iso).toHaveLength(1);
  return found[0]!.getTime();
}

describe('phaseJde', () => {
  it('reproduces Meeus example 49.a, the new moon of 1977 February, to within a second', () => {
    const jde = phaseJde(-283);
    expect(Math.abs(jde - 2443192.65118) * 86_400).toBeLessThan(1);
    // JDE 2443192.65118 is 1977-02-18 03:37:42 TD.
    const asCalendar = new Date(Math.round((jde - 2440587.5) * 86_400) * 1000);
    expect(asCalendar.toISOString()).toBe('1977-02-18T03:37:42.000Z');
  });

  it('refuses a k that is not a principal phase', () => {
    expect(() => phaseJde(0.3)).toThrow(RangeError);
    expect(() => phaseJde(Number.NaN)).toThrow(RangeError);
    expect(() => phaseJde(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('against the published tables', () => {
  it.each(NEW_MOONS)('finds the new moon of %s within two minutes', (iso) => {
    expect(Math.abs(nearest(newMoonsBetween, iso) - Date.parse(iso))).toBeLessThanOrEqual(TWO_MINUTES);
  });

  it.each(FULL_MOONS)('finds the full moon of %s within two minutes', (iso) => {
    expect(Math.abs(nearest(fullMoonsBetween, iso) - Date.parse(iso))).toBeLessThanOrEqual(TWO_MINUTES);
  });

  it.each(NEW_MOONS_BEFORE_1900)('still finds the new moon of %s, before 1900, within two minutes', (iso) => {
    expect(Math.abs(nearest(newMoonsBetween, iso) - Date.parse(iso))).toBeLessThanOrEqual(TWO_MINUTES);
  });

  it('is within a minute of every table entry up to 2080, where the ΔT forecasts still agree', () => {
    for (const [list, find] of [
      [NEW_MOONS, newMoonsBetween],
      [FULL_MOONS, fullMoonsBetween],
    ] as const) {
      for (const iso of list.filter((entry) => entry < '2080')) {
        expect(Math.abs(nearest(find, iso) - Date.parse(iso)), iso).toBeLessThanOrEqual(60_000);
      }
    }
  });

  it('places the quarters within two minutes too', () => {
    for (const [list, phase] of [
      [FIRST_QUARTERS, 'first-quarter'],
      [LAST_QUARTERS, 'last-quarter'],
    ] as const) {
      for (const iso of list) {
        const table = Date.parse(iso);
        const found = phaseInstant(phase, lunationAt(phase, table + DAY));
        expect(Math.abs(found - table), iso).toBeLessThanOrEqual(TWO_MINUTES);
      }
    }
  });
});

describe('newMoonsBetween and fullMoonsBetween', () => {
  it('give 12 or 13 new moons in every calendar year from 1900 to 2100, 29.27 to 29.84 days apart', () => {
    for (let year = 1900; year <= 2100; year++) {
      const moons = newMoonsBetween(utcYear(year), utcYear(year + 1));
      expect([12, 13], String(year)).toContain(moons.length);
      for (let i = 1; i < moons.length; i++) {
        const days = (moons[i]!.getTime() - moons[i - 1]!.getTime()) / DAY;
        expect(days).toBeGreaterThanOrEqual(29.27);
        expect(days).toBeLessThanOrEqual(29.84);
      }
    }
  });

  it('list about 2474 lunations from 1900 to 2100, strictly ascending, a full moon between each pair of new moons', () => {
    const news = newMoonsBetween(utcYear(1900), utcYear(2100));
    const fulls = fullMoonsBetween(utcYear(1900), utcYear(2100));
    expect(news).toHaveLength(2474);
    expect(fulls).toHaveLength(2474);
    // Both lists start with the lunation that began on 1900-01-01.
    for (let i = 1; i < news.length; i++) {
      expect(news[i]!.getTime()).toBeGreaterThan(news[i - 1]!.getTime());
      expect(fulls[i - 1]!.getTime()).toBeGreaterThan(news[i - 1]!.getTime());
      expect(fulls[i - 1]!.getTime()).toBeLessThan(news[i]!.getTime());
    }
  });

  it('include from and exclude to', () => {
    const moon = newMoonsBetween(at('2024-01-01T00:00Z'), at('2024-02-01T00:00Z'))[0]!;
    expect(newMoonsBetween(moon, new Date(moon.getTime() + 1))).toEqual([moon]);
    expect(newMoonsBetween(new Date(moon.getTime() - 1), moon)).toEqual([]);
    expect(newMoonsBetween(new Date(moon.getTime() + 1), new Date(moon.getTime() + 20 * DAY))).toEqual([]);
  });

  it('give nothing when from is not before to', () => {
    expect(newMoonsBetween(utcYear(2025), utcYear(2025))).toEqual([]);
    expect(fullMoonsBetween(utcYear(2026), utcYear(2025))).toEqual([]);
  });

  it('refuse dates that are not instants', () => {
    const invalid = new Date(Number.NaN);
    expect(() => newMoonsBetween(invalid, utcYear(2025))).toThrow(RangeError);
    expect(() => fullMoonsBetween(utcYear(2025), invalid)).toThrow(RangeError);
  });

  it('give instants on whole seconds', () => {
    for (const moon of newMoonsBetween(utcYear(2024), utcYear(2027))) expect(moon.getTime() % 1000).toBe(0);
  });

  it('still compute far outside 1900–2100, about one lunation in 29.5 days', () => {
    for (const year of [-1000, 1000, 1600, 2500, 4000]) {
      const moons = newMoonsBetween(utcYear(year), utcYear(year + 10));
      expect(moons.length, String(year)).toBeGreaterThanOrEqual(123);
      expect(moons.length, String(year)).toBeLessThanOrEqual(125);
      for (let i = 1; i < moons.length; i++) expect(moons[i]!.getTime()).toBeGreaterThan(moons[i - 1]!.getTime());
    }
  });
});

describe('phaseInstant and lunationAt', () => {
  it('number lunations from the new moon of 2000-01-06', () => {
    expect(Math.abs(phaseInstant('new', 0) - Date.parse('2000-01-06T18:14Z'))).toBeLessThanOrEqual(TWO_MINUTES);
    expect(Math.abs(phaseInstant('full', 0) - Date.parse('2000-01-21T04:40Z'))).toBeLessThanOrEqual(TWO_MINUTES);
    expect(Math.abs(phaseInstant('new', -283) - Date.parse('1977-02-18T03:37:42Z') + deltaTSeconds(1977.13) * 1000)).toBeLessThan(2000);
  });

  it('put each phase instant in its own lunation and the millisecond before in the previous one', () => {
    for (const phase of ['new', 'first-quarter', 'full', 'last-quarter'] as const) {
      for (const k of [-1237, -283, -1, 0, 1, 300, 1236]) {
        const instant = phaseInstant(phase, k);
        expect(lunationAt(phase, instant)).toBe(k);
        expect(lunationAt(phase, instant - 1)).toBe(k - 1);
      }
    }
  });

  it('find the lunation of instants thousands of years away', () => {
    for (const year of [-3000, 5000]) {
      const ms = Date.UTC(year, 5, 1);
      const k = lunationAt('new', ms);
      expect(phaseInstant('new', k)).toBeLessThanOrEqual(ms);
      expect(phaseInstant('new', k + 1)).toBeGreaterThan(ms);
    }
  });

  it('refuse what is not a lunation or an instant', () => {
    expect(() => phaseInstant('new', 0.5)).toThrow(RangeError);
    expect(() => lunationAt('full', Number.NaN)).toThrow(RangeError);
  });
});

describe('moonPhaseAt', () => {
  it.each(NEW_MOONS)("calls the table's new moon of %s new, with almost nothing lit", (iso) => {
    const moon = moonPhaseAt(at(iso));
    expect(moon.phase).toBe('new');
    expect(moon.illumination).toBeLessThan(0.02);
  });

  it.each(FULL_MOONS)("calls the table's full moon of %s full, almost all lit", (iso) => {
    const moon = moonPhaseAt(at(iso));
    expect(moon.phase).toBe('full');
    expect(moon.illumination).toBeGreaterThan(0.98);
  });

  it('calls the quarters of the tables quarters, about half lit', () => {
    for (const [list, name] of [
      [FIRST_QUARTERS, 'first-quarter'],
      [LAST_QUARTERS, 'last-quarter'],
    ] as const) {
      for (const iso of list) {
        const moon = moonPhaseAt(at(iso));
        expect(moon.phase, iso).toBe(name);
        expect(moon.illumination).toBeCloseTo(0.5, 1);
      }
    }
  });

  it('names the day either side of the true new moon new, and the days after it a waxing crescent', () => {
    const newMoon = phaseInstant('new', 300);
    expect(moonPhaseAt(new Date(newMoon - DAY + 1000)).phase).toBe('new');
    expect(moonPhaseAt(new Date(newMoon + DAY - 1000)).phase).toBe('new');
    expect(moonPhaseAt(new Date(newMoon + DAY + 1000)).phase).toBe('waxing-crescent');
    expect(moonPhaseAt(new Date(newMoon - DAY - 1000)).phase).toBe('waning-crescent');
  });

  it('goes through the eight names in order, with the light growing to full and shrinking after', () => {
    const order: readonly MoonPhaseName[] = ['new', 'waxing-crescent', 'first-quarter', 'waxing-gibbous', 'full', 'waning-gibbous', 'last-quarter', 'waning-crescent'];
    const start = phaseInstant('new', 310);
    const end = phaseInstant('new', 311);
    const fullMoon = phaseInstant('full', 310);
    let stage = 0;
    let previous = moonPhaseAt(new Date(start));
    expect(previous).toMatchObject({ age: 0, fraction: 0, phase: 'new' });
    expect(previous.illumination).toBeLessThan(1e-9);
    for (let ms = start + 3_600_000; ms < end; ms += 3_600_000) {
      const moon = moonPhaseAt(new Date(ms));
      let index = order.indexOf(moon.phase);
      if (index === 0 && stage > 0) index = order.length;
      expect(index).toBeGreaterThanOrEqual(stage);
      expect(index - stage).toBeLessThanOrEqual(1);
      stage = index;
      // Across the full moon itself either hour may be the brighter.
      if (ms <= fullMoon) expect(moon.illumination).toBeGreaterThan(previous.illumination);
      else if (ms - 3_600_000 > fullMoon) expect(moon.illumination).toBeLessThan(previous.illumination);
      expect(moon.age).toBeCloseTo((ms - start) / DAY, 9);
      expect(moon.fraction).toBeGreaterThan(previous.fraction);
      expect(moon.fraction).toBeLessThan(1);
      previous = moon;
    }
    expect(stage).toBe(order.length);
  });

  it('refuses a date that is not an instant', () => {
    expect(() => moonPhaseAt(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('deltaTSeconds', () => {
  it('gives the published expressions at their origins', () => {
    expect(deltaTSeconds(1900)).toBeCloseTo(-2.79, 6);
    expect(deltaTSeconds(1950)).toBeCloseTo(29.07, 6);
    expect(deltaTSeconds(1975)).toBeCloseTo(45.45, 6);
    expect(deltaTSeconds(2000)).toBeCloseTo(63.86, 6);
    expect(deltaTSeconds(2100)).toBeCloseTo(-20 + 32 * 2.8 * 2.8 - 0.5628 * 50, 6);
    expect(deltaTSeconds(3000)).toBeCloseTo(-20 + 32 * 11.8 * 11.8, 6);
  });

  it('steps by less than half a second where one expression hands over to the next', () => {
    for (const boundary of [-500, 500, 1600, 1700, 1800, 1860, 1900, 1920, 1941, 1961, 1986, 2005, 2050, 2150]) {
      expect(Math.abs(deltaTSeconds(boundary) - deltaTSeconds(boundary - 1e-9)), String(boundary)).toBeLessThan(0.5);
    }
  });
});
