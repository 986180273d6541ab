/**
 * A tool's photo as a small thumbnail. Every phone in the circle carries every
 * tool's photo, so each one is kept under 30 KB: scaled to fit a 320 px box
 * and encoded as WebP (JPEG where the browser cannot encode WebP), stepping
 * quality and then size down until it fits.
 *
 * The file is untrusted: its size is checked before it is read, and its first
 * bytes before anything decodes it.
 */
import { SNIFF_BYTES, sniffImage, storedImageSize } from './image-sniff';
import type { SniffedType } from './image-sniff';

/** Larger files are refused before they are read whole. */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
/** Pictures with more pixels than this (a 64-megapixel camera's) are refused before decoding. */
export const MAX_PHOTO_PIXELS = 64 * 1024 * 1024;
export const MAX_THUMBNAIL_BYTES = 30 * 1024;
export const THUMBNAIL_BOX = 320;
/** No thumbnail is made smaller than this on its longer side. */
export const MIN_THUMBNAIL_SIDE = 96;
export const QUALITY_STEPS: readonly number[] = [0.82, 0.72, 0.62, 0.52, 0.42];
/** Shrink factor of a side when quality alone is not enough. */
const SHRINK = 0.8;
/** A result this many times over the limit skips the quality steps and shrinks at once. */
const FAR_OVER = 2;
/** A bound on encoder calls, whatever the encoder answers. */
export const MAX_ENCODE_ATTEMPTS = 16;
/** Enough of the file's start to hold a JPEG's EXIF block and frame header. */
const HEAD_BYTES = 64 * 1024;

export type ThumbnailType = 'image/webp' | 'image/jpeg';
export type ThumbnailProblem = 'not-an-image' | 'too-large' | 'unreadable';
export type ThumbnailResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly type: ThumbnailType; readonly width: number; readonly height: number }
  | { readonly ok: false; readonly problem: ThumbnailProblem };

export interface ThumbnailOptions {
  /** Longest side of the thumbnail, in pixels: 320 unless given. */
  readonly box?: number;
  /** Most bytes a thumbnail may take: 30 KB unless given. */
  readonly maxBytes?: number;
  /** Largest file accepted: 20 MB unless given. */
  readonly maxInputBytes?: number;
}

export interface EncodeAttempt {
  readonly width: number;
  readonly height: number;
  readonly quality: number;
}

