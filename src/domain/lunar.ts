/**
 * The Moon's principal phases from Meeus, Astronomical Algorithms (2nd ed.),
 * chapter 49: the mean phase, the periodic terms and the fourteen planetary
 * arguments give the instant in dynamical time to a few seconds; ΔT turns it
 * into UTC.
 *
 * Against the U.S. Naval Observatory's tables from 1900 to 2100 the instants
 * agree to within two minutes, and to within one up to about 2080 (see
 * test/fixtures/moon-phases.ts); what remains late in the century is the
 * difference between two forecasts of ΔT. Other dates still compute, but the
 * error grows with the uncertainty of ΔT: still within a minute in the 1800s,
 * minutes a few centuries from now, hours in antiquity or millennia ahead.
 *
 * Lunations are numbered as Meeus numbers them: lunation 0 is the new moon of
 * 2000-01-06 and the quarters and full moon that follow it; lunation −1 is the
 * one before.
 */
import { deltaTSeconds } from './delta-t';

/** The four instants of a lunation, in order. */
export type PrincipalPhase = 'new' | 'first-quarter' | 'full' | 'last-quarter';

export type MoonPhaseName =
  | 'new'
  | 'waxing-crescent'
  | 'first-quarter'
  | 'waxing-gibbous'
  | 'full'
  | 'waning-gibbous'
  | 'last-quarter'
  | 'waning-crescent';

export interface MoonPhase {
  /** Days since the previous new moon. */
  readonly age: number;
  /** How far through this lunation, from 0 at its new moon towards 1 at the next. */
  readonly fraction: number;
  /** The illuminated fraction of the disc, 0 to 1, approximate. */
  readonly illumination: number;
  readonly phase: MoonPhaseName;
}

const DAY_MS = 86_400_000;
const MEAN_SYNODIC_MONTH = 29.530588861;
// The Unix epoch is JD 2440587.5, this many days before J2000 (JD 2451545.0).
const J2000_FROM_UNIX_DAYS = 10957.5;
// The mean new moon of lunation 0, in days after J2000 (JDE 2451550.09766).
const LUNATION_ZERO = 5.09766;
const DAYS_PER_YEAR = 365.2425;
const PHASE_OFFSET: Readonly<Record<PrincipalPhase, number>> = { new: 0, 'first-quarter': 0.25, full: 0.5, 'last-quarter': 0.75 };

/**
 * The Julian Ephemeris Day (dynamical time) of Meeus's phase k: a whole number
 * for a new moon, k + 0.25 for the first quarter, + 0.5 full, + 0.75 last quarter.
 */
export function phaseJde(k: number): number {
  if (!Number.isFinite(k) || !Number.isInteger(k * 4)) throw new RangeError(`no principal phase has k = ${k}`);
  return 2451545 + phaseDaysFromJ2000(k);
}

/**
 * When a lunation's new moon, quarter or full moon happens, in milliseconds
 * since the Unix epoch (UTC), rounded to the whole second.
 */
export function phaseInstant(phase: PrincipalPhase, lunation: number): number {
  if (!Number.isSafeInteger(lunation)) throw new RangeError(`a lunation number must be a whole number, not ${lunation}`);
  return cachedInstant(phase, lunation);
}

/**
 * The lunation whose given phase is the latest at or before an instant in
 * milliseconds since the Unix epoch, so that
 * phaseInstant(phase, n) <= at < phaseInstant(phase, n + 1).
 */
export function lunationAt(phase: PrincipalPhase, at: number): number {
  if (!Number.isFinite(at)) throw new RangeError('the instant must be a finite number of milliseconds');
  const days = at / DAY_MS - J2000_FROM_UNIX_DAYS;
  const estimate = (days + deltaTSeconds(decimalYear(days)) / 86_400 - LUNATION_ZERO) / MEAN_SYNODIC_MONTH;
  let k = Math.floor(estimate - PHASE_OFFSET[phase]);
  let start = cachedInstant(phase, k);
  // Near the present the estimate is off by at most one; centuries away the
  // secular terms move the true phases further from the mean, so jump first.
  while (Math.abs(at - start) > 2 * MEAN_SYNODIC_MONTH * DAY_MS) {
    k += Math.round((at - start) / (MEAN_SYNODIC_MONTH * DAY_MS));
    start = cachedInstant(phase, k);
  }
  while (start > at) start = cachedInstant(phase, --k);
  while (cachedInstant(phase, k + 1) <= at) k++;
  return k;
}

