import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/domain/random';
import { openSecrets, sealSecrets } from '../../../src/replica/key-envelope';
import type { MembershipSecrets, PassphraseEnvelope, PlainEnvelope } from '../../../src/replica/key-envelope';
import {
  isKdfCurrent,
  lockEnvelope,
  lockWithSealingKey,
  normalizePassphrase,
  MIN_PBKDF2_ITERATIONS,
  PBKDF2_ITERATIONS,
  unlockEnvelope,
  unlockWithSealingKey,
} from '../../../src/replica/passphrase';
import { encodeCbor } from '../../../src/records/cbor';

// Most cases lock with few iterations to stay fast; the real default has tests of its own below.
const FEW = 1_000;
const WEAK = { allowWeakIterationsForTests: true } as const;
const PASSPHRASE = 'correct horse battery staple';

function fixture(seed: number): { secrets: MembershipSecrets; plain: PlainEnvelope; random: (n: number) => Uint8Array } {
  const random = seededRandom(seed);
  const secrets = { signingSeed: random.bytes(32), boxSeed: random.bytes(32), circleSecret: random.bytes(32) };
  const plain = sealSecrets(secrets);
  return { secrets, plain, random: (n) => random.bytes(n) };
}

async function weakLock(seed = 1, passphrase = PASSPHRASE) {
  const { secrets, plain, random } = fixture(seed);
  return { secrets, plain, envelope: await lockEnvelope(plain, passphrase, random, FEW, WEAK) };
}

function flip(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = copy[index]! ^ 0x01;
  return copy;
}

/** Every byte the envelope would be stored as, values and field names alike. */
function storedBytes(envelope: PassphraseEnvelope): Uint8Array {
  return encodeCbor([envelope.scheme, envelope.version, envelope.kdf.name, envelope.kdf.iterations, envelope.kdf.salt, envelope.nonce, envelope.ciphertext]);
}

function containsWindow(haystack: Uint8Array, secret: Uint8Array, width = 8): boolean {
  for (let start = 0; start + width <= secret.length; start++) {
    const window = secret.subarray(start, start + width);
    outer: for (let i = 0; i + width <= haystack.length; i++) {
      for (let j = 0; j < width; j++) if (haystack[i + j] !== window[j]) continue outer;
      return true;
    }
  }
  return false;
}

