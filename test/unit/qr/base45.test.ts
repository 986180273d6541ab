import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base45Decode, base45Encode } from '../../../src/qr/base45';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('base45', () => {
  it.each([
    ['AB', 'BB8'],
    ['Hello!!', '%69 VD92EX0'],
    ['base-45', 'UJCLQE7W581'],
    ['ietf!', 'QED8WEX0'],
  ])('encodes the RFC 9285 example %j as %j and back', (plain, encoded) => {
    expect(base45Encode(utf8(plain))).toBe(encoded);
    expect(base45Decode(encoded)).toEqual(utf8(plain));
  });

  it('encodes nothing as nothing', () => {
    expect(base45Encode(new Uint8Array())).toBe('');
    expect(base45Decode('')).toEqual(new Uint8Array());
  });

  it.each([
    ['a character outside the alphabet', 'BB#'],
    ['lower case', 'bb8'],
    ['a non-ASCII character', 'BB\u00e9'],
    ['a triplet above 65535', 'GGW'],
    ['the largest triplet plus one', ':::'],
    ['a final pair above 255', '::'],
    ['a length of 3n + 1', 'BB8B'],
    ['a single character', 'B'],
    ['a stray newline', 'BB8\n'],
  ])('rejects %s', (_why, text) => {
    expect(base45Decode(text)).toBeNull();
  });

  it('accepts the largest valid triplet and pair', () => {
    expect(base45Decode('FGW')).toEqual(new Uint8Array([0xff, 0xff]));
    expect(base45Decode('U5')).toEqual(new Uint8Array([0xff]));
  });

  it('decodes whatever it encodes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(base45Decode(base45Encode(bytes))).toEqual(bytes);
      }),
    );
  });

  it('gives each byte string exactly one spelling', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z $%*+\-./:]{0,30}$/), (text) => {
        const bytes = base45Decode(text);
        if (bytes !== null) expect(base45Encode(bytes)).toBe(text);
      }),
    );
  });
});