/** Every new moon t with from <= t < to, oldest first. */
export function newMoonsBetween(from: Date, to: Date): Date[] {
  return phasesBetween('new', from, to);
}

/** Every full moon t with from <= t < to, oldest first. */
export function fullMoonsBetween(from: Date, to: Date): Date[] {
  return phasesBetween('full', from, to);
}

/**
 * The Moon's phase at an instant. 'new', 'full' and the quarters name the day
 * either side of the true event; the phases between take the days between.
 */
export function moonPhaseAt(at: Date): MoonPhase {
  const ms = finiteTime(at);
  const k = lunationAt('new', ms);
  // The elongation of the Moon from the Sun is 0°, 90°, 180° and 270° at these
  // instants and 360° at the next new moon; between them it is taken as linear
  // in time, good to a few degrees, and the Moon's latitude is ignored.
  const marks = [
    cachedInstant('new', k),
    cachedInstant('first-quarter', k),
    cachedInstant('full', k),
    cachedInstant('last-quarter', k),
    cachedInstant('new', k + 1),
  ] as const;
  let segment = 0;
  while (segment < 3 && ms >= marks[segment + 1]!) segment++;
  const from = marks[segment]!;
  const to = marks[segment + 1]!;
  const elongation = 90 * (segment + (ms - from) / (to - from));

  let phase: MoonPhaseName;
  if (ms - from < DAY_MS) phase = PRINCIPAL_NAMES[segment]!;
  else if (to - ms < DAY_MS) phase = PRINCIPAL_NAMES[segment + 1]!;
  else phase = BETWEEN_NAMES[segment]!;

  return {
    age: (ms - marks[0]) / DAY_MS,
    fraction: (ms - marks[0]) / (marks[4] - marks[0]),
    illumination: (1 - cosDeg(elongation)) / 2,
    phase,
  };
}

const PRINCIPAL_NAMES = ['new', 'first-quarter', 'full', 'last-quarter', 'new'] as const;
const BETWEEN_NAMES = ['waxing-crescent', 'waxing-gibbous', 'waning-gibbous', 'waning-crescent'] as const;

function phasesBetween(phase: PrincipalPhase, from: Date, to: Date): Date[] {
  const start = finiteTime(from);
  const end = finiteTime(to);
  const found: Date[] = [];
  if (start >= end) return found;
  let k = lunationAt(phase, start);
  if (cachedInstant(phase, k) < start) k++;
  for (let instant = cachedInstant(phase, k); instant < end; instant = cachedInstant(phase, ++k)) found.push(new Date(instant));
  return found;
}

function finiteTime(date: Date): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('the date is not a valid instant');
  return ms;
}

// A lunation's instants are asked for again and again (every exchange in a
// cycle needs the same two boundaries); remembering a few thousand is cheap
// and cannot change any answer.
const MEMO_LIMIT = 4096;
const memo = new Map<number, number>();

function cachedInstant(phase: PrincipalPhase, lunation: number): number {
  const k = lunation + PHASE_OFFSET[phase];
  const known = memo.get(k);
  if (known !== undefined) return known;
  const instant = instantOf(k);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(k, instant);
  return instant;
}

function instantOf(k: number): number {
  const tdDays = phaseDaysFromJ2000(k);
  const seconds = (tdDays + J2000_FROM_UNIX_DAYS) * 86_400 - deltaTSeconds(decimalYear(tdDays));
  // Whole seconds: the method is good to seconds, not milliseconds, and a
  // boundary rounded this coarsely stays put if the arithmetic ever changes in
  // its last bits.
  return Math.round(seconds) * 1000;
}

function decimalYear(daysFromJ2000: number): number {
  // J2000 is noon on 2000-01-01, half a day into the year.
  return 2000 + (daysFromJ2000 + 0.5) / DAYS_PER_YEAR;
}

