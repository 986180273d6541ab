import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { decodeQrCodes } from '../../../src/qr/decoder';
import { CodeKind, decodeFrame, encodeFrame } from '../../../src/qr/frame';
import { qrMatrix, qrSvgPath, versionForText } from '../../../src/qr/generate';
import { renderCodeToRgba } from '../../e2e/lib/fake-camera';
import type { RgbaImage } from '../../e2e/lib/fake-camera';

/** Deterministic bytes, so that a failure reproduces. */
function bytesFrom(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}

function asImageData(image: RgbaImage): ImageData {
  const data = new Uint8ClampedArray(image.rgba.buffer, image.rgba.byteOffset, image.rgba.byteLength);
  return { data, width: image.width, height: image.height, colorSpace: 'srgb' } as ImageData;
}

beforeAll(async () => {
  // Node has no web server to fetch the wasm from: hand the reader the file itself.
  const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const wasmBinary = (await readFile(wasmPath)).buffer;
  prepareZXingModule({ overrides: { wasmBinary } });
});

describe('generated codes read back with a real decoder', () => {
  it.each([300, 412])('a frame with a %i-byte body', async (length) => {
    const body = bytesFrom(length, length);
    const text = encodeFrame(CodeKind.Welcome, 1, body);
    const decoded = await decodeQrCodes(asImageData(renderCodeToRgba(text, 4)));
    expect(decoded).toEqual([text]);
    expect(decodeFrame(decoded[0]!)).toEqual({ ok: true, value: { kind: CodeKind.Welcome, version: 1, body } });
  });

  it('uses error correction M or better', async () => {
    const text = encodeFrame(CodeKind.JoinRequest, 1, bytesFrom(7, 183));
    const [result] = await readBarcodes(asImageData(renderCodeToRgba(text, 4)), { formats: ['QRCode'] });
    expect(result?.text).toBe(text);
    expect(['M', 'Q', 'H']).toContain(result?.ecLevel);
  });

  it('reads no code where there is none', async () => {
    const blank = { width: 64, height: 64, rgba: new Uint8Array(64 * 64 * 4).fill(255) };
    expect(await decodeQrCodes(asImageData(blank))).toEqual([]);
  });
});

describe('code size', () => {
  it('fits a join request (183 bytes) in version 10', () => {
    expect(versionForText(encodeFrame(CodeKind.JoinRequest, 1, bytesFrom(1, 183)))).toBeLessThanOrEqual(10);
  });

  // Base45 in alphanumeric mode costs 8.25 bits a byte against byte mode's 8,
  // and the frame adds 8 bytes: 392 bytes of body is the most that version 15 at M holds.
  it('fits a 392-byte body in version 15, the largest a phone screen reliably shows', () => {
    expect(versionForText(encodeFrame(CodeKind.Welcome, 1, bytesFrom(2, 392)))).toBeLessThanOrEqual(15);
    expect(versionForText(encodeFrame(CodeKind.Welcome, 1, bytesFrom(2, 393)))).toBe(16);
  });

  it('needs version 16 for a 412-byte body', () => {
    expect(versionForText(encodeFrame(CodeKind.Welcome, 1, bytesFrom(3, 412)))).toBe(16);
  });

  it('reports the version that matches the module count', () => {
    const matrix = qrMatrix(encodeFrame(CodeKind.MemberIdentity, 1, bytesFrom(4, 60)));
    expect(matrix.size).toBe(17 + 4 * matrix.version);
  });
});

describe('SVG path', () => {
  it('covers exactly the dark modules', () => {
    const matrix = qrMatrix(encodeFrame(CodeKind.MemberIdentity, 1, bytesFrom(5, 80)));
    const path = qrSvgPath(matrix);
    const covered = new Set<string>();
    const runs = [...path.matchAll(/M(\d+) (\d+)h(\d+)v1H(\d+)z/g)];
    expect(runs.map((run) => run[0]).join('')).toBe(path);
    for (const [, x, y, length, back] of runs) {
      expect(back).toBe(x);
      for (let i = 0; i < Number(length); i++) covered.add(`${Number(x) + i},${y}`);
    }
    for (let y = 0; y < matrix.size; y++) {
      for (let x = 0; x < matrix.size; x++) expect(covered.has(`${x},${y}`)).toBe(matrix.isDark(x, y));
    }
    expect(covered.size).toBeGreaterThan(0);
  });
});
