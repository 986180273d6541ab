/**
 * Which source blocks each fountain frame combines. Sender and receiver work
 * this out separately from (transfer id, frame index), so a frame never lists
 * its blocks on the wire. Both phones must agree to the bit whatever engine
 * runs them, so everything here is integer arithmetic or IEEE operations that
 * the language defines exactly (+, -, *, /, Math.sqrt); Math.log is only
 * "implementation-approximated", hence naturalLog below.
 *
 * This is part of the wire format: changing anything here makes old frames
 * decode to garbage (the sealed payload's authentication would then refuse it).
 */

/** k ≤ 65535 keeps tables and per-frame work small on a phone. */
export const MAX_BLOCKS = 65535;

/**
 * Robust soliton parameters, chosen by measuring frames needed for 5 to 3,000
 * blocks (with the elimination end game of fountain-solve.ts): 4-22% beyond k.
 */
const SOLITON_C = 0.05;
const SOLITON_DELTA = 0.5;
const TWO_POW_32 = 0x100000000;
const LN2 = 0.6931471805599453;

/** A 32-bit avalanche step (MurmurHash3's finaliser constants). */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * A small generator of 32-bit values for one frame, keyed by the transfer id
 * (8 bytes) and the frame index. Kept here rather than shared with the demo's
 * generator so that nothing else can ever change what a frame means.
 */
export function frameRandom(transferId: Uint8Array, index: number): () => number {
  const high = ((transferId[0]! << 24) | (transferId[1]! << 16) | (transferId[2]! << 8) | transferId[3]!) >>> 0;
  const low = ((transferId[4]! << 24) | (transferId[5]! << 16) | (transferId[6]! << 8) | transferId[7]!) >>> 0;
  let state = mix(mix(mix(high) ^ low) ^ (index >>> 0));
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    return mix(state);
  };
}

/** ln(x) for x > 0 from exactly rounded operations only, so every engine agrees. */
export function naturalLog(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError('naturalLog takes a finite positive number');
  let exponent = 0;
  while (x >= 2) {
    x /= 2;
    exponent++;
  }
  while (x < 1) {
    x *= 2;
    exponent--;
  }
  // Centre the mantissa on 1 so the series below converges fast.
  if (x > Math.SQRT2) {
    x /= 2;
    exponent++;
  }
  const s = (x - 1) / (x + 1);
  const s2 = s * s;
  let term = s;
  let sum = 0;
  // |s| < 0.172: 14 odd powers take the error below a double's precision.
  for (let n = 1; n < 29; n += 2) {
    sum += term / n;
    term *= s2;
  }
  return 2 * sum + exponent * LN2;
}

/**
 * The robust soliton distribution over degrees 1..k as cumulative thresholds
 * in units of 2^-32: a frame's degree is the first d whose threshold exceeds
 * a uniform 32-bit draw.
 */
export function degreeThresholds(k: number): Float64Array {
  if (!Number.isInteger(k) || k < 1 || k > MAX_BLOCKS) throw new RangeError('block count out of range');
  const weights = new Float64Array(k + 1);
  weights[1] = 1 / k;
  for (let d = 2; d <= k; d++) weights[d] = 1 / (d * (d - 1));
  const r = SOLITON_C * naturalLog(k / SOLITON_DELTA) * Math.sqrt(k);
  const spike = Math.min(k, Math.max(1, Math.round(k / r)));
  for (let d = 1; d < spike; d++) weights[d]! += r / (d * k);
  // For tiny k, R/δ can fall below 1 and the spike's weight would turn negative.
  if (r / SOLITON_DELTA > 1) weights[spike]! += (r * naturalLog(r / SOLITON_DELTA)) / k;
  let total = 0;
  for (let d = 1; d <= k; d++) total += weights[d]!;
  const thresholds = new Float64Array(k + 1);
  let cumulative = 0;
  for (let d = 1; d <= k; d++) {
    cumulative += weights[d]!;
    thresholds[d] = Math.floor((cumulative / total) * TWO_POW_32);
  }
  thresholds[k] = TWO_POW_32;
  return thresholds;
}

function sampleDegree(thresholds: Float64Array, draw: number): number {
  let low = 1;
  let high = thresholds.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (draw < thresholds[middle]!) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Uniform in [0, n): the product stays below 2^53, so it is exact. */
function below(n: number, next: () => number): number {
  return Math.floor((next() * n) / TWO_POW_32);
}

function distinct(count: number, k: number, next: () => number): Set<number> {
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(below(k, next));
  return chosen;
}

/**
 * The blocks frame `index` combines: a degree drawn from the robust soliton
 * distribution, then that many distinct blocks, all from the frame's own
 * generator. Every frame is alike, so no frame matters more than another and
 * a receiver may start anywhere in the stream.
 */
export function frameBlocks(transferId: Uint8Array, index: number, k: number, thresholds: Float64Array): number[] {
  const next = frameRandom(transferId, index);
  const degree = sampleDegree(thresholds, next());
  // Drawing until distinct is quick for small degrees; a large one is drawn as the blocks it leaves out.
  if (degree * 2 <= k) return [...distinct(degree, k, next)];
  const left = distinct(k - degree, k, next);
  const blocks: number[] = [];
  for (let b = 0; b < k; b++) if (!left.has(b)) blocks.push(b);
  return blocks;
}
