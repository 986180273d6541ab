/**
 * When the app lock lets a member try a passphrase again, and when it locks by
 * itself. Pure: the time comes in.
 *
 * Waiting between guesses does not slow an attacker who has copied the
 * phone's storage: they guess offline, and only the key derivation's cost
 * (passphrase.ts) and the passphrase's length stand in their way. The waits are
 * for the person holding the phone, who can only guess through the app: after
 * the cap they get 4 guesses an hour, under a hundred a day, while a member
 * who fumbles a long passphrase on a phone keyboard, perhaps in a hurry, has
 * FREE_ATTEMPTS tries before the first short wait. Five free tries is what
 * phones' own lock screens allow.
 *
 * The clock is the phone's and can be set forward to skip a wait. The caller
 * must store the count of failures and the time of the latest one, or closing
 * and reopening the app would reset them.
 */

/** Failed attempts allowed in a row before the first wait. */
export const FREE_ATTEMPTS = 5;
/** The first wait, after FREE_ATTEMPTS failures; each further failure doubles it. */
export const FIRST_WAIT_MS = 30_000;
/** No wait is longer: 30 s, 1, 2, 4, 8 min, then 15 min for every further failure. */
export const MAX_WAIT_MS = 15 * 60_000;

/** How long after the latest failure the next attempt may be made. */
export function waitAfterFailures(failures: number): number {
  // A count read back from damaged storage waits the longest rather than the least.
  if (!Number.isSafeInteger(failures) || failures < 0) return MAX_WAIT_MS;
  if (failures < FREE_ATTEMPTS) return 0;
  const doublings = failures - FREE_ATTEMPTS;
  // Past 5 doublings the cap holds; stopping there keeps 2 ** n finite for any count.
  return doublings >= 5 ? MAX_WAIT_MS : Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** doublings);
}

/** The earliest time (ms) at which another passphrase may be tried, after `failures` failures in a row. */
export function nextAttemptAt(failures: number, lastFailureAt: number): number {
  return lastFailureAt + waitAfterFailures(failures);
}

/** Minutes without activity before the app locks itself, or never. */
export const AUTO_LOCK_CHOICES = [1, 5, 15, 60, 'never'] as const;
export type AutoLockChoice = (typeof AUTO_LOCK_CHOICES)[number];
export const DEFAULT_AUTO_LOCK: AutoLockChoice = 5;

/** Reads a stored choice; anything else (missing, damaged, from a later version) is the default. */
export function parseAutoLockChoice(value: unknown): AutoLockChoice {
  return AUTO_LOCK_CHOICES.find((choice) => choice === value) ?? DEFAULT_AUTO_LOCK;
}

/**
 * Whether the app should be locked now. A clock that went backwards (now before
 * the last activity) locks too: it costs a member one unlock, while trusting
 * it could keep a phone open indefinitely.
 */
export function shouldLock(lastActivityAt: number, now: number, choice: AutoLockChoice): boolean {
  if (choice === 'never') return false;
  if (now < lastActivityAt) return true;
  return now - lastActivityAt >= choice * 60_000;
}
