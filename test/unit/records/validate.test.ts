import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeCbor } from '../../../src/records/cbor';
import type { CborValue } from '../../../src/records/cbor';
import { sign } from '../../../src/records/signatures';
import {
  EARLIEST_RECORD_TIME,
  encodeEnvelope,
  encodePayload,
  LATEST_RECORD_TIME,
  MAX_RECORD_BYTES,
} from '../../../src/records/envelope';
import { makeRecord } from '../../../src/records/make';
import { readTrustedRecord } from '../../../src/records/validate';
import { validateRecord, validateRecords } from '../../../src/records/verify-record';
import { circleFoundedBody } from '../../../src/records/kinds/circle-founded';
import { memberAdmittedBody } from '../../../src/records/kinds/member-admitted';
import { memberProfileBody } from '../../../src/records/kinds/member-profile';
import { admit, changeProfile, flipBit, foundCircle, person, seedBytes, strangerKey, T0 } from '../../fixtures/circle';
import type { Person } from '../../fixtures/circle';

const circle = foundCircle();
const founder = circle.founder;
const newcomer = person(1);

/** The id a record must have, computed without the code under test. */
function expectedIdOf(bytes: Uint8Array): string {
  return Buffer.from(sha256(bytes)).toString('base64url');
}

function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, 'hex'));
}

/** Signs arbitrary payload bytes as a record, so shapes makeRecord would never write can be tested. */
function signedRecord(payload: Uint8Array, by: Person = founder): Uint8Array {
  return encodeEnvelope(payload, [sign('record', payload, by.signing.secretKey)]);
}

/** The raw payload map of a profile change, for tests that edit one field. */
function profilePayloadMap(overrides: ReadonlyArray<readonly [number, CborValue]> = []): Map<number, CborValue> {
  const map = new Map<number, CborValue>([
    [0, 1],
    [1, 3],
    [2, circle.id],
    [3, founder.signing.publicKey],
    [4, T0 + 10],
    [5, memberProfileBody({ name: 'Ada' })],
  ]);
  for (const [key, value] of overrides) map.set(key, value);
  return map;
}

function problemOf(bytes: Uint8Array, circleId: Uint8Array = circle.id, expectedId?: string): string | undefined {
  const result = validateRecord(bytes, circleId, expectedId);
  return result.ok ? undefined : result.error.problem;
}

/** Splits a record into its two halves the way the wire format defines them, without the code under test. */
function splitRecord(bytes: Uint8Array): { payload: Uint8Array; signature: Uint8Array } {
  // [payload, [signature]]: 0x82, a byte string head, payload, 0x81, 0x58 0x40, 64 signature bytes.
  const signature = bytes.subarray(bytes.length - 64);
  expect([...bytes.subarray(bytes.length - 67, bytes.length - 64)]).toEqual([0x81, 0x58, 0x40]);
  const head = bytes[1]!;
  const start = head === 0x58 ? 3 : head === 0x59 ? 4 : -1;
  expect(start).toBeGreaterThan(0);
  return { payload: bytes.subarray(start, bytes.length - 67), signature };
}

