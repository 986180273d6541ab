import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base45Decode, base45Encode } from '../../../src/qr/base45';
import { crc32 } from '../../../src/qr/crc32';
import { CodeKind, decodeFrame, encodeFrame, expectFrame, MAX_CODE_TEXT } from '../../../src/qr/frame';

const body = new Uint8Array([1, 2, 3, 250, 0, 7]);

describe('code frame', () => {
  it('reads back the kind, version and body it was given', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 500 }), (kind, version, bytes) => {
        const decoded = decodeFrame(encodeFrame(kind, version, bytes));
        expect(decoded).toEqual({ ok: true, value: { kind, version, body: bytes } });
      }),
    );
  });

  it('starts with the magic bytes and ends with a big-endian CRC-32 of the rest', () => {
    const frame = base45Decode(encodeFrame(CodeKind.Welcome, 1, new TextEncoder().encode('123456789')))!;
    expect([...frame.subarray(0, 4)]).toEqual([0x54, 0x59, CodeKind.Welcome, 1]);
    // The same bytes through zlib's CRC-32.
    expect(Buffer.from(frame.subarray(-4)).readUInt32BE(0)).toBe(0xfdc6848f);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('ignores whitespace around a pasted text', () => {
    const text = encodeFrame(CodeKind.JoinRequest, 1, body);
    expect(decodeFrame(`\n  ${text}\r\n`)).toEqual({ ok: true, value: { kind: CodeKind.JoinRequest, version: 1, body } });
  });

  it('notices any single flipped bit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), (bytes, seed) => {
        const frame = base45Decode(encodeFrame(CodeKind.MemberIdentity, 1, bytes))!;
        const bit = seed % (frame.length * 8);
        frame[bit >> 3]! ^= 1 << (bit & 7);
        const decoded = decodeFrame(base45Encode(frame));
        expect(decoded.ok).toBe(false);
      }),
    );
  });

  it('calls a truncated text damaged or foreign, never valid', () => {
    const text = encodeFrame(CodeKind.Welcome, 1, new Uint8Array(120).fill(9));
    for (let length = 0; length < text.length; length++) {
      const decoded = decodeFrame(text.slice(0, length));
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(['damaged', 'not-tally']).toContain(decoded.error);
    }
    // Once the magic is in, a cut-off code is recognisably ours.
    expect(decodeFrame(text.slice(0, -1))).toEqual({ ok: false, error: 'damaged' });
    expect(decodeFrame(text.slice(0, -3))).toEqual({ ok: false, error: 'damaged' });
  });

  it.each([
    'https://example.org/x',
    'WIFI:S:home;T:WPA;P:pw;;',
    'bring the ladder back by friday',
    'HELLO WORLD',
    '',
    'BB8',
  ])('calls text from elsewhere (%j) not a Tally code', (text) => {
    expect(decodeFrame(text)).toEqual({ ok: false, error: 'not-tally' });
  });

  it('refuses an oversized text before decoding it', () => {
    expect(decodeFrame('A'.repeat(5000))).toEqual({ ok: false, error: 'too-large' });
    expect(decodeFrame('%'.repeat(MAX_CODE_TEXT + 1))).toEqual({ ok: false, error: 'too-large' });
  });

  it('refuses to make a frame a reader would refuse', () => {
    expect(() => encodeFrame(CodeKind.Welcome, 1, new Uint8Array(3000))).toThrow(RangeError);
    expect(() => encodeFrame(256, 1, body)).toThrow(RangeError);
    expect(() => encodeFrame(1, -1, body)).toThrow(RangeError);
  });

  it('checks kind and version for a caller that expects one kind', () => {
    const text = encodeFrame(CodeKind.Welcome, 2, body);
    expect(expectFrame(text, CodeKind.Welcome, [1, 2])).toEqual({ ok: true, value: { kind: CodeKind.Welcome, version: 2, body } });
    expect(expectFrame(text, CodeKind.JoinRequest, [2])).toEqual({ ok: false, error: 'wrong-kind' });
    expect(expectFrame(text, CodeKind.Welcome, [1])).toEqual({ ok: false, error: 'unsupported-version' });
    expect(expectFrame('https://example.org/x', CodeKind.Welcome, [1])).toEqual({ ok: false, error: 'not-tally' });
  });
});