// A periodic term: power of E, multiples of M, M′, F and Ω, then the coefficient(s) in days.
type Term<Coefficients extends readonly number[]> = readonly [e: number, m: number, mPrime: number, f: number, omega: number, ...Coefficients];

// New and full moons share their arguments; only the first seven coefficients differ.
const SYZYGY_TERMS: readonly Term<[newMoon: number, fullMoon: number]>[] = [
  [0, 0, 1, 0, 0, -0.4072, -0.40614],
  [1, 1, 0, 0, 0, 0.17241, 0.17302],
  [0, 0, 2, 0, 0, 0.01608, 0.01614],
  [0, 0, 0, 2, 0, 0.01039, 0.01043],
  [1, -1, 1, 0, 0, 0.00739, 0.00734],
  [1, 1, 1, 0, 0, -0.00514, -0.00515],
  [2, 2, 0, 0, 0, 0.00208, 0.00209],
  [0, 0, 1, -2, 0, -0.00111, -0.00111],
  [0, 0, 1, 2, 0, -0.00057, -0.00057],
  [1, 1, 2, 0, 0, 0.00056, 0.00056],
  [0, 0, 3, 0, 0, -0.00042, -0.00042],
  [1, 1, 0, 2, 0, 0.00042, 0.00042],
  [1, 1, 0, -2, 0, 0.00038, 0.00038],
  [1, -1, 2, 0, 0, -0.00024, -0.00024],
  [0, 0, 0, 0, 1, -0.00017, -0.00017],
  [0, 2, 1, 0, 0, -0.00007, -0.00007],
  [0, 0, 2, -2, 0, 0.00004, 0.00004],
  [0, 3, 0, 0, 0, 0.00004, 0.00004],
  [0, 1, 1, -2, 0, 0.00003, 0.00003],
  [0, 0, 2, 2, 0, 0.00003, 0.00003],
  [0, 1, 1, 2, 0, -0.00003, -0.00003],
  [0, -1, 1, 2, 0, 0.00003, 0.00003],
  [0, -1, 1, -2, 0, -0.00002, -0.00002],
  [0, 1, 3, 0, 0, -0.00002, -0.00002],
  [0, 0, 4, 0, 0, 0.00002, 0.00002],
];

const QUARTER_TERMS: readonly Term<[quarter: number]>[] = [
  [0, 0, 1, 0, 0, -0.62801],
  [1, 1, 0, 0, 0, 0.17172],
  [1, 1, 1, 0, 0, -0.01183],
  [0, 0, 2, 0, 0, 0.00862],
  [0, 0, 0, 2, 0, 0.00804],
  [1, -1, 1, 0, 0, 0.00454],
  [2, 2, 0, 0, 0, 0.00204],
  [0, 0, 1, -2, 0, -0.0018],
  [0, 0, 1, 2, 0, -0.0007],
  [0, 0, 3, 0, 0, -0.0004],
  [1, -1, 2, 0, 0, -0.00034],
  [1, 1, 0, 2, 0, 0.00032],
  [1, 1, 0, -2, 0, 0.00032],
  [2, 2, 1, 0, 0, -0.00028],
  [1, 1, 2, 0, 0, 0.00027],
  [0, 0, 0, 0, 1, -0.00017],
  [0, -1, 1, -2, 0, -0.00005],
  [0, 0, 2, 2, 0, 0.00004],
  [0, 1, 1, 2, 0, -0.00004],
  [0, -2, 1, 0, 0, 0.00004],
  [0, 1, 1, -2, 0, 0.00003],
  [0, 3, 0, 0, 0, 0.00003],
  [0, 0, 2, -2, 0, 0.00002],
  [0, -1, 1, 2, 0, 0.00002],
  [0, 1, 3, 0, 0, -0.00002],
];

// The planetary arguments: amplitude in days, then the argument's constant and its rate per lunation, in degrees.
const PLANETARY: readonly (readonly [amplitude: number, constant: number, rate: number])[] = [
  [0.000325, 299.77, 0.107408],
  [0.000165, 251.88, 0.016321],
  [0.000164, 251.83, 26.651886],
  [0.000126, 349.42, 36.412478],
  [0.00011, 84.66, 18.206239],
  [0.000062, 141.74, 53.303771],
  [0.00006, 207.14, 2.453732],
  [0.000056, 154.84, 7.30686],
  [0.000047, 34.52, 27.261239],
  [0.000042, 207.19, 0.121824],
  [0.00004, 291.34, 1.844379],
  [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099],
  [0.000023, 331.55, 3.592518],
];