describe('makeRecord and validateRecord', () => {
  it('accepts a founding record and reads the event it states', () => {
    const result = validateRecord(circle.founding.bytes, circle.id);
    expect(result).toEqual({
      ok: true,
      value: {
        id: expectedIdOf(circle.founding.bytes),
        bytes: circle.founding.bytes,
        event: {
          kind: 'circle.founded',
          id: expectedIdOf(circle.founding.bytes),
          author: Buffer.from(founder.signing.publicKey).toString('base64url'),
          at: T0,
          circleName: 'Elm Street Commons',
          founderName: founder.name,
          founderBoxKey: Buffer.from(founder.box.publicKey).toString('base64url'),
        },
      },
    });
    expect(circle.founding.id).toBe(expectedIdOf(circle.founding.bytes));
  });

  it('accepts an admission and reads the event it states', () => {
    const record = admit(circle, founder, newcomer, T0 + 1000, 'Bea');
    const result = validateRecord(record.bytes, circle.id, record.id);
    expect(result.ok && result.value.event).toEqual({
      kind: 'member.admitted',
      id: expectedIdOf(record.bytes),
      author: founder.key,
      at: T0 + 1000,
      member: newcomer.key,
      boxKey: newcomer.boxKey,
      name: 'Bea',
    });
  });

  it('accepts a profile change and reads the event it states', () => {
    const record = changeProfile(circle, newcomer, 'Bea Q.', T0 + 2000);
    const result = validateRecord(record.bytes, circle.id);
    expect(result.ok && result.value.event).toEqual({
      kind: 'member.profile',
      id: expectedIdOf(record.bytes),
      author: newcomer.key,
      at: T0 + 2000,
      name: 'Bea Q.',
    });
  });

  it('rounds a fractional time down to the millisecond', () => {
    const record = changeProfile(circle, founder, 'Ada', T0 + 0.9);
    const result = validateRecord(record.bytes, circle.id);
    expect(result.ok && result.value.event.at).toBe(T0);
  });

  it('gives the same id to the same record, and different ids to different records', () => {
    expect(changeProfile(circle, founder, 'Ada', T0).id).toBe(changeProfile(circle, founder, 'Ada', T0).id);
    expect(changeProfile(circle, founder, 'Ada', T0).id).not.toBe(changeProfile(circle, founder, 'Ada', T0 + 1).id);
  });

  it('reads back with readTrustedRecord exactly what validateRecord accepted', () => {
    for (const record of [circle.founding, admit(circle, founder, newcomer, T0 + 5), changeProfile(circle, newcomer, 'B', T0 + 6)]) {
      const checked = validateRecord(record.bytes, circle.id);
      expect(checked.ok).toBe(true);
      if (checked.ok) expect(readTrustedRecord(record.bytes)).toEqual(checked.value);
    }
  });

  it('readTrustedRecord still refuses bytes whose shape is wrong', () => {
    expect(readTrustedRecord(new Uint8Array([0x82, 0x40, 0x80]))).toBeUndefined();
    expect(readTrustedRecord(circle.founding.bytes.subarray(1))).toBeUndefined();
  });
});

