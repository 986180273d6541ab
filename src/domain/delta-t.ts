/**
 * ΔT = TD − UT: how far the Earth's rotation (civil time) lags uniform
 * dynamical time, from the polynomial expressions of Espenak and Meeus used
 * by NASA's eclipse canons. From 1900 to the present they follow the observed
 * values to a few seconds; after it they are a forecast, a minute or two
 * uncertain by 2100; far from the present ΔT is known only to minutes or hours.
 */

interface Segment {
  // The first decimal year this segment covers; it runs up to the next one's start.
  readonly from: number;
  readonly origin: number;
  readonly scale: number;
  // Coefficients of the polynomial in (year − origin) / scale, constant term first.
  readonly coefficients: readonly number[];
}

// The published expressions, written with fractions such as t²/233 turned into
// coefficients so that every segment is evaluated the same way.
const SEGMENTS: readonly Segment[] = [
  { from: -500, origin: 0, scale: 100, coefficients: [10583.6, -1014.41, 33.78311, -5.952053, -0.1798452, 0.022174192, 0.0090316521] },
  { from: 500, origin: 1000, scale: 100, coefficients: [1574.2, -556.01, 71.23472, 0.319781, -0.8503463, -0.005050998, 0.0083572073] },
  { from: 1600, origin: 1600, scale: 1, coefficients: [120, -0.9808, -0.01532, 1 / 7129] },
  { from: 1700, origin: 1700, scale: 1, coefficients: [8.83, 0.1603, -0.0059285, 0.00013336, -1 / 1174000] },
  {
    from: 1800,
    origin: 1800,
    scale: 1,
    coefficients: [13.72, -0.332447, 0.0068612, 0.0041116, -0.00037436, 0.0000121272, -0.0000001699, 0.000000000875],
  },
  { from: 1860, origin: 1860, scale: 1, coefficients: [7.62, 0.5737, -0.251754, 0.01680668, -0.0004473624, 1 / 233174] },
  { from: 1900, origin: 1900, scale: 1, coefficients: [-2.79, 1.494119, -0.0598939, 0.0061966, -0.000197] },
  { from: 1920, origin: 1920, scale: 1, coefficients: [21.2, 0.84493, -0.0761, 0.0020936] },
  { from: 1941, origin: 1950, scale: 1, coefficients: [29.07, 0.407, -1 / 233, 1 / 2547] },
  { from: 1961, origin: 1975, scale: 1, coefficients: [45.45, 1.067, -1 / 260, -1 / 718] },
  { from: 1986, origin: 2000, scale: 1, coefficients: [63.86, 0.3345, -0.060374, 0.0017275, 0.000651814, 0.00002373599] },
  { from: 2005, origin: 2000, scale: 1, coefficients: [62.92, 0.32217, 0.005589] },
];

const FORECAST_FROM = 2050;
const LONG_TERM_FROM = 2150;

/**
 * ΔT in seconds at a decimal year (2024.5 is the middle of 2024). Any finite
 * year gives an answer; outside −500..2150 it is the long-term parabola, whose
 * error grows to hours within a few thousand years.
 */
export function deltaTSeconds(year: number): number {
  const first = SEGMENTS[0]!;
  if (year < first.from || year >= LONG_TERM_FROM) return longTerm(year);
  // The forecast for 2050–2150 bends the long-term parabola so that it meets
  // the 2005–2050 expression; it is a forecast, with minutes of uncertainty by 2100.
  if (year >= FORECAST_FROM) return longTerm(year) - 0.5628 * (LONG_TERM_FROM - year);
  let segment = first;
  for (const candidate of SEGMENTS) {
    if (candidate.from > year) break;
    segment = candidate;
  }
  const u = (year - segment.origin) / segment.scale;
  let sum = 0;
  for (let i = segment.coefficients.length - 1; i >= 0; i--) sum = sum * u + segment.coefficients[i]!;
  return sum;
}

function longTerm(year: number): number {
  const u = (year - 1820) / 100;
  return -20 + 32 * u * u;
}
