// The benchmark circle: three years of a 150-member circle from the same
// generator and seed as the demo, grown with profile changes to the size a
// bench needs. The generator draws the profile changes last, so a smaller
// bench circle is a prefix of a larger one, and its first records are the demo's.
import { DEMO_OPTIONS, syntheticCircle } from '../../src/demo/synthetic';
import type { SyntheticCircle } from '../../src/demo/synthetic';
import { note } from './stats';

export const BENCH_MEMBERS = 150;

/** A circle of exactly `totalRecords` signed records: the founding, 149 admissions, and profile changes. */
export function benchCircle(totalRecords: number): SyntheticCircle {
  const started = performance.now();
  const circle = syntheticCircle({
    seed: DEMO_OPTIONS.seed,
    members: BENCH_MEMBERS,
    start: DEMO_OPTIONS.start,
    days: 3 * 365,
    profileChanges: totalRecords - BENCH_MEMBERS,
  });
  // The generator skips a profile change of someone who joined on the last day; none here, but the size must be exact.
  if (circle.records.length !== totalRecords) {
    throw new Error(`the bench circle has ${circle.records.length} records, not ${totalRecords}`);
  }
  note(`setup: signed ${totalRecords} synthetic records in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return circle;
}