describe('validateRecord rejects', () => {
  it('a record of another circle as wrong-circle', () => {
    const other = foundCircle({ nonceCounter: 1 });
    expect(problemOf(circle.founding.bytes, other.id)).toBe('wrong-circle');
    expect(problemOf(changeProfile(other, founder, 'Ada', T0).bytes)).toBe('wrong-circle');
  });

  it('an unknown kind code as unknown-kind, even when well signed', () => {
    for (const kindCode of [0, 99, 200, 70000]) {
      const payload = encodePayload({ kindCode, circle: circle.id, author: founder.signing.publicKey, at: T0, body: new Map() });
      expect(problemOf(signedRecord(payload))).toBe('unknown-kind');
    }
  });

  it('a record whose signature another key made as bad-signature', () => {
    const honest = changeProfile(circle, founder, 'Ada', T0);
    const { payload } = splitRecord(honest.bytes);
    expect(problemOf(signedRecord(payload, newcomer))).toBe('bad-signature');
  });

  it('a record whose signature was made for another purpose as bad-signature', () => {
    const { payload } = splitRecord(changeProfile(circle, founder, 'Ada', T0).bytes);
    const forJoining = encodeEnvelope(payload, [sign('join-request', payload, founder.signing.secretKey)]);
    expect(problemOf(forJoining)).toBe('bad-signature');
  });

  it('a record with two signatures where one signer is required as bad-signature', () => {
    const { payload, signature } = splitRecord(changeProfile(circle, founder, 'Ada', T0).bytes);
    expect(problemOf(encodeEnvelope(payload, [signature, signature]))).toBe('bad-signature');
  });

  it('a record with no signature, or a signature of the wrong length, as malformed', () => {
    const { payload, signature } = splitRecord(changeProfile(circle, founder, 'Ada', T0).bytes);
    expect(problemOf(encodeEnvelope(payload, []))).toBe('malformed');
    expect(problemOf(encodeEnvelope(payload, [signature.subarray(0, 63)]))).toBe('malformed');
  });

  it('a body with an unknown extra field as invalid-fields', () => {
    const body = memberProfileBody({ name: 'Ada' });
    body.set(9, 'extra');
    const record = makeRecord({ kind: 'member.profile', circle: circle.id, at: T0, body }, founder.signing);
    expect(problemOf(record.bytes)).toBe('invalid-fields');

    const admission = memberAdmittedBody({ member: newcomer.signing.publicKey, boxKey: newcomer.box.publicKey, name: 'B' });
    admission.set(3, true);
    expect(problemOf(makeRecord({ kind: 'member.admitted', circle: circle.id, at: T0, body: admission }, founder.signing).bytes)).toBe(
      'invalid-fields',
    );
  });

  it('a body missing a field, or with a field of the wrong type, as invalid-fields', () => {
    const cases: Map<number, CborValue>[] = [new Map<number, CborValue>(), new Map<number, CborValue>([[0, 42]]), new Map<number, CborValue>([[0, new Uint8Array(3)]])];
    for (const body of cases) {
      expect(problemOf(makeRecord({ kind: 'member.profile', circle: circle.id, at: T0, body }, founder.signing).bytes)).toBe(
        'invalid-fields',
      );
    }
  });

  it.each([
    ['empty', ''],
    ['with a control character', 'A\u0007da'],
    ['with surrounding spaces', ' Ada'],
    ['not in NFC', 'Re\u0301my'],
    ['longer than 40 code points', 'x'.repeat(41)],
  ])('a profile name that is %s as invalid-fields', (_label, name) => {
    expect(problemOf(changeProfile(circle, founder, name, T0).bytes)).toBe('invalid-fields');
  });

  it('a payload with an extra top-level key as malformed', () => {
    const map = profilePayloadMap([[6, 0]]);
    expect(problemOf(signedRecord(encodeCbor(map)))).toBe('malformed');
  });

  it('a payload of a later format version as unsupported-version', () => {
    expect(problemOf(signedRecord(encodeCbor(profilePayloadMap([[0, 2]]))))).toBe('unsupported-version');
  });

  it.each([
    ['a circle id of 15 bytes', 2, new Uint8Array(15)],
    ['an author key of 31 bytes', 3, new Uint8Array(31)],
    ['a text time', 4, 'now'],
    ['a body that is an array', 5, []],
    ['a kind that is text', 1, 'member.profile'],
  ])('a payload with %s as malformed', (_label, key, value) => {
    expect(problemOf(signedRecord(encodeCbor(profilePayloadMap([[key, value]]))))).toBe('malformed');
  });

  it.each([
    ['a millisecond before the earliest time', EARLIEST_RECORD_TIME - 1],
    ['the latest time itself', LATEST_RECORD_TIME],
    ['a negative time', -5],
    ['zero', 0],
  ])('a record dated %s as malformed', (_label, at) => {
    expect(problemOf(changeProfile(circle, founder, 'Ada', at).bytes)).toBe('malformed');
  });

  it('accepts the first and last millisecond of the window', () => {
    expect(problemOf(changeProfile(circle, founder, 'Ada', EARLIEST_RECORD_TIME).bytes)).toBeUndefined();
    expect(problemOf(changeProfile(circle, founder, 'Ada', LATEST_RECORD_TIME - 1).bytes)).toBeUndefined();
  });

  it('a record one byte over the size limit as too-large, and one at the limit not', () => {
    const sized = (fill: number): Uint8Array =>
      makeRecord({ kind: 'member.profile', circle: circle.id, at: T0, body: new Map([[1, new Uint8Array(fill)]]) }, founder.signing).bytes;
    const probe = sized(MAX_RECORD_BYTES - 1000).length;
    const atLimit = sized(MAX_RECORD_BYTES - 1000 + (MAX_RECORD_BYTES - probe));
    expect(atLimit.length).toBe(MAX_RECORD_BYTES);
    // Within the limit the record is read, and refused only for its unknown body field.
    expect(problemOf(atLimit)).toBe('invalid-fields');
    const over = sized(MAX_RECORD_BYTES - 1000 + (MAX_RECORD_BYTES - probe) + 1);
    expect(over.length).toBe(MAX_RECORD_BYTES + 1);
    expect(problemOf(over)).toBe('too-large');
  });

  it('a record with a huge name as too-large before anything else is read', () => {
    expect(problemOf(changeProfile(circle, founder, 'a'.repeat(60_000), T0).bytes, new Uint8Array(16))).toBe('too-large');
  });

  it.each([
    ['the identity point', '0100000000000000000000000000000000000000000000000000000000000000'],
    ['the point of order 2', 'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'],
    ['a point of order 4', '0000000000000000000000000000000000000000000000000000000000000000'],
    ['the other point of order 4', '0000000000000000000000000000000000000000000000000000000000000080'],
    ['a point of order 8', 'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a'],
    ['another point of order 8', '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05'],
    ['y = 2, which is on no point of the curve', '0200000000000000000000000000000000000000000000000000000000000000'],
    ['y = p, a non-canonical encoding', 'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'],
    ['y = p + 1, a non-canonical identity', 'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'],
  ])('an admission whose member key is %s as invalid-fields', (_label, keyHex) => {
    const body = memberAdmittedBody({ member: hex(keyHex), boxKey: newcomer.box.publicKey, name: 'Eve' });
    const record = makeRecord({ kind: 'member.admitted', circle: circle.id, at: T0 + 1, body }, founder.signing);
    expect(problemOf(record.bytes)).toBe('invalid-fields');
  });

  it.each([
    ['zero', '0000000000000000000000000000000000000000000000000000000000000000'],
    ['one, of order 4', '0100000000000000000000000000000000000000000000000000000000000000'],
    ['p - 1, of order 2', 'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'],
    ['a point of order 8', 'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800'],
  ])('an admission whose box key is the low-order value %s as invalid-fields', (_label, keyHex) => {
    const body = memberAdmittedBody({ member: newcomer.signing.publicKey, boxKey: hex(keyHex), name: 'Eve' });
    const record = makeRecord({ kind: 'member.admitted', circle: circle.id, at: T0 + 1, body }, founder.signing);
    expect(problemOf(record.bytes)).toBe('invalid-fields');
  });

  it('an admission of the author by themselves as invalid-fields', () => {
    expect(problemOf(admit(circle, newcomer, newcomer, T0 + 1).bytes)).toBe('invalid-fields');
  });

  it('a founding record whose circle id is not the one its founder key and nonce give as invalid-fields', () => {
    // The id of some other circle, claimed by this founder: the record states that id, so it is not wrong-circle.
    const claimed = foundCircle({ founder: person(2) }).id;
    const body = circleFoundedBody({ circleName: 'Elm', founderName: founder.name, founderBoxKey: founder.box.publicKey, nonce: circle.nonce });
    const record = makeRecord({ kind: 'circle.founded', circle: claimed, at: T0, body }, founder.signing);
    expect(problemOf(record.bytes, claimed)).toBe('invalid-fields');
  });

  it('a founding record with another nonce as invalid-fields', () => {
    const body = circleFoundedBody({
      circleName: 'Elm',
      founderName: founder.name,
      founderBoxKey: founder.box.publicKey,
      nonce: seedBytes('nonce', 7).slice(0, 16),
    });
    expect(problemOf(makeRecord({ kind: 'circle.founded', circle: circle.id, at: T0, body }, founder.signing).bytes)).toBe('invalid-fields');
  });

  it('a record whose id is not the expected one as id-mismatch', () => {
    const record = changeProfile(circle, founder, 'Ada', T0);
    expect(problemOf(record.bytes, circle.id, record.id)).toBeUndefined();
    const other = changeProfile(circle, founder, 'Ada', T0 + 1);
    expect(problemOf(record.bytes, circle.id, other.id)).toBe('id-mismatch');
    expect(problemOf(record.bytes, circle.id, '')).toBe('id-mismatch');
  });

  it('reports the kind and time of a record whose outer shape could be read', () => {
    const result = validateRecord(changeProfile(circle, founder, '', T0 + 3).bytes, circle.id);
    expect(result).toEqual({ ok: false, error: { problem: 'invalid-fields', kindCode: 3, at: T0 + 3 } });
  });

  it('a record naming an author who did not sign it as bad-signature', () => {
    const payload = encodePayload({ kindCode: 3, circle: circle.id, author: strangerKey(1), at: T0, body: memberProfileBody({ name: 'X' }) });
    expect(problemOf(signedRecord(payload))).toBe('bad-signature');
  });
});