/** The size of a width × height picture scaled to fit a box × box square, never enlarged. */
export function fitWithin(width: number, height: number, box: number): { width: number; height: number } {
  const scale = Math.min(1, box / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export function firstEncodeAttempt(width: number, height: number, box: number = THUMBNAIL_BOX): EncodeAttempt {
  return { ...fitWithin(width, height, box), quality: QUALITY_STEPS[0]! };
}

function shrink(previous: EncodeAttempt, factor: number): EncodeAttempt | null {
  const longer = Math.max(previous.width, previous.height);
  if (longer <= MIN_THUMBNAIL_SIDE) return null;
  const target = Math.max(MIN_THUMBNAIL_SIDE, Math.floor(longer * factor));
  return { ...fitWithin(previous.width, previous.height, target), quality: previous.quality };
}

/**
 * What to try after an encoding of `previous` came out at `resultBytes`:
 * null when it fits, or when nothing smaller is worth trying. A result far
 * over the limit shrinks the picture at once (bytes go roughly with the pixel
 * count); otherwise quality steps down first, and then the size.
 */
export function nextEncodeAttempt(previous: EncodeAttempt, resultBytes: number, maxBytes: number = MAX_THUMBNAIL_BYTES): EncodeAttempt | null {
  if (resultBytes <= maxBytes) return null;
  const ratio = resultBytes / maxBytes;
  if (ratio >= FAR_OVER) return shrink(previous, Math.min(SHRINK, Math.sqrt(1 / ratio)));
  const lower = QUALITY_STEPS.find((quality) => quality < previous.quality);
  if (lower !== undefined) return { ...previous, quality: lower };
  return shrink(previous, SHRINK);
}

/** A decoded picture, upright (EXIF orientation applied). */
export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  close(): void;
}

/** Decoding and encoding, which the browser does; tests give their own. */
export interface ImageCodec<Image extends DecodedImage = DecodedImage> {
  decode(file: Blob): Promise<Image>;
  /** The picture scaled to the attempt's size; the blob's type says what the browser really made. */
  encode(image: Image, attempt: EncodeAttempt, type: ThumbnailType): Promise<Blob>;
}

const DECODABLE: ReadonlySet<SniffedType> = new Set(['image/jpeg', 'image/png', 'image/webp']);
/** Decoded only where the browser can; elsewhere they are reported unreadable. */
const MAYBE_DECODABLE: ReadonlySet<SniffedType> = new Set(['image/heic', 'image/avif']);

async function readBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/** makeThumbnail with the decoding and encoding given. */
export async function makeThumbnailWith<Image extends DecodedImage>(
  codec: ImageCodec<Image>,
  file: Blob,
  options: ThumbnailOptions = {},
): Promise<ThumbnailResult> {
  const { box = THUMBNAIL_BOX, maxBytes = MAX_THUMBNAIL_BYTES, maxInputBytes = MAX_PHOTO_BYTES } = options;
  if (file.size > maxInputBytes) return { ok: false, problem: 'too-large' };
  if (file.size === 0) return { ok: false, problem: 'not-an-image' };

  let head: Uint8Array;
  try {
    head = await readBytes(file.slice(0, HEAD_BYTES));
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const type = sniffImage(head.subarray(0, SNIFF_BYTES));
  if (type === null || (!DECODABLE.has(type) && !MAYBE_DECODABLE.has(type))) return { ok: false, problem: 'not-an-image' };
  const stored = storedImageSize(head, type);
  if (stored !== null && (stored.width === 0 || stored.height === 0)) return { ok: false, problem: 'unreadable' };
  if (stored !== null && stored.width * stored.height > MAX_PHOTO_PIXELS) return { ok: false, problem: 'too-large' };

  let image: Image;
  try {
    image = await codec.decode(file);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  try {
    if (image.width < 1 || image.height < 1 || image.width * image.height > MAX_PHOTO_PIXELS) return { ok: false, problem: 'unreadable' };
    let outputType: ThumbnailType = 'image/webp';
    let attempt: EncodeAttempt | null = firstEncodeAttempt(image.width, image.height, box);
    for (let tries = 0; attempt !== null && tries < MAX_ENCODE_ATTEMPTS; tries++) {
      let blob = await codec.encode(image, attempt, outputType);
      if (blob.type !== outputType && outputType === 'image/webp') {
        // This browser cannot encode WebP (it silently made a PNG): JPEG from here on.
        outputType = 'image/jpeg';
        blob = await codec.encode(image, attempt, outputType);
      }
      if (blob.type !== outputType) return { ok: false, problem: 'unreadable' };
      if (blob.size <= maxBytes) {
        return { ok: true, bytes: await readBytes(blob), type: outputType, width: attempt.width, height: attempt.height };
      }
      attempt = nextEncodeAttempt(attempt, blob.size, maxBytes);
    }
    return { ok: false, problem: 'unreadable' };
  } catch {
    return { ok: false, problem: 'unreadable' };
  } finally {
    image.close();
  }
}

/** The browser's decoder and encoder: createImageBitmap, and an OffscreenCanvas where there is one. */
export const browserCodec: ImageCodec<ImageBitmap> = {
  decode: (file) => createImageBitmap(file, { imageOrientation: 'from-image' }),
  async encode(image, { width, height, quality }, type) {
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      if (context === null) throw new Error('no 2d context');
      draw(context, image, width, height);
      return canvas.convertToBlob({ type, quality });
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2d context');
    draw(context, image, width, height);
    return new Promise<Blob>((done, fail) => canvas.toBlob((blob) => (blob === null ? fail(new Error('encoding failed')) : done(blob)), type, quality));
  },
};

function draw(context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D, image: ImageBitmap, width: number, height: number): void {
  // JPEG has no transparency: a transparent PNG goes on white, not black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, 0, 0, width, height);
}

/** A photo chosen or taken by a member, as a thumbnail small enough for every phone to carry. */
export function makeThumbnail(file: Blob, options?: ThumbnailOptions): Promise<ThumbnailResult> {
  return makeThumbnailWith(browserCodec, file, options);
}
