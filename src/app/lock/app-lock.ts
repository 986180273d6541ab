/**
 * The app lock as a member uses it: set a passphrase (and, if they choose, a
 * duress passphrase and how soon the app locks itself), unlock, change the
 * passphrase, turn the lock off.
 *
 * One lock key (one derivation, one salt) protects every membership on the
 * phone and the join request, so unlocking costs one derivation however many
 * circles the phone holds. The lock's setting holds a verifier, an envelope of
 * random secrets under the same key, so the passphrase can be checked even on
 * a phone with no membership left. Setting, changing and removing the lock
 * rewrite the setting and every envelope in one transaction.
 */
import { err, ok } from '../../records/result';
import type { Result } from '../../records/result';
import { nextAttemptAt } from '../../domain/lock-policy';
import type { AutoLockChoice } from '../../domain/lock-policy';
import { KEY_BYTES } from '../../records/crypto';
import { isDuressPassphrase, makeDuressCheck } from '../../replica/duress';
import { isSoundKdf, sealSecrets } from '../../replica/key-envelope';
import type { KeyEnvelope, PassphraseEnvelope } from '../../replica/key-envelope';
import { deriveLockKey, forgetLockKey, isKdfCurrent, lockCipher, newLockKdf, normalizePassphrase, openWithLockKey, sealWithLockKey } from '../../replica/passphrase';
import type { LockKey, WeakIterationsForTests } from '../../replica/passphrase';
import type { Membership, PendingJoinRecord, Vault } from '../../replica/vault';
import type { AppDeps } from '../deps';
import { ATTEMPTS_SETTING, LOCK_SETTING, readLock } from './lock-setting';
import type { StoredLock } from './lock-setting';

/** Shorter passphrases are refused: the derivation's cost multiplies the guesses a passphrase forces, it cannot replace them. */
export const MIN_PASSPHRASE_LENGTH = 8;
/** Longer ones are refused too: a pasted book would only slow the derivation's input. */
export const MAX_PASSPHRASE_LENGTH = 256;

interface Attempts {
  readonly failures: number;
  readonly lastFailureAt: number;
}

/** What setting the lock may need beyond the passphrase. Tests pass fewer iterations, by name. */
export interface LockChoices {
  readonly passphrase: string;
  readonly duress: string | null;
  readonly autoLock: AutoLockChoice;
}

export interface KdfChoice {
  readonly iterations?: number;
  readonly testOnly?: WeakIterationsForTests;
}

export type PassphraseProblem = 'too-short' | 'too-long' | 'duress-same' | 'duress-too-short' | 'locked';

export type UnlockOutcome =
  | { readonly kind: 'unlocked' }
  | { readonly kind: 'wrong'; readonly failures: number; readonly nextAttemptAt: number }
  | { readonly kind: 'wait'; readonly until: number }
  /** The duress passphrase: the caller closes the circle and runs the panic wipe. */
  | { readonly kind: 'duress' }
  | { readonly kind: 'no-lock' };

export function checkPassphrase(passphrase: string): 'too-short' | 'too-long' | null {
  const normalized = normalizePassphrase(passphrase) ?? '';
  // Counted in code points, so a passphrase in any script meets the same bar.
  const length = [...normalized].length;
  if (length < MIN_PASSPHRASE_LENGTH) return 'too-short';
  return length > MAX_PASSPHRASE_LENGTH ? 'too-long' : null;
}

/**
 * Sets the lock, or changes the passphrase of one already set (the app must be
 * unlocked then). Every envelope is rewritten under a new derivation.
 */
export async function setLock(vault: Vault, choices: LockChoices, deps: AppDeps, kdfChoice: KdfChoice = {}): Promise<Result<void, PassphraseProblem>> {
  const problem = checkPassphrase(choices.passphrase);
  if (problem !== null) return err(problem);
  if (choices.duress !== null) {
    if (checkPassphrase(choices.duress) !== null) return err('duress-too-short');
    if (normalizePassphrase(choices.duress) === normalizePassphrase(choices.passphrase)) return err('duress-same');
  }
  if (deps.keyring.status() === 'locked') return err('locked');
  const kdf = newLockKdf(deps.random, kdfChoice.iterations, kdfChoice.testOnly);
  const [key, duress] = await Promise.all([
    deriveLockKey(choices.passphrase, kdf),
    choices.duress === null ? null : makeDuressCheck(choices.duress, deps.random, kdfChoice.iterations, kdfChoice.testOnly),
  ]);
  const lock: StoredLock = { version: 1, verifier: makeVerifier(key, deps), autoLock: choices.autoLock, duress };
  await rewriteEnvelopes(vault, deps, lock, (envelope) => sealWithLockKey(envelope, key, deps.random));
  deps.keyring.unlockWith(lockCipher(key));
  await vault.saveSetting(ATTEMPTS_SETTING, null);
  return ok(undefined);
}

/** How soon the app locks itself; no passphrase needed, as the app is unlocked. */
export async function setAutoLock(vault: Vault, autoLock: AutoLockChoice): Promise<void> {
  const lock = await readLock(vault);
  if (lock !== null) await vault.saveSetting(LOCK_SETTING, { ...lock, autoLock });
}