describe('validateRecord holds to one encoding per record', () => {
  const honest = changeProfile(circle, founder, 'Ada', T0);
  const { payload, signature } = splitRecord(honest.bytes);

  it('rejects the outer array written with a long-form length head', () => {
    const bytes = Uint8Array.from([0x98, 0x02, ...honest.bytes.subarray(1)]);
    expect(problemOf(bytes)).toBe('malformed');
  });

  it('rejects the payload byte string written with a longer length head', () => {
    expect(payload.length).toBeLessThan(256);
    const bytes = Uint8Array.from([0x82, 0x59, 0x00, payload.length, ...payload, 0x81, 0x58, 0x40, ...signature]);
    expect(problemOf(bytes)).toBe('malformed');
  });

  it('rejects the signature written with a longer length head', () => {
    const bytes = Uint8Array.from([...honest.bytes.subarray(0, honest.bytes.length - 66), 0x59, 0x00, 0x40, ...signature]);
    expect(problemOf(bytes)).toBe('malformed');
  });

  it('rejects a payload map whose first key is written in long form, with the original signature', () => {
    expect(payload[0]).toBe(0xa6);
    expect(payload[1]).toBe(0x00);
    const longKey = Uint8Array.from([0xa6, 0x18, 0x00, ...payload.subarray(2)]);
    expect(problemOf(encodeEnvelope(longKey, [signature]))).toBe('malformed');
  });

  it('rejects the same non-canonical payload even when the author signs it', () => {
    const longKey = Uint8Array.from([0xa6, 0x18, 0x00, ...payload.subarray(2)]);
    expect(problemOf(signedRecord(longKey))).toBe('malformed');
  });

  it('rejects trailing bytes after a valid record', () => {
    expect(problemOf(Uint8Array.from([...honest.bytes, 0x00]))).toBe('malformed');
  });

  it('rejects a signature whose S half has the group order added (malleability)', () => {
    const L = 2n ** 252n + 27742317777372353535851937790883648493n;
    let s = 0n;
    for (let i = 31; i >= 0; i--) s = (s << 8n) | BigInt(signature[32 + i]!);
    expect(s).toBeLessThan(L);
    const bumped = s + L;
    const malleated = signature.slice();
    for (let i = 0; i < 32; i++) malleated[32 + i] = Number((bumped >> BigInt(8 * i)) & 0xffn);
    expect(bumped).toBeLessThan(2n ** 256n);
    expect(problemOf(encodeEnvelope(payload, [malleated]))).toBe('bad-signature');
    // The untouched signature is fine: the rejection is the S range, not the re-encoding.
    expect(problemOf(encodeEnvelope(payload, [signature]))).toBeUndefined();
  });
});

describe('validateRecords', () => {
  it('gives, in one batch, exactly the answers validateRecord gives one by one', async () => {
    const admission = admit(circle, founder, newcomer, T0 + 10, 'Bea');
    const profile = changeProfile(circle, newcomer, 'Bea B', T0 + 20);
    const other = foundCircle({ nonceCounter: 9 });
    const batch = [
      { bytes: circle.founding.bytes },
      { bytes: admission.bytes, id: admission.id },
      { bytes: profile.bytes, id: 'not-its-id' },
      { bytes: other.founding.bytes },
      ...[3, 40, 200, profile.bytes.length * 8 - 9].map((bit) => ({ bytes: flipBit(profile.bytes, bit) })),
      { bytes: Uint8Array.of(0xff) },
    ];
    const together = await validateRecords(batch, circle.id);
    const oneByOne = batch.map(({ bytes, id }) => validateRecord(bytes, circle.id, id));
    expect(together).toEqual(oneByOne);
    expect(together.filter((result) => result.ok)).toHaveLength(2);
    expect(together.map((result) => (result.ok ? 'ok' : result.error.problem))).toContain('bad-signature');
  });
});
