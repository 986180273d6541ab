/**
 * The duress passphrase: typed at the lock screen instead of the real one, it
 * erases the circles from this phone (app/lock/panic-wipe.ts).
 *
 * What is stored is a check value, not an envelope: a hash of a key derived
 * from the duress passphrase with its own salt, at the lock's cost. The lock
 * screen derives it beside the real key on every attempt (in parallel), so a
 * wrong passphrase, the real one and the duress one take the same time, and
 * the stored check says nothing cheaper about the passphrase than the
 * envelope beside it does.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8 } from '../records/bytes';
import type { RandomBytes } from '../records/crypto';
import type { KdfParams } from './key-envelope';
import { isSoundKdf } from './key-envelope';
import { deriveLockKey, forgetLockKey, newLockKdf, PBKDF2_ITERATIONS } from './passphrase';
import type { WeakIterationsForTests } from './passphrase';

export interface DuressCheck {
  readonly kdf: KdfParams;
  readonly check: Uint8Array;
}

const CHECK_LABEL = utf8('tally/duress-check/v1');

export async function makeDuressCheck(
  passphrase: string,
  random: RandomBytes,
  iterations = PBKDF2_ITERATIONS,
  testOnly?: WeakIterationsForTests,
): Promise<DuressCheck> {
  const kdf = newLockKdf(random, iterations, testOnly);
  return { kdf, check: await checkValue(passphrase, kdf) };
}

/** Whether the passphrase is the duress one. A damaged check matches nothing. */
export async function isDuressPassphrase(check: DuressCheck, passphrase: string): Promise<boolean> {
  if (!isSoundKdf(check.kdf) || !(check.check instanceof Uint8Array) || check.check.length !== 32) return false;
  let candidate: Uint8Array;
  try {
    candidate = await checkValue(passphrase, check.kdf);
  } catch {
    // An empty passphrase or parameters the platform refuses: not the duress passphrase.
    return false;
  }
  return sameBytes(candidate, check.check);
}

async function checkValue(passphrase: string, kdf: KdfParams): Promise<Uint8Array> {
  const key = await deriveLockKey(passphrase, kdf);
  const value = sha256(concatBytes(CHECK_LABEL, key.wrapping));
  forgetLockKey(key);
  return value;
}

/** Compares in time that does not depend on where the bytes differ. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}
