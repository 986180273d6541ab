import { describe, expect, it } from 'vitest';
import {
  AUTO_LOCK_CHOICES,
  DEFAULT_AUTO_LOCK,
  FREE_ATTEMPTS,
  MAX_WAIT_MS,
  nextAttemptAt,
  parseAutoLockChoice,
  shouldLock,
  waitAfterFailures,
} from '../../../src/domain/lock-policy';

const T = Date.UTC(2026, 10, 1, 12);
const SECOND = 1_000;
const MINUTE = 60 * SECOND;

describe('waits between passphrase attempts', () => {
  it('lets the first five failures be retried at once', () => {
    expect(FREE_ATTEMPTS).toBe(5);
    for (let failures = 0; failures < FREE_ATTEMPTS; failures++) expect(nextAttemptAt(failures, T)).toBe(T);
  });

  it('then waits 30 s, doubling up to 15 minutes, and stays there', () => {
    const waits = [5, 6, 7, 8, 9, 10, 11, 50, 1_000_000].map(waitAfterFailures);
    expect(waits).toEqual([30 * SECOND, MINUTE, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE, 15 * MINUTE, 15 * MINUTE, MAX_WAIT_MS, MAX_WAIT_MS]);
    expect(nextAttemptAt(6, T)).toBe(T + MINUTE);
  });

  it('never shortens as failures grow', () => {
    for (let failures = 0; failures < 40; failures++) {
      expect(waitAfterFailures(failures + 1)).toBeGreaterThanOrEqual(waitAfterFailures(failures));
    }
  });

  it('waits the longest for a count that cannot be real', () => {
    for (const failures of [-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(waitAfterFailures(failures)).toBe(MAX_WAIT_MS);
  });

  it('limits someone holding the phone to a handful of guesses an hour', () => {
    let failures = 0;
    let at = T;
    while (at < T + 24 * 60 * MINUTE) {
      at = nextAttemptAt(failures, at);
      failures += 1;
    }
    expect(failures).toBeLessThan(110);
  });
});

describe('locking by itself', () => {
  it('offers 1, 5, 15 and 60 minutes and never, with 5 by default', () => {
    expect(AUTO_LOCK_CHOICES).toEqual([1, 5, 15, 60, 'never']);
    expect(DEFAULT_AUTO_LOCK).toBe(5);
  });

  it('locks once the chosen time without activity has passed', () => {
    for (const minutes of [1, 5, 15, 60] as const) {
      expect(shouldLock(T, T + minutes * MINUTE - 1, minutes)).toBe(false);
      expect(shouldLock(T, T + minutes * MINUTE, minutes)).toBe(true);
    }
  });

  it('never locks by itself when the member chose never', () => {
    expect(shouldLock(T, T + 365 * 24 * 60 * MINUTE, 'never')).toBe(false);
  });

  it('locks when the clock went backwards', () => {
    expect(shouldLock(T, T - SECOND, 60)).toBe(true);
  });

  it('reads a stored choice, and anything unknown as the default', () => {
    expect(parseAutoLockChoice(15)).toBe(15);
    expect(parseAutoLockChoice('never')).toBe('never');
    for (const value of [undefined, null, 0, 2, '5', {}]) expect(parseAutoLockChoice(value)).toBe(DEFAULT_AUTO_LOCK);
  });
});
