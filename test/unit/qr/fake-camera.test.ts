import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { pngToRgba, renderCodeToRgba, writeY4m } from '../../e2e/lib/fake-camera';
import type { RgbaImage } from '../../e2e/lib/fake-camera';

function solid(width: number, height: number, value: number): RgbaImage {
  const rgba = new Uint8Array(width * height * 4).fill(value);
  for (let i = 3; i < rgba.length; i += 4) rgba[i] = 255;
  return { width, height, rgba };
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tally-y4m-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fake camera file', () => {
  it('writes a YUV4MPEG2 header and one 4:2:0 picture a frame', async () => {
    const path = join(dir, 'two.y4m');
    await writeY4m(path, [solid(100, 80, 0), solid(2000, 100, 255)]);
    const file = await readFile(path);
    const header = 'YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n';
    const frameBytes = 640 * 480 * 1.5;
    expect(file.subarray(0, header.length).toString('ascii')).toBe(header);
    expect(file.length).toBe(header.length + 2 * ('FRAME\n'.length + frameBytes));
    expect(file.subarray(header.length, header.length + 6).toString('ascii')).toBe('FRAME\n');
    const second = header.length + 'FRAME\n'.length + frameBytes;
    expect(file.subarray(second, second + 6).toString('ascii')).toBe('FRAME\n');
  });

  it('puts black on a white ground, centred, in studio-range luma', async () => {
    const path = join(dir, 'black.y4m');
    await writeY4m(path, [solid(20, 10, 0)], { width: 64, height: 48, fps: 5 });
    const file = await readFile(path);
    const header = 'YUV4MPEG2 W64 H48 F5:1 Ip A1:1 C420jpeg\n';
    expect(file.subarray(0, header.length).toString('ascii')).toBe(header);
    const luma = file.subarray(header.length + 'FRAME\n'.length);
    const at = (x: number, y: number): number => luma[y * 64 + x]!;
    expect(at(0, 0)).toBeGreaterThanOrEqual(235);
    expect(at(32, 24)).toBeLessThanOrEqual(16);
    // The 20x10 image spans x 22..41 and y 19..28.
    expect(at(21, 24)).toBeGreaterThanOrEqual(235);
    expect(at(22, 24)).toBeLessThanOrEqual(16);
    expect(at(41, 24)).toBeLessThanOrEqual(16);
    expect(at(42, 24)).toBeGreaterThanOrEqual(235);
    expect(at(32, 18)).toBeGreaterThanOrEqual(235);
    expect(at(32, 19)).toBeLessThanOrEqual(16);
    const chroma = luma.subarray(64 * 48);
    expect(Math.max(...chroma.map((value) => Math.abs(value - 128)))).toBeLessThanOrEqual(1);
  });

  it('shrinks an image larger than the frame so that all of it shows', async () => {
    const path = join(dir, 'large.y4m');
    await writeY4m(path, [solid(400, 400, 0)], { width: 64, height: 48 });
    const luma = (await readFile(path)).subarray('YUV4MPEG2 W64 H48 F10:1 Ip A1:1 C420jpeg\nFRAME\n'.length);
    // Scaled to 48x48, centred: x 8..55 black, the rest white.
    expect(luma[10 * 64 + 7]).toBeGreaterThanOrEqual(235);
    expect(luma[10 * 64 + 8]).toBeLessThanOrEqual(16);
    expect(luma[47 * 64 + 55]).toBeLessThanOrEqual(16);
    expect(luma[47 * 64 + 56]).toBeGreaterThanOrEqual(235);
  });

  it('refuses odd frame sides, which 4:2:0 cannot hold', async () => {
    await expect(writeY4m(join(dir, 'odd.y4m'), [solid(2, 2, 0)], { width: 63 })).rejects.toThrow(RangeError);
  });

  it('reads a PNG into RGBA', () => {
    const png = new PNG({ width: 3, height: 2 });
    png.data.fill(0);
    png.data[4] = 200;
    png.data[7] = 255;
    const image = pngToRgba(PNG.sync.write(png));
    expect(image.width).toBe(3);
    expect(image.height).toBe(2);
    expect([...image.rgba.subarray(4, 8)]).toEqual([200, 0, 0, 255]);
  });

  it('renders a code with a white quiet zone, scale pixels a module', () => {
    const image = renderCodeToRgba('HELLO', 3);
    // Version 1 is 21 modules, plus 4 on each side.
    expect(image.width).toBe(29 * 3);
    expect(image.rgba[0]).toBe(255);
    // The finder pattern's corner module sits just inside the quiet zone.
    const corner = (4 * 3 * image.width + 4 * 3) * 4;
    expect([...image.rgba.subarray(corner, corner + 4)]).toEqual([0, 0, 0, 255]);
    const beforeCorner = corner - 4;
    expect(image.rgba[beforeCorner]).toBe(255);
  });
});
