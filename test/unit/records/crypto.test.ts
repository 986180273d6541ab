import { describe, expect, it } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519.js';
import { hash, isAcceptableBoxKey } from '../../../src/records/crypto';
import { isAcceptableSigningKey, sign, signingKeysFromSeed, verify } from '../../../src/records/signatures';
import { boxKeysFromSeed, openSealed, SEAL_OVERHEAD_BYTES, sealTo } from '../../../src/records/seal';
import { utf8 } from '../../../src/records/bytes';
import { flipBit, person, seededRandom } from '../../fixtures/circle';

function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, 'hex'));
}

function toHexText(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

const ada = person(0);
const bea = person(1);

describe('key derivation', () => {
  it('derives the Ed25519 public key of RFC 8032 test 1', () => {
    const keys = signingKeysFromSeed(hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'));
    expect(toHexText(keys.publicKey)).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
  });

  it('derives the X25519 public key of RFC 7748 section 6.1', () => {
    const keys = boxKeysFromSeed(hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a'));
    expect(toHexText(keys.publicKey)).toBe('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
  });

  it('refuses seeds that are not 32 bytes', () => {
    expect(() => signingKeysFromSeed(new Uint8Array(31))).toThrow(RangeError);
    expect(() => boxKeysFromSeed(new Uint8Array(33))).toThrow(RangeError);
  });

  it('hashes with SHA-256', () => {
    expect(toHexText(hash(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('sign and verify', () => {
  const message = utf8('a message');
  const signature = sign('record', message, ada.signing.secretKey);

  it('accepts a signature by the key, for the purpose and message it was made for', () => {
    expect(signature.length).toBe(64);
    expect(verify('record', signature, message, ada.signing.publicKey)).toBe(true);
  });

  it('refuses it for another purpose, message or key', () => {
    expect(verify('join-request', signature, message, ada.signing.publicKey)).toBe(false);
    expect(verify('record', signature, utf8('a messagf'), ada.signing.publicKey)).toBe(false);
    expect(verify('record', signature, message, bea.signing.publicKey)).toBe(false);
  });

  it('keeps purposes apart even where the purpose and message could run together', () => {
    // Without the separator, "record" + "x..." and "recordx" + "..." would sign the same bytes.
    const joined = sign('recordx', utf8('y'), ada.signing.secretKey);
    expect(verify('record', joined, utf8('xy'), ada.signing.publicKey)).toBe(false);
  });

  it('refuses a plain RFC 8032 signature over the message without the purpose', () => {
    // Signing the bare message is what a careless reuse of the key elsewhere would produce.
    const bare = ed25519.sign(message, ada.signing.secretKey);
    expect(ed25519.verify(bare, message, ada.signing.publicKey)).toBe(true);
    expect(verify('record', bare, message, ada.signing.publicKey)).toBe(false);
  });

  it('returns false rather than throwing for inputs of the wrong length or a small-order key', () => {
    expect(verify('record', signature.subarray(0, 63), message, ada.signing.publicKey)).toBe(false);
    expect(verify('record', signature, message, ada.signing.publicKey.subarray(0, 31))).toBe(false);
    expect(verify('record', new Uint8Array(64), message, hex('0100000000000000000000000000000000000000000000000000000000000000'))).toBe(false);
    expect(verify('record', new Uint8Array(64).fill(0xff), message, ada.signing.publicKey)).toBe(false);
  });
});

describe('key acceptability', () => {
  it('accepts real keys', () => {
    expect(isAcceptableSigningKey(ada.signing.publicKey)).toBe(true);
    expect(isAcceptableBoxKey(ada.box.publicKey)).toBe(true);
  });

  it('refuses keys of the wrong length', () => {
    expect(isAcceptableSigningKey(new Uint8Array(0))).toBe(false);
    expect(isAcceptableBoxKey(ada.box.publicKey.subarray(1))).toBe(false);
  });
});

describe('sealed boxes', () => {
  const plaintext = utf8('the circle secret goes here');

  it('open for the recipient only', () => {
    const sealed = sealTo(bea.box.publicKey, plaintext, seededRandom('seal'));
    expect(sealed.length).toBe(plaintext.length + SEAL_OVERHEAD_BYTES);
    expect(openSealed(bea.box, sealed)).toEqual(plaintext);
    expect(openSealed(ada.box, sealed)).toBeNull();
  });

  it('use fresh randomness: the same message sealed twice differs', () => {
    const random = seededRandom('twice');
    expect(sealTo(bea.box.publicKey, plaintext, random)).not.toEqual(sealTo(bea.box.publicKey, plaintext, random));
  });

  it('refuse any altered bit', () => {
    const sealed = sealTo(bea.box.publicKey, plaintext, seededRandom('alter'));
    for (let bit = 0; bit < sealed.length * 8; bit += 5) expect(openSealed(bea.box, flipBit(sealed, bit)), `bit ${bit}`).toBeNull();
  });

  it('refuse boxes too short to hold the overhead, and a low-order ephemeral key', () => {
    expect(openSealed(bea.box, new Uint8Array(SEAL_OVERHEAD_BYTES - 1))).toBeNull();
    expect(openSealed(bea.box, new Uint8Array(SEAL_OVERHEAD_BYTES + 4))).toBeNull();
  });
});
