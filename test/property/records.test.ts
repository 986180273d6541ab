import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readTrustedRecord } from '../../src/records/validate';
import { validateRecord } from '../../src/records/verify-record';
import { EARLIEST_RECORD_TIME, LATEST_RECORD_TIME } from '../../src/records/envelope';
import { MAX_DISPLAY_NAME, normalizeName } from '../../src/domain/names';
import type { SignedBytes } from '../../src/records/make';
import { admit, changeProfile, flipBit, foundCircle, person, T0 } from '../fixtures/circle';

const circle = foundCircle();
const KINDS: ReadonlyArray<readonly [string, SignedBytes]> = [
  ['circle.founded', circle.founding],
  ['member.admitted', admit(circle, circle.founder, person(1), T0 + 60_000, 'Bea')],
  ['member.profile', changeProfile(circle, person(1), 'Bea Q.', T0 + 120_000)],
];

describe('a valid record with any one bit flipped', () => {
  it.each(KINDS)('is rejected (%s)', (_kind, record) => {
    expect(validateRecord(record.bytes, circle.id).ok).toBe(true);
    fc.assert(
      fc.property(fc.nat(record.bytes.length * 8 - 1), (bit) => {
        expect(validateRecord(flipBit(record.bytes, bit), circle.id).ok).toBe(false);
      }),
      { seed: 0xb17f11b, numRuns: 400 },
    );
  });

  it.each(KINDS)('is rejected wherever the flip lands in the envelope heads (%s)', (_kind, record) => {
    // The heads around the payload and signature are few bytes, and a sample could miss them: check every bit.
    const bytes = record.bytes;
    const payloadStart = bytes[1] === 0x58 ? 3 : 4;
    const signatureStart = bytes.length - 67;
    const bits: number[] = [];
    for (let i = 0; i < payloadStart * 8; i++) bits.push(i);
    for (let i = signatureStart * 8; i < (signatureStart + 3) * 8; i++) bits.push(i);
    for (const bit of bits) expect(validateRecord(flipBit(bytes, bit), circle.id).ok, `bit ${bit}`).toBe(false);
  });
});

describe('any profile change made with a valid name and time', () => {
  const validName = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: MAX_DISPLAY_NAME })
    .map((text) => normalizeName(text, MAX_DISPLAY_NAME))
    .filter((result) => result.ok)
    .map((result) => (result.ok ? result.value : ''));
  const time = fc.integer({ min: EARLIEST_RECORD_TIME, max: LATEST_RECORD_TIME - 1 });

  it('validates, states exactly what was signed, and reads back as trusted', () => {
    const author = person(2);
    fc.assert(
      fc.property(validName, time, (name, at) => {
        const record = changeProfile(circle, author, name, at);
        const result = validateRecord(record.bytes, circle.id, record.id);
        expect(result.ok && result.value.event).toEqual({ kind: 'member.profile', id: record.id, author: author.key, at, name });
        expect(readTrustedRecord(record.bytes)).toEqual(result.ok ? result.value : undefined);
      }),
      { seed: 0x2a1e, numRuns: 150 },
    );
  });
});
