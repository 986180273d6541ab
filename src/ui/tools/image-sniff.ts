/**
 * What kind of picture a file is, by its first bytes rather than its name or
 * the type the browser guessed from the name: a PDF renamed photo.jpg is
 * still a PDF. Pure, so it runs the same in tests.
 */

export type SniffedType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'image/heic' | 'image/avif' | 'image/svg+xml';

/** How many leading bytes sniffImage looks at; fewer may be given for a short file. */
export const SNIFF_BYTES = 512;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((value, i) => bytes[offset + i] === value);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to && i < bytes.length; i++) out += String.fromCharCode(bytes[i]!);
  return out;
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0;
}

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
/** Brands that say "some HEIF file" without naming the codec: the compatible brands tell. */
const GENERIC_HEIF_BRANDS = new Set(['mif1', 'msf1', 'mif2']);

/** An ISO base media file ('ftyp' box first) holding a HEIC or AVIF picture. */
function sniffHeif(bytes: Uint8Array): 'image/heic' | 'image/avif' | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return null;
  const boxSize = readUint32(bytes, 0);
  if (boxSize < 16 || boxSize % 4 !== 0) return null;
  const major = ascii(bytes, 8, 12);
  if (HEIC_BRANDS.has(major)) return 'image/heic';
  if (AVIF_BRANDS.has(major)) return 'image/avif';
  if (!GENERIC_HEIF_BRANDS.has(major)) return null;
  // Compatible brands follow the major brand and its minor version.
  const end = Math.min(boxSize, bytes.length);
  for (let at = 16; at + 4 <= end; at += 4) {
    const brand = ascii(bytes, at, at + 4);
    if (AVIF_BRANDS.has(brand)) return 'image/avif';
    if (HEIC_BRANDS.has(brand)) return 'image/heic';
  }
  return null;
}

/**
 * An SVG file: text that, after an optional byte-order mark, whitespace, an
 * XML declaration, comments and a doctype, opens an <svg> element.
 */
function sniffSvg(bytes: Uint8Array): boolean {
  let text = ascii(bytes, 0, Math.min(bytes.length, SNIFF_BYTES));
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  let at = 0;
  for (;;) {
    while (at < text.length && ' \t\r\n'.includes(text[at]!)) at++;
    if (text.startsWith('<?', at)) {
      const close = text.indexOf('?>', at);
      if (close < 0) return false;
      at = close + 2;
    } else if (text.startsWith('<!--', at)) {
      const close = text.indexOf('-->', at + 4);
      if (close < 0) return false;
      at = close + 3;
    } else if (text.slice(at, at + 9).toUpperCase() === '<!DOCTYPE') {
      const close = text.indexOf('>', at);
      if (close < 0) return false;
      at = close + 1;
    } else {
      return /^<svg[\s>/]/i.test(text.slice(at, at + 5)) || /^<[A-Za-z_][\w.-]*:svg[\s>/]/.test(text.slice(at, at + 40));
    }
  }
}

/** The picture format of a file's leading bytes (up to SNIFF_BYTES of them), or null for anything else. */
export function sniffImage(head: Uint8Array): SniffedType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP' && ascii(head, 12, 15) === 'VP8') return 'image/webp';
  const gif = ascii(head, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return 'image/gif';
  const heif = sniffHeif(head);
  if (heif !== null) return heif;
  if (sniffSvg(head)) return 'image/svg+xml';
  return null;
}

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

function readUint16(bytes: Uint8Array, offset: number): number {
  return (bytes[offset]! << 8) | bytes[offset + 1]!;
}

function readUint24le(bytes: Uint8Array, offset: number): number {
  return bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16);
}

/** JPEG: the frame header (SOFn) gives the size; markers before it are skipped by their lengths. */
function jpegSize(bytes: Uint8Array): ImageSize | null {
  let at = 2;
  while (at + 9 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    // Markers without a length: TEM, RSTn.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = readUint16(bytes, at + 2);
    if (length < 2) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { height: readUint16(bytes, at + 5), width: readUint16(bytes, at + 7) };
    if (marker === 0xd9 || marker === 0xda) return null;
    at += 2 + length;
  }
  return null;
}

function webpSize(bytes: Uint8Array): ImageSize | null {
  const chunk = ascii(bytes, 12, 16);
  if (chunk === 'VP8X' && bytes.length >= 30) return { width: readUint24le(bytes, 24) + 1, height: readUint24le(bytes, 27) + 1 };
  if (chunk === 'VP8L' && bytes.length >= 25 && bytes[20] === 0x2f) {
    const bits = (bytes[21]! | (bytes[22]! << 8) | (bytes[23]! << 16) | (bytes[24]! << 24)) >>> 0;
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ' && bytes.length >= 30 && startsWith(bytes, [0x9d, 0x01, 0x2a], 23)) {
    return { width: (bytes[26]! | (bytes[27]! << 8)) & 0x3fff, height: (bytes[28]! | (bytes[29]! << 8)) & 0x3fff };
  }
  return null;
}

/**
 * The stored size of a JPEG, PNG or WebP picture, read from its header before
 * anything decodes it, so that a small file that would unpack into an
 * enormous bitmap can be refused. Null when the header is not in `head`.
 * (For a JPEG this is before any EXIF rotation, which does not change the pixel count.)
 */
export function storedImageSize(head: Uint8Array, type: SniffedType): ImageSize | null {
  switch (type) {
    case 'image/png':
      return head.length >= 24 && ascii(head, 12, 16) === 'IHDR' ? { width: readUint32(head, 16), height: readUint32(head, 20) } : null;
    case 'image/jpeg':
      return jpegSize(head);
    case 'image/webp':
      return webpSize(head);
    default:
      return null;
  }
}
