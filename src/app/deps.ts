import { Keyring } from '../replica/keyring';

/** The clock, randomness and keys the app layer hands to the pure core. */
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
  /** Opens and protects key envelopes: with the app lock on, only while unlocked. */
  readonly keyring: Keyring;
}

export const platformDeps: AppDeps = {
  now: () => Date.now(),
  random: (length) => crypto.getRandomValues(new Uint8Array(length)),
  keyring: new Keyring(),
  idle: (task) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: 5000 });
    else setTimeout(task, 1500);
  },
};