// Counted from J2000 rather than as a whole Julian Day, the sum keeps about
// a microsecond of precision instead of forty.
function phaseDaysFromJ2000(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;
  const quarter = (k - Math.floor(k)) * 4;

  const e = 1 - 0.002516 * t - 0.0000074 * t2;
  const m = reduceDegrees(2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3);
  const mPrime = reduceDegrees(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
  const f = reduceDegrees(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
  const omega = reduceDegrees(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
  // Indexed loops rather than destructuring: this runs for every boundary and
  // iterator-based destructuring costs several times the arithmetic.
  // Column 5 holds the new-moon (or quarter) coefficient, column 6 the full-moon one.
  const column = quarter === 2 ? 6 : 5;
  const terms = quarter === 0 || quarter === 2 ? SYZYGY_TERMS : QUARTER_TERMS;
  let days = LUNATION_ZERO + MEAN_SYNODIC_MONTH * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;
  for (let i = 0; i < terms.length; i++) {
    const row = terms[i]!;
    const power = row[0];
    const factor = power === 0 ? 1 : power === 1 ? e : e * e;
    days += row[column]! * factor * sinDeg(row[1] * m + row[2] * mPrime + row[3] * f + row[4] * omega);
  }
  if (quarter === 1 || quarter === 3) {
    const w = 0.00306 - 0.00038 * e * cosDeg(m) + 0.00026 * cosDeg(mPrime) - 0.00002 * cosDeg(mPrime - m) + 0.00002 * cosDeg(mPrime + m) + 0.00002 * cosDeg(2 * f);
    days += quarter === 1 ? w : -w;
  }
  // Only the first planetary argument has a secular term.
  let secular = -0.009173 * t2;
  for (let i = 0; i < PLANETARY.length; i++) {
    const row = PLANETARY[i]!;
    days += row[0] * sinDeg(row[1] + reduceDegrees(row[2] * k) + secular);
    secular = 0;
  }
  return days;
}

// Engines may round Math.sin differently in the last place, and a boundary
// that every phone must agree on cannot depend on that. These use only + − ×
// and floor, which IEEE 754 rounds the same way in every engine.
const RADIANS_PER_DEGREE = Math.PI / 180;

// An angle brought into [0°, 360°]; floor rather than %, which is several times slower.
function reduceDegrees(degrees: number): number {
  return degrees - 360 * Math.floor(degrees * (1 / 360));
}

function sinDeg(degrees: number): number {
  const x = reduceDegrees(degrees);
  const quadrant = Math.floor(x * (1 / 90) + 0.5);
  const r = (x - quadrant * 90) * RADIANS_PER_DEGREE;
  switch (quadrant) {
    case 1:
      return cosSmall(r);
    case 2:
      return -sinSmall(r);
    case 3:
      return -cosSmall(r);
    default:
      return sinSmall(r);
  }
}

function cosDeg(degrees: number): number {
  return sinDeg(degrees + 90);
}

// sin r for |r| <= π/4: the Taylor series to r¹⁵ agrees with Math.sin to a few units in the last place.
function sinSmall(r: number): number {
  const r2 = r * r;
  return r * (1 + r2 * (-1 / 6 + r2 * (1 / 120 + r2 * (-1 / 5040 + r2 * (1 / 362880 + r2 * (-1 / 39916800 + r2 * (1 / 6227020800 + r2 * (-1 / 1307674368000))))))));
}

// cos r for |r| <= π/4: the Taylor series to r¹⁶, as precise.
function cosSmall(r: number): number {
  const r2 = r * r;
  return 1 + r2 * (-1 / 2 + r2 * (1 / 24 + r2 * (-1 / 720 + r2 * (1 / 40320 + r2 * (-1 / 3628800 + r2 * (1 / 479001600 + r2 * (-1 / 87178291200 + r2 * (1 / 20922789888000))))))));
}