describe('passphrase envelope', () => {
  it('opens with the passphrase it was locked with, giving the same secrets', async () => {
    const { secrets, plain, envelope } = await weakLock();
    expect(envelope).toMatchObject({ scheme: 'passphrase', version: 1, kdf: { name: 'pbkdf2-sha256', iterations: FEW } });
    expect(envelope.kdf.salt).toHaveLength(16);
    expect(envelope.nonce).toHaveLength(24);
    expect(openSecrets(envelope)).toBe('locked');
    const opened = await unlockEnvelope(envelope, PASSPHRASE);
    expect(opened).toEqual(plain);
    if (typeof opened === 'string') throw new Error(opened);
    expect(openSecrets(opened)).toEqual(secrets);
  });

  it('keeps a join request’s secrets, which have no circle secret yet', async () => {
    const random = seededRandom(9);
    const plain = sealSecrets({ signingSeed: random.bytes(32), boxSeed: random.bytes(32), circleSecret: null });
    const envelope = await lockEnvelope(plain, PASSPHRASE, (n) => random.bytes(n), FEW, WEAK);
    expect(await unlockEnvelope(envelope, PASSPHRASE)).toEqual(plain);
  });

  it('refuses a wrong passphrase, and one that differs by a letter or a trailing space', async () => {
    const { envelope } = await weakLock();
    for (const wrong of ['wrong', 'Correct horse battery staple', `${PASSPHRASE} `, '']) {
      expect(await unlockEnvelope(envelope, wrong)).toBe('wrong-passphrase');
    }
  });

  it('treats the composed and decomposed forms of a passphrase as one (NFC)', async () => {
    const composed = 'mañana cañón';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const { plain, envelope } = await weakLock(2, decomposed);
    expect(await unlockEnvelope(envelope, composed)).toEqual(plain);
  });

  it('refuses an empty passphrase when locking', async () => {
    const { plain, random } = fixture(3);
    expect(normalizePassphrase('')).toBeNull();
    await expect(lockEnvelope(plain, '', random, FEW, WEAK)).rejects.toThrow(RangeError);
  });

  it('fails to open once any byte of the ciphertext, nonce or salt changes', async () => {
    const { envelope } = await weakLock(4);
    const altered: PassphraseEnvelope[] = [
      { ...envelope, ciphertext: flip(envelope.ciphertext, 0) },
      { ...envelope, ciphertext: flip(envelope.ciphertext, envelope.ciphertext.length - 1) },
      { ...envelope, nonce: flip(envelope.nonce, 23) },
      { ...envelope, kdf: { ...envelope.kdf, salt: flip(envelope.kdf.salt, 5) } },
    ];
    for (const each of altered) expect(await unlockEnvelope(each, PASSPHRASE)).toBe('wrong-passphrase');
  });

  it('fails to open when the iteration count is changed, lowered or raised', async () => {
    const { envelope } = await weakLock(5);
    for (const iterations of [FEW - 1, FEW + 1, 1]) {
      expect(await unlockEnvelope({ ...envelope, kdf: { ...envelope.kdf, iterations } }, PASSPHRASE)).toBe('wrong-passphrase');
    }
  });

  it('reads a malformed envelope as damaged, without deriving anything', async () => {
    const { envelope } = await weakLock(6);
    const malformed: unknown[] = [
      null,
      'passphrase',
      { ...envelope, scheme: 'plain' },
      { ...envelope, version: 2 },
      { ...envelope, kdf: { ...envelope.kdf, name: 'argon2id' } },
      { ...envelope, kdf: { ...envelope.kdf, iterations: 0 } },
      { ...envelope, kdf: { ...envelope.kdf, iterations: 1.5 } },
      { ...envelope, kdf: { ...envelope.kdf, iterations: 2 ** 40 } },
      { ...envelope, kdf: { ...envelope.kdf, iterations: '1000' } },
      { ...envelope, kdf: { ...envelope.kdf, salt: envelope.kdf.salt.subarray(0, 8) } },
      { ...envelope, kdf: null },
      { ...envelope, nonce: envelope.nonce.subarray(0, 12) },
      { ...envelope, nonce: [...envelope.nonce] },
      { ...envelope, ciphertext: envelope.ciphertext.subarray(0, 15) },
      { ...envelope, ciphertext: new Uint8Array(4096) },
      { scheme: 'passphrase', version: 1 },
    ];
    for (const each of malformed) expect(await unlockEnvelope(each as PassphraseEnvelope, PASSPHRASE)).toBe('damaged');
  });

  it('stores no 8-byte window of any secret', async () => {
    const { secrets, plain, envelope } = await weakLock(7);
    const stored = storedBytes(envelope);
    for (const secret of [secrets.signingSeed, secrets.boxSeed, secrets.circleSecret!]) expect(containsWindow(stored, secret)).toBe(false);
    // The check itself finds a secret where there is one.
    expect(containsWindow(plain.secrets, secrets.boxSeed)).toBe(true);
  });

  it('locks the same secrets differently each time (fresh salt and nonce)', async () => {
    const { plain, random } = fixture(8);
    const a = await lockEnvelope(plain, PASSPHRASE, random, FEW, WEAK);
    const b = await lockEnvelope(plain, PASSPHRASE, random, FEW, WEAK);
    expect(a.kdf.salt).not.toEqual(b.kdf.salt);
    expect(a.nonce).not.toEqual(b.nonce);
    expect(a.ciphertext).not.toEqual(b.ciphertext);
  });

  it('gives the same sealing key at lock and unlock, distinct from every secret and per envelope', async () => {
    const { secrets, plain, random } = fixture(10);
    const locked = await lockWithSealingKey(plain, PASSPHRASE, random, FEW, WEAK);
    expect(locked.sealingKey).toHaveLength(32);
    const unlocked = await unlockWithSealingKey(locked.envelope, PASSPHRASE);
    if (typeof unlocked === 'string') throw new Error(unlocked);
    expect(unlocked.sealingKey).toEqual(locked.sealingKey);
    for (const secret of [secrets.signingSeed, secrets.boxSeed, secrets.circleSecret!]) expect(unlocked.sealingKey).not.toEqual(secret);
    const relocked = await lockWithSealingKey(plain, PASSPHRASE, random, FEW, WEAK);
    expect(relocked.sealingKey).not.toEqual(locked.sealingKey);
  });

  it('refuses to lock a damaged plain envelope', async () => {
    const { random } = fixture(11);
    const damaged: PlainEnvelope = { scheme: 'plain', version: 1, secrets: Uint8Array.of(1, 2, 3) };
    await expect(lockEnvelope(damaged, PASSPHRASE, random, FEW, WEAK)).rejects.toThrow(RangeError);
  });
});

describe('passphrase envelope at the real default', () => {
  it('refuses fewer than 600,000 iterations unless a test asks for it by name', async () => {
    const { plain, random } = fixture(20);
    expect(MIN_PBKDF2_ITERATIONS).toBe(600_000);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(MIN_PBKDF2_ITERATIONS);
    await expect(lockEnvelope(plain, PASSPHRASE, random, 599_999)).rejects.toThrow(RangeError);
    await expect(lockEnvelope(plain, PASSPHRASE, random, FEW)).rejects.toThrow(RangeError);
    await expect(lockEnvelope(plain, PASSPHRASE, random, Number.NaN)).rejects.toThrow(RangeError);
  });

  it('locks with the default iterations and opens again', async () => {
    const { secrets, plain, random } = fixture(21);
    const envelope = await lockEnvelope(plain, PASSPHRASE, random);
    expect(envelope.kdf.iterations).toBe(PBKDF2_ITERATIONS);
    expect(isKdfCurrent(envelope)).toBe(true);
    const opened = await unlockEnvelope(envelope, PASSPHRASE);
    if (typeof opened === 'string') throw new Error(opened);
    expect(openSecrets(opened)).toEqual(secrets);
    expect(await unlockEnvelope(envelope, 'not it')).toBe('wrong-passphrase');
  }, 30_000);

  it('marks a weaker envelope for rewriting', async () => {
    const { envelope } = await weakLock(22);
    expect(isKdfCurrent(envelope)).toBe(false);
  });
});
