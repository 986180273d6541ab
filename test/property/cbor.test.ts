import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCbor, encodeCbor } from '../../src/records/cbor';
import type { CborValue } from '../../src/records/cbor';
import { fromBase64Url, toBase64Url } from '../../src/records/bytes';

const SEED = 0x7a11;

/** Values where the head changes size, and their negatives. */
const EDGES = [0, 1, 23, 24, 255, 256, 65535, 65536, 2 ** 32 - 1, 2 ** 32, Number.MAX_SAFE_INTEGER];
const edgeInteger = fc.constantFrom(...EDGES, ...EDGES.map((n) => -1 - n).filter((n) => Number.isSafeInteger(n)), -24, -25);

const integer = fc.oneof(edgeInteger, fc.integer(), fc.maxSafeInteger());
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
const mapKey = fc.oneof(fc.constantFrom(...EDGES), fc.nat(40), fc.maxSafeNat());

const { value: cborValue } = fc.letrec<{ value: CborValue; array: CborValue[]; map: Map<number, CborValue> }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 5, depthIdentifier: 'cbor' },
    integer,
    text,
    fc.uint8Array({ maxLength: 300 }),
    fc.boolean(),
    fc.constant(null),
    tie('array'),
    tie('map'),
  ),
  array: fc.array(tie('value'), { maxLength: 5, depthIdentifier: 'cbor' }),
  map: fc
    .uniqueArray(fc.tuple(mapKey, tie('value')), { selector: ([key]) => key, maxLength: 5, depthIdentifier: 'cbor' })
    .map((entries) => new Map(entries)),
}));

/** Small edits of a valid encoding: these land near canonical bytes far more often than noise does. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), byte: fc.nat(255) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), byte: fc.nat(255) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(bytes: Uint8Array, edits: readonly Mutation[]): Uint8Array {
  const out = [...bytes];
  for (const edit of edits) {
    const at = out.length === 0 ? 0 : edit.at % (out.length + (edit.op === 'insert' ? 1 : 0));
    if (edit.op === 'set' && out.length > 0) out[at] = edit.byte;
    else if (edit.op === 'insert') out.splice(at, 0, edit.byte);
    else if (edit.op === 'delete') out.splice(at, 1);
    else if (edit.op === 'flip' && out.length > 0) out[at]! ^= 1 << edit.bit;
  }
  return Uint8Array.from(out);
}

/** The defining property of a canonical format: whatever decodes, encodes back to exactly the same bytes. */
function expectCanonical(bytes: Uint8Array): void {
  const result = decodeCbor(bytes);
  if (result.ok) expect(Buffer.from(encodeCbor(result.value)).equals(Buffer.from(bytes))).toBe(true);
}

describe('CBOR properties', () => {
  it('round-trips every encodable value', () => {
    fc.assert(
      fc.property(cborValue, (value) => {
        const bytes = encodeCbor(value);
        const decoded = decodeCbor(bytes);
        expect(decoded).toEqual({ ok: true, value });
        if (decoded.ok) expect(encodeCbor(decoded.value)).toEqual(bytes);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('accepts only canonical bytes among random inputs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 48 }), (bytes) => expectCanonical(bytes)),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('accepts only canonical bytes among edits of valid encodings', () => {
    let decodedSome = 0;
    fc.assert(
      fc.property(cborValue, fc.array(mutation, { minLength: 1, maxLength: 3 }), (value, edits) => {
        const bytes = mutate(encodeCbor(value), edits);
        if (decodeCbor(bytes).ok) decodedSome++;
        expectCanonical(bytes);
      }),
      { seed: SEED, numRuns: 3000 },
    );
    // Guards the generator: if no edit ever decoded, the property above would check nothing.
    expect(decodedSome).toBeGreaterThan(100);
  });
});

describe('base64url properties', () => {
  const alphabet = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/'.split(''));

  it('matches the standard unpadded alphabet and inverts exactly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('refuses any text that is not the one spelling of some bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary-ascii', maxLength: 20 }), fc.string({ unit: alphabet, maxLength: 20 })), (text) => {
        const bytes = fromBase64Url(text);
        if (bytes !== null) expect(toBase64Url(bytes)).toBe(text);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
