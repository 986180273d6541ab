/**
 * The keys this phone can use right now, held in memory only.
 *
 * Without the app lock, key envelopes are plain and any code can open them.
 * With it, envelopes are encrypted under the lock key (passphrase.ts), which
 * exists only in memory between an unlock and the next lock: a reload, a
 * crash or the auto-lock leaves nothing that opens them. Every piece of the
 * app that stores or opens a membership's secrets goes through the keyring,
 * so a circle created or joined while the app is unlocked is locked from its
 * first write, and nothing can open a circle while the app is locked.
 */
import { openSecrets, sealSecrets } from './key-envelope';
import type { EnvelopeOpenProblem, KeyEnvelope, MembershipSecrets, PassphraseEnvelope, PlainEnvelope } from './key-envelope';
import type { RandomBytes } from '../records/crypto';

/**
 * What an unlock hands the keyring: the lock key's operations
 * (passphrase.ts lockCipher). The keyring loads with the first screen; the
 * cipher's code loads only on a phone that has a lock.
 */
export interface LockCipher {
  seal(plain: PlainEnvelope, random: RandomBytes): PassphraseEnvelope;
  open(envelope: PassphraseEnvelope): PlainEnvelope | 'wrong-passphrase' | 'damaged';
  readonly sealingKey: Uint8Array;
  /** Zeroes the key's bytes. */
  forget(): void;
}

export type KeyringStatus = 'off' | 'locked' | 'unlocked';

/** The vault setting that holds the lock (app/lock/lock-setting.ts); here so the first screen can ask whether there is one. */
export const LOCK_SETTING = 'appLock';

export class Keyring {
  private lockOn = false;
  private key: LockCipher | null = null;

  status(): KeyringStatus {
    if (!this.lockOn) return 'off';
    return this.key === null ? 'locked' : 'unlocked';
  }

  /** The phone has a lock but no key in memory: at start, and after locking. */
  lockIsSet(): void {
    this.forgetKey();
    this.lockOn = true;
  }

  /** The lock key, from an unlock or from setting the lock; the keyring keeps it until lock(). */
  unlockWith(key: LockCipher): void {
    if (this.key !== key) this.forgetKey();
    this.lockOn = true;
    this.key = key;
  }

  /** Forgets the key: nothing can open a locked envelope until the next unlock. */
  lock(): void {
    if (this.lockOn) this.forgetKey();
  }

  /** The lock was turned off: envelopes are stored plain again. */
  turnOff(): void {
    this.forgetKey();
    this.lockOn = false;
  }

  /** The key that seals sensitive fields, while unlocked. */
  sealingKey(): Uint8Array | null {
    return this.key?.sealingKey ?? null;
  }

  /** The envelope to store for these secrets. Refuses while locked: nothing should be storing keys then. */
  protect(secrets: MembershipSecrets, random: RandomBytes): KeyEnvelope {
    const plain = sealSecrets(secrets);
    if (!this.lockOn) return plain;
    if (this.key === null) throw new Error('the app is locked');
    return this.key.seal(plain, random);
  }

  /**
   * Opens a stored envelope. A plain one opens even with the lock on: it is a
   * membership that setting the lock had not reached yet, which the next unlock
   * locks. A passphrase envelope under another derivation reads 'locked'.
   */
  open(envelope: KeyEnvelope): MembershipSecrets | EnvelopeOpenProblem {
    if (envelope.scheme === 'plain') return openSecrets(envelope);
    if (this.key === null) return 'locked';
    const plain = this.key.open(envelope);
    if (plain === 'damaged') return 'damaged';
    return plain === 'wrong-passphrase' ? 'locked' : openSecrets(plain);
  }

  private forgetKey(): void {
    if (this.key !== null) this.key.forget();
    this.key = null;
  }
}
