/**
 * The app lock's setting as the first screen reads it: whether the phone has a
 * lock, how soon it locks itself, whether a duress passphrase is set. No
 * cipher code here: a phone without a lock never loads it (app-lock.ts does).
 */
import { parseAutoLockChoice } from '../../domain/lock-policy';
import type { AutoLockChoice } from '../../domain/lock-policy';
import type { DuressCheck } from '../../replica/duress';
import { isSoundKdf } from '../../replica/key-envelope';
import type { PassphraseEnvelope } from '../../replica/key-envelope';
import { LOCK_SETTING } from '../../replica/keyring';
import type { Keyring } from '../../replica/keyring';
import type { Vault } from '../../replica/vault';

export { LOCK_SETTING } from '../../replica/keyring';
export const ATTEMPTS_SETTING = 'lockAttempts';

export interface StoredLock {
  readonly version: 1;
  readonly verifier: PassphraseEnvelope;
  readonly autoLock: AutoLockChoice;
  readonly duress: DuressCheck | null;
}

/** Reads the lock's setting; a damaged one reads as none only if it has no verifier to check against. */
export async function readLock(vault: Vault): Promise<StoredLock | null> {
  const stored = await vault.setting<Partial<StoredLock>>(LOCK_SETTING);
  if (typeof stored !== 'object' || stored === null || typeof stored.verifier !== 'object' || stored.verifier === null) return null;
  const duress = stored.duress;
  return {
    version: 1,
    verifier: stored.verifier,
    autoLock: parseAutoLockChoice(stored.autoLock),
    // A damaged duress check is dropped: the worst it can do is fail to wipe, never wipe by mistake.
    duress: typeof duress === 'object' && duress !== null && isSoundKdf(duress.kdf) ? duress : null,
  };
}

/** At start: the keyring knows whether the phone has a lock. */
export async function loadLock(vault: Vault, keyring: Keyring): Promise<StoredLock | null> {
  const lock = await readLock(vault);
  if (lock === null) keyring.turnOff();
  else keyring.lockIsSet();
  return lock;
}
