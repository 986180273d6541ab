/**
 * The cycle of an instant, asked tens of thousands of times when a ledger is
 * built: each cycle is computed once from the astronomy and then found by a
 * binary search over the cycles already known.
 */
import { cycleAt } from './cycles';
import type { Cycle, ResetRule } from './cycles';

export function cycleIndexer(rule: ResetRule): (at: number) => number {
  const known: Cycle[] = [];
  return (at) => {
    let low = 0;
    let high = known.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const cycle = known[middle]!;
      if (at < cycle.start.getTime()) high = middle;
      else if (at >= cycle.end.getTime()) low = middle + 1;
      else return cycle.index;
    }
    const cycle = cycleAt(rule, new Date(at));
    known.splice(low, 0, cycle);
    return cycle.index;
  };
}
