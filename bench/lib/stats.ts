// Small helpers shared by the benches: a figure is the median of repeated
// runs, so one slow run (a GC pause, the other core busy) does not move it.

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Progress and details go to stderr: stdout carries only result lines. */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function summary(values: readonly number[], decimals = 1): string {
  return values.map((value) => value.toFixed(decimals)).join(' ');
}

/** Runs `work` warmup times unmeasured, then `runs` times, and returns each measured run's duration in ms. */
export function timeRuns(work: () => void, warmup: number, runs: number): number[] {
  for (let i = 0; i < warmup; i++) work();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    durations.push(performance.now() - started);
  }
  return durations;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
