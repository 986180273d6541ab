import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { SNIFF_BYTES, sniffImage, storedImageSize } from '../../../src/ui/tools/image-sniff';

function bytes(...parts: (string | readonly number[])[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') for (const c of part) out.push(c.charCodeAt(0) & 0xff);
    else out.push(...part);
  }
  return new Uint8Array(out);
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const u32 = (n: number): number[] => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const u16 = (n: number): number[] => [(n >>> 8) & 0xff, n & 0xff];

/** A JPEG's start as a phone writes it: SOI, an EXIF block, quantisation tables, then the frame header. */
function jpegHead(width: number, height: number, exifLength = 2000): Uint8Array {
  return bytes(
    [0xff, 0xd8],
    [0xff, 0xe1], u16(exifLength), 'Exif', [0, 0], new Array<number>(exifLength - 8).fill(0x11),
    [0xff, 0xdb], u16(67), new Array<number>(65).fill(1),
    [0xff, 0xc0], u16(17), [8], u16(height), u16(width), [3], new Array<number>(9).fill(0),
  );
}

function ftyp(major: string, ...compatible: string[]): Uint8Array {
  return bytes(u32(16 + 4 * compatible.length), 'ftyp', major, [0, 0, 0, 0], ...compatible, u32(0), 'meta');
}

describe('sniffImage', () => {
  it('knows a real PNG', () => {
    const png = PNG.sync.write(new PNG({ width: 3, height: 2 }));
    expect(sniffImage(new Uint8Array(png))).toBe('image/png');
    expect(storedImageSize(new Uint8Array(png), 'image/png')).toEqual({ width: 3, height: 2 });
  });

  it('knows JPEG, WebP and GIF by their signatures', () => {
    expect(sniffImage(jpegHead(4032, 3024))).toBe('image/jpeg');
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(sniffImage(bytes('RIFF', u32(100), 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffImage(bytes('RIFF', u32(100), 'WEBPVP8L'))).toBe('image/webp');
    expect(sniffImage(bytes('RIFF', u32(100), 'WEBPVP8X'))).toBe('image/webp');
    expect(sniffImage(bytes('GIF89a', [1, 0, 1, 0]))).toBe('image/gif');
    expect(sniffImage(bytes('GIF87a', [1, 0, 1, 0]))).toBe('image/gif');
  });

  it('knows HEIC and AVIF by their brands', () => {
    expect(sniffImage(ftyp('heic', 'mif1', 'heic'))).toBe('image/heic');
    expect(sniffImage(ftyp('heix', 'mif1'))).toBe('image/heic');
    expect(sniffImage(ftyp('mif1', 'heic'))).toBe('image/heic');
    expect(sniffImage(ftyp('avif', 'mif1', 'miaf'))).toBe('image/avif');
    expect(sniffImage(ftyp('mif1', 'miaf', 'avif'))).toBe('image/avif');
  });

  it('does not take videos and other ISO media files for pictures', () => {
    expect(sniffImage(ftyp('isom', 'iso2', 'mp41'))).toBeNull();
    expect(sniffImage(ftyp('qt  '))).toBeNull();
    expect(sniffImage(ftyp('mif1', 'miaf'))).toBeNull();
    // A box size that cannot be.
    expect(sniffImage(bytes(u32(3), 'ftypheic', [0, 0, 0, 0]))).toBeNull();
  });

  it('knows SVG behind a byte-order mark, an XML declaration, comments and a doctype', () => {
    expect(sniffImage(text('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe('image/svg+xml');
    expect(sniffImage(text('\ufeff  \n<?xml version="1.0"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg>'))).toBe('image/svg+xml');
    expect(sniffImage(text('<SVG\tviewBox="0 0 1 1">'))).toBe('image/svg+xml');
    expect(sniffImage(text('<svg/>'))).toBe('image/svg+xml');
    expect(sniffImage(text('<svg:svg xmlns:svg="http://www.w3.org/2000/svg">'))).toBe('image/svg+xml');
    expect(sniffImage(text('<svgfoo>'))).toBeNull();
    expect(sniffImage(text('<html><svg></svg></html>'))).toBeNull();
    expect(sniffImage(text('<!-- never closed <svg>'))).toBeNull();
  });

  it('refuses what is not a picture, whatever its name', () => {
    const notPictures = [
      text('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
      bytes('PK', [3, 4, 20, 0]),
      bytes([0x7f], 'ELF'),
      text('MZ'),
      text('hello, this is a text file'),
      text('<html><body>'),
      bytes('RIFF', u32(100), 'WAVEfmt '),
      bytes('RIFF', u32(100), 'WEBPXXXX'),
      bytes('RIFF', u32(100), 'WEBP'),
      bytes([0xff, 0xd8]),
      bytes([0x89], 'PNG'),
      bytes('GIF88a'),
      new Uint8Array(0),
      new Uint8Array(SNIFF_BYTES),
    ];
    for (const head of notPictures) expect(sniffImage(head)).toBeNull();
  });
});

describe('storedImageSize', () => {
  it('finds a JPEG’s frame header past its EXIF block', () => {
    expect(storedImageSize(jpegHead(4032, 3024), 'image/jpeg')).toEqual({ width: 4032, height: 3024 });
    expect(storedImageSize(jpegHead(640, 480, 60_000), 'image/jpeg')).toEqual({ width: 640, height: 480 });
  });

  it('says nothing when the frame header is beyond the bytes given', () => {
    const head = jpegHead(4032, 3024, 60_000);
    expect(storedImageSize(head.subarray(0, 30_000), 'image/jpeg')).toBeNull();
  });

  it('stops at the start of the picture data or on a broken marker', () => {
    expect(storedImageSize(bytes([0xff, 0xd8, 0xff, 0xda], u16(12), new Array<number>(20).fill(0)), 'image/jpeg')).toBeNull();
    expect(storedImageSize(bytes([0xff, 0xd8, 0x00, 0x00], new Array<number>(20).fill(0)), 'image/jpeg')).toBeNull();
    expect(storedImageSize(bytes([0xff, 0xd8, 0xff, 0xe0], u16(0), new Array<number>(20).fill(0)), 'image/jpeg')).toBeNull();
  });

  it('reads the three kinds of WebP header', () => {
    const vp8x = bytes('RIFF', u32(100), 'WEBPVP8X', u32(10), [0, 0, 0, 0], [0x3f, 0x01, 0x00], [0xef, 0x00, 0x00]);
    expect(storedImageSize(vp8x, 'image/webp')).toEqual({ width: 320, height: 240 });
    // VP8L: 14 bits of width - 1, then 14 bits of height - 1.
    const bits = (320 - 1) | ((240 - 1) << 14);
    const vp8l = bytes('RIFF', u32(100), 'WEBPVP8L', u32(10), [0x2f], [bits & 0xff, (bits >>> 8) & 0xff, (bits >>> 16) & 0xff, (bits >>> 24) & 0xff]);
    expect(storedImageSize(vp8l, 'image/webp')).toEqual({ width: 320, height: 240 });
    const vp8 = bytes('RIFF', u32(100), 'WEBPVP8 ', u32(10), [0, 0, 0], [0x9d, 0x01, 0x2a], [0x40, 0x01], [0xf0, 0x00]);
    expect(storedImageSize(vp8, 'image/webp')).toEqual({ width: 320, height: 240 });
  });

  it('reads a PNG’s header and nothing for other kinds', () => {
    const png = bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], u32(13), 'IHDR', u32(100_000), u32(100_000));
    expect(storedImageSize(png, 'image/png')).toEqual({ width: 100_000, height: 100_000 });
    expect(storedImageSize(png.subarray(0, 20), 'image/png')).toBeNull();
    expect(storedImageSize(ftyp('heic'), 'image/heic')).toBeNull();
  });
});