/** Turns the lock off, after the passphrase once more: someone holding an unlocked phone should not remove it. */
export async function turnOffLock(vault: Vault, passphrase: string, deps: AppDeps): Promise<Result<void, 'wrong' | 'locked' | 'no-lock'>> {
  const lock = await readLock(vault);
  if (lock === null) return err('no-lock');
  if (deps.keyring.status() !== 'unlocked') return err('locked');
  const key = await deriveLockKey(normalizePassphrase(passphrase) ?? ' ', lock.verifier.kdf).catch(() => null);
  if (key === null || typeof openWithLockKey(lock.verifier, key) === 'string') return err('wrong');
  forgetLockKey(key);
  await rewriteEnvelopes(vault, deps, null, (envelope) => envelope);
  deps.keyring.turnOff();
  await vault.saveSetting(ATTEMPTS_SETTING, null);
  return ok(undefined);
}

/**
 * One attempt at the lock screen. The real and the duress derivations run
 * side by side, so every answer takes the same time; failures are stored
 * before the answer returns, so closing the app does not reset the wait.
 * A lock set under fewer iterations than today's is rewritten at today's
 * while the passphrase is at hand: raising the default protects every phone
 * from its next unlock on.
 */
export async function unlock(vault: Vault, passphrase: string, deps: AppDeps, kdfChoice: KdfChoice = {}): Promise<UnlockOutcome> {
  const lock = await readLock(vault);
  if (lock === null) return { kind: 'no-lock' };
  const attempts = await readAttempts(vault);
  const allowedAt = nextAttemptAt(attempts.failures, attempts.lastFailureAt);
  if (deps.now() < allowedAt) return { kind: 'wait', until: allowedAt };
  const [key, duress] = await Promise.all([
    isSoundKdf(lock.verifier.kdf) ? deriveLockKey(passphrase, lock.verifier.kdf).catch(() => null) : null,
    lock.duress === null ? false : isDuressPassphrase(lock.duress, passphrase),
  ]);
  if (key !== null && typeof openWithLockKey(lock.verifier, key) !== 'string') {
    deps.keyring.unlockWith(lockCipher(key));
    if (attempts.failures > 0) await vault.saveSetting(ATTEMPTS_SETTING, null);
    if (!isKdfCurrent(lock.verifier, kdfChoice.iterations)) await strengthen(vault, passphrase, lock, deps, kdfChoice);
    return { kind: 'unlocked' };
  }
  if (key !== null) forgetLockKey(key);
  if (duress) return { kind: 'duress' };
  const failures = attempts.failures + 1;
  const now = deps.now();
  await vault.saveSetting(ATTEMPTS_SETTING, { failures, lastFailureAt: now } satisfies Attempts);
  return { kind: 'wrong', failures, nextAttemptAt: nextAttemptAt(failures, now) };
}

/** When the lock screen may take the next attempt (0: now). */
export async function nextUnlockAttemptAt(vault: Vault): Promise<number> {
  const attempts = await readAttempts(vault);
  return attempts.failures === 0 ? 0 : nextAttemptAt(attempts.failures, attempts.lastFailureAt);
}


async function readAttempts(vault: Vault): Promise<Attempts> {
  const stored = await vault.setting<Partial<Attempts> | null>(ATTEMPTS_SETTING);
  if (stored === undefined || stored === null) return { failures: 0, lastFailureAt: 0 };
  // waitAfterFailures reads a damaged count as the longest wait.
  const failures = typeof stored.failures === 'number' ? stored.failures : Number.NaN;
  const lastFailureAt = typeof stored.lastFailureAt === 'number' && Number.isFinite(stored.lastFailureAt) ? stored.lastFailureAt : 0;
  return { failures, lastFailureAt };
}

/** Rewrites the lock under a new derivation at today's iterations; the duress check keeps its own. */
async function strengthen(vault: Vault, passphrase: string, lock: StoredLock, deps: AppDeps, kdfChoice: KdfChoice): Promise<void> {
  const key = await deriveLockKey(passphrase, newLockKdf(deps.random, kdfChoice.iterations, kdfChoice.testOnly));
  await rewriteEnvelopes(vault, deps, { ...lock, verifier: makeVerifier(key, deps) }, (envelope) => sealWithLockKey(envelope, key, deps.random));
  deps.keyring.unlockWith(lockCipher(key));
}

/** An envelope of random secrets under the lock key: opening it proves the passphrase. */
function makeVerifier(key: LockKey, deps: AppDeps): PassphraseEnvelope {
  const random = () => deps.random(KEY_BYTES);
  return sealWithLockKey(sealSecrets({ signingSeed: random(), boxSeed: random(), circleSecret: random() }), key, deps.random);
}

/** Opens every envelope with the keys in memory and stores what `rewrite` makes of it, with the lock's setting. */
async function rewriteEnvelopes(
  vault: Vault,
  deps: AppDeps,
  lock: StoredLock | null,
  rewrite: (plain: ReturnType<typeof sealSecrets>) => KeyEnvelope,
): Promise<void> {
  const reseal = (envelope: KeyEnvelope): KeyEnvelope => {
    const secrets = deps.keyring.open(envelope);
    // A damaged envelope stays as it is: rewriting cannot mend it, and dropping it could lose a circle.
    return typeof secrets === 'string' ? envelope : rewrite(sealSecrets(secrets));
  };
  const memberships: Membership[] = (await vault.memberships()).map((membership) => ({ ...membership, keys: reseal(membership.keys) }));
  const pending = await vault.pendingJoin();
  const pendingRewritten: PendingJoinRecord | undefined = pending === undefined ? undefined : { ...pending, keys: reseal(pending.keys) };
  await vault.rekey(LOCK_SETTING, lock, memberships, pendingRewritten);
}
