import { describe, expect, it } from 'vitest';
import { decodeCbor, encodeCbor } from '../../../src/records/cbor';
import type { CborValue } from '../../../src/records/cbor';

function hex(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function toHexText(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** Encodings taken from the examples of RFC 8949, appendix A, plus the safe-integer edges. */
const KNOWN: ReadonlyArray<readonly [CborValue, string]> = [
  [0, '00'],
  [1, '01'],
  [10, '0a'],
  [23, '17'],
  [24, '1818'],
  [25, '1819'],
  [100, '1864'],
  [255, '18ff'],
  [256, '190100'],
  [1000, '1903e8'],
  [65535, '19ffff'],
  [65536, '1a00010000'],
  [1000000, '1a000f4240'],
  [2 ** 32 - 1, '1affffffff'],
  [2 ** 32, '1b0000000100000000'],
  [1000000000000, '1b000000e8d4a51000'],
  [Number.MAX_SAFE_INTEGER, '1b001fffffffffffff'],
  [-1, '20'],
  [-10, '29'],
  [-24, '37'],
  [-25, '3818'],
  [-100, '3863'],
  [-1000, '3903e7'],
  [-(2 ** 32), '3affffffff'],
  [-(2 ** 32) - 1, '3b0000000100000000'],
  [Number.MIN_SAFE_INTEGER, '3b001ffffffffffffe'],
  [false, 'f4'],
  [true, 'f5'],
  [null, 'f6'],
  [new Uint8Array(0), '40'],
  [new Uint8Array([1, 2, 3, 4]), '4401020304'],
  ['', '60'],
  ['a', '6161'],
  ['IETF', '6449455446'],
  ['"\\', '62225c'],
  ['\u00fc', '62c3bc'],
  ['\u6c34', '63e6b0b4'],
  ['\u{10151}', '64f0908591'],
  [[], '80'],
  [[1, 2, 3], '83010203'],
  [[1, [2, 3], [4, 5]], '8301820203820405'],
  [new Map(), 'a0'],
  [new Map([[1, 2], [3, 4]]), 'a201020304'],
  [new Map<number, CborValue>([[1, 'x'], [24, [true]]]), 'a2016178181881f5'],
];

describe('encodeCbor', () => {
  it.each(KNOWN)('writes %o as the deterministic encoding', (value, expected) => {
    expect(toHexText(encodeCbor(value))).toBe(expected);
  });

  it('sorts map keys numerically, not by insertion order', () => {
    const map = new Map<number, CborValue>([[300, 0], [2, 0], [24, 0], [1, 0]]);
    expect(toHexText(encodeCbor(map))).toBe('a4' + '0100' + '0200' + '181800' + '19012c00');
  });

  it.each([
    ['a fraction', 1.5],
    ['NaN', Number.NaN],
    ['infinity', Number.POSITIVE_INFINITY],
    ['2^53', 2 ** 53],
    ['-2^53', -(2 ** 53)],
  ])('refuses %s, which has no integer encoding', (_label, value) => {
    expect(() => encodeCbor(value)).toThrow(RangeError);
  });

  it.each([
    ['a negative key', -1],
    ['a fractional key', 0.5],
    ['an unsafe key', 2 ** 53],
  ])('refuses a map with %s', (_label, key) => {
    expect(() => encodeCbor(new Map([[key, 0]]))).toThrow(RangeError);
  });

  it.each([
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', '\udc00'],
    ['a reversed pair', '\udc00\ud800'],
  ])('refuses text with %s, which UTF-8 cannot carry', (_label, text) => {
    expect(() => encodeCbor(text)).toThrow(RangeError);
    expect(() => encodeCbor([new Map([[0, text]])])).toThrow(RangeError);
  });

  it('refuses values nested deeper than the decoder would accept', () => {
    let deepest: CborValue = 0;
    for (let i = 0; i < 16; i++) deepest = [deepest];
    expect(decodeCbor(encodeCbor(deepest)).ok).toBe(true);
    expect(() => encodeCbor([deepest])).toThrow(RangeError);
  });
});

describe('decodeCbor accepts what encodeCbor writes', () => {
  it.each(KNOWN)('reads %o back', (value, encoding) => {
    const result = decodeCbor(hex(encoding));
    expect(result).toEqual({ ok: true, value });
  });

  it('returns byte strings that do not alias the input buffer', () => {
    const input = hex('4401020304');
    const result = decodeCbor(input);
    if (!result.ok || !(result.value instanceof Uint8Array)) throw new Error('expected bytes');
    input[1] = 0xff;
    expect([...result.value]).toEqual([1, 2, 3, 4]);
  });

  it('keeps a leading byte order mark in text, so the text re-encodes to the same bytes', () => {
    const result = decodeCbor(hex('64efbbbf61'));
    expect(result).toEqual({ ok: true, value: '\ufeffa' });
  });

  it('accepts nesting up to the limit: 17 arrays around nothing', () => {
    const bytes = new Uint8Array(17).fill(0x81);
    bytes[16] = 0x80;
    expect(decodeCbor(bytes).ok).toBe(true);
  });
});

/** Every one of these is rejected: each has a canonical twin or no meaning in our subset. */
const NON_CANONICAL: ReadonlyArray<readonly [string, string]> = [
  ['uint 5 in a one-byte head', '1805'],
  ['uint 23 in a one-byte head', '1817'],
  ['uint 255 in a two-byte head', '1900ff'],
  ['uint 65535 in a four-byte head', '1a0000ffff'],
  ['uint 2^32-1 in an eight-byte head', '1b00000000ffffffff'],
  ['uint 0 in an eight-byte head', '1b0000000000000000'],
  ['negative -6 in a one-byte head', '3805'],
  ['negative in a two-byte head', '390017'],
  ['byte string length in a one-byte head', '5803010203'],
  ['byte string length 0 in a two-byte head', '590000'],
  ['text length in a one-byte head', '780161'],
  ['array length in a one-byte head', '980100'],
  ['array length in a four-byte head', '9a0000000100'],
  ['map length in a one-byte head', 'b8010000'],
  ['map key in a one-byte head', 'a1180100'],
  ['map key 30 in a two-byte head', 'a119001e00'],
  ['unsorted map keys', 'a202000100'],
  ['unsorted map keys of different head sizes', 'a21818000100'],
  ['duplicate map keys', 'a201000100'],
  ['duplicate map keys with different values', 'a2010001f5'],
  ['a negative map key', 'a12000'],
  ['a text map key', 'a1616100'],
  ['a byte string map key', 'a1410000'],
  ['an array map key', 'a18000'],
  ['indefinite byte string', '5f4100ff'],
  ['indefinite text', '7f6161ff'],
  ['indefinite array', '9f01ff'],
  ['empty indefinite array', '9fff'],
  ['indefinite map', 'bf0100ff'],
  ['a lone break byte', 'ff'],
  ['reserved additional info 28', '1c'],
  ['reserved additional info 29', '3d'],
  ['reserved additional info 30 on a length', '5e'],
  ['half float', 'f90000'],
  ['single float', 'fa3f800000'],
  ['double float', 'fb3ff0000000000000'],
  ['undefined', 'f7'],
  ['simple value 0', 'e0'],
  ['simple value 19', 'f3'],
  ['simple value in a one-byte head', 'f820'],
  ['false in a one-byte head', 'f814'],
  ['tag 0 on text', 'c06161'],
  ['tag 2 bignum', 'c24101'],
  ['tag 24 in a one-byte head', 'd81840'],
  ['self-described CBOR tag', 'd9d9f700'],
  ['invalid UTF-8 byte', '61ff'],
  ['UTF-8 continuation byte alone', '6180'],
  ['overlong UTF-8 for NUL', '62c080'],
  ['overlong UTF-8 for slash', '63e080af'],
  ['UTF-8 encoded surrogate', '63eda080'],
  ['truncated UTF-8 sequence', '62e6b0'],
  ['UTF-8 beyond U+10FFFF', '64f4908080'],
  ['trailing zero byte', '0000'],
  ['two values back to back', '6161f5'],
  ['trailing bytes after an array', '8001'],
  ['uint 2^53', '1b0020000000000000'],
  ['uint 2^64-1', '1bffffffffffffffff'],
  ['negative -2^53', '3b001fffffffffffff'],
  ['negative -2^53-1', '3b0020000000000000'],
  ['negative -2^64', '3bffffffffffffffff'],
  ['map key 2^53', 'a11b002000000000000000'],
  ['empty input', ''],
];

describe('decodeCbor rejects', () => {
  it.each(NON_CANONICAL)('%s', (_label, encoding) => {
    const result = decodeCbor(hex(encoding));
    expect(result.ok).toBe(false);
  });

  it('every proper prefix of a valid encoding', () => {
    const value: CborValue = new Map<number, CborValue>([
      [0, 1],
      [1, 'caf\u00e9 \u{1f33b}'],
      [2, new Uint8Array(300).fill(7)],
      [3, [true, false, null, -70000, 2 ** 40]],
      [70000, new Map<number, CborValue>([[1, []]])],
    ]);
    const bytes = encodeCbor(value);
    expect(decodeCbor(bytes).ok).toBe(true);
    for (let length = 0; length < bytes.length; length++) {
      expect(decodeCbor(bytes.subarray(0, length)).ok, `prefix of ${length} bytes`).toBe(false);
    }
  });

  it('nesting one level past the limit', () => {
    const bytes = new Uint8Array(18).fill(0x81);
    bytes[17] = 0x80;
    expect(decodeCbor(bytes).ok).toBe(false);
  });

  it('very deep nesting without exhausting the stack', () => {
    expect(decodeCbor(new Uint8Array(100_000).fill(0x81)).ok).toBe(false);
    const maps = new Uint8Array(100_000);
    for (let i = 0; i < maps.length; i += 2) {
      maps[i] = 0xa1;
      maps[i + 1] = 0x00;
    }
    expect(decodeCbor(maps).ok).toBe(false);
  });

  it.each([
    ['byte string', '5b001fffffffffffff00'],
    ['byte string of 4 GiB', '5affffffff0000'],
    ['text', '7b001fffffffffffff61'],
    ['array', '9b001fffffffffffff00'],
    ['array of 4 G items', '9affffffff0000'],
    ['map', 'bb001fffffffffffff0000'],
    ['map of 4 G entries', 'baffffffff0000'],
    ['array nested in an array', '819b001fffffffffffff'],
  ])('a %s declaring a huge length over a few bytes, quickly', (_label, encoding) => {
    const started = performance.now();
    expect(decodeCbor(hex(encoding)).ok).toBe(false);
    // Generous: an attempt to allocate or loop over the declared length takes far longer.
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('a map declaring more entries than the remaining bytes could hold', () => {
    // Two entries need at least four bytes; three are present.
    expect(decodeCbor(hex('a2010203')).ok).toBe(false);
  });
});
