/** The clock and randomness the app layer hands to the pure core. */
export interface AppDeps {
  readonly now: () => number;
  readonly random: (length: number) => Uint8Array;
  /** Runs a task when the phone is not busy drawing the screen. */
  readonly idle: (task: () => void) => void;
  /**
   * Prefixes the names of a circle's databases. A phone has one storage and
   * leaves it empty; tests that run several phones in one process give each
   * its own, as separate phones would have.
   */
  readonly storageScope?: string;
}

export const platformDeps: AppDeps = {
  now: () => Date.now(),
  random: (length) => crypto.getRandomValues(new Uint8Array(length)),
  idle: (task) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: 5000 });
    else setTimeout(task, 1500);
  },
};
