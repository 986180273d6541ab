import { describe, expect, it } from 'vitest';
import {
  MAX_ENCODE_ATTEMPTS,
  MAX_PHOTO_BYTES,
  MAX_THUMBNAIL_BYTES,
  MIN_THUMBNAIL_SIDE,
  QUALITY_STEPS,
  firstEncodeAttempt,
  fitWithin,
  makeThumbnailWith,
  nextEncodeAttempt,
} from '../../../src/ui/tools/thumbnail';
import type { DecodedImage, EncodeAttempt, ImageCodec, ThumbnailType } from '../../../src/ui/tools/thumbnail';

describe('fitWithin', () => {
  it('scales the longer side to the box and keeps the shape', () => {
    expect(fitWithin(4032, 3024, 320)).toEqual({ width: 320, height: 240 });
    expect(fitWithin(3024, 4032, 320)).toEqual({ width: 240, height: 320 });
    expect(fitWithin(1000, 1000, 320)).toEqual({ width: 320, height: 320 });
  });

  it('never enlarges, and never makes a side of zero', () => {
    expect(fitWithin(200, 100, 320)).toEqual({ width: 200, height: 100 });
    expect(fitWithin(10_000, 3, 320)).toEqual({ width: 320, height: 1 });
  });
});

describe('nextEncodeAttempt', () => {
  const first = firstEncodeAttempt(4032, 3024);

  it('starts at the box size and the highest quality', () => {
    expect(first).toEqual({ width: 320, height: 240, quality: QUALITY_STEPS[0] });
  });

  it('stops as soon as the result fits', () => {
    expect(nextEncodeAttempt(first, MAX_THUMBNAIL_BYTES)).toBeNull();
    expect(nextEncodeAttempt(first, 1)).toBeNull();
    expect(nextEncodeAttempt(first, 500, 400)).not.toBeNull();
  });

  it('steps the quality down first when a little over', () => {
    const over = MAX_THUMBNAIL_BYTES + 2000;
    let attempt: EncodeAttempt = first;
    for (const quality of QUALITY_STEPS.slice(1)) {
      const next = nextEncodeAttempt(attempt, over);
      expect(next).toEqual({ width: 320, height: 240, quality });
      attempt = next!;
    }
    // Then the size, keeping the lowest quality.
    expect(nextEncodeAttempt(attempt, over)).toEqual({ width: 256, height: 192, quality: QUALITY_STEPS.at(-1) });
  });

  it('shrinks at once when far over, by about the square root of the excess', () => {
    expect(nextEncodeAttempt(first, MAX_THUMBNAIL_BYTES * 4)).toEqual({ width: 160, height: 120, quality: QUALITY_STEPS[0] });
    // Never less than a 0.8 step, even just over twice the limit.
    const next = nextEncodeAttempt(first, MAX_THUMBNAIL_BYTES * 2);
    expect(next!.width).toBeLessThanOrEqual(256);
    expect(next!.quality).toBe(QUALITY_STEPS[0]);
  });

  it('never goes below the smallest side, and then gives up', () => {
    const huge = MAX_THUMBNAIL_BYTES * 1000;
    const next = nextEncodeAttempt(first, huge);
    expect(next).toEqual({ width: MIN_THUMBNAIL_SIDE, height: 72, quality: QUALITY_STEPS[0] });
    const lowest: EncodeAttempt = { width: MIN_THUMBNAIL_SIDE, height: 72, quality: QUALITY_STEPS.at(-1)! };
    expect(nextEncodeAttempt(lowest, MAX_THUMBNAIL_BYTES + 1)).toBeNull();
    expect(nextEncodeAttempt(lowest, huge)).toBeNull();
  });

  it('always ends: from any start, a result that never fits runs out within the attempt bound', () => {
    for (const [w, h] of [[320, 240], [240, 320], [320, 1], [97, 97], [4000, 3000]] as const) {
      for (const factor of [1.01, 1.5, 1.99, 2, 3, 10, 1000]) {
        let attempt: EncodeAttempt | null = firstEncodeAttempt(w, h);
        let count = 0;
        while (attempt !== null) {
          count++;
          const before: EncodeAttempt = attempt;
          attempt = nextEncodeAttempt(attempt, MAX_THUMBNAIL_BYTES * factor);
          if (attempt !== null) {
            // Every step makes a smaller file likelier: lower quality or fewer pixels.
            expect(attempt.quality < before.quality || attempt.width * attempt.height < before.width * before.height).toBe(true);
          }
        }
        expect(count).toBeLessThanOrEqual(MAX_ENCODE_ATTEMPTS);
      }
    }
  });
});

// A fake browser: encoded size goes with pixels and quality, like a real encoder's.
class FakeImage implements DecodedImage {
  closed = false;
  constructor(readonly width: number, readonly height: number) {}
  close(): void {
    this.closed = true;
  }
}

interface FakeCodecOptions {
  readonly size?: { width: number; height: number };
  readonly webp?: boolean;
  readonly decodeFails?: boolean;
  readonly bytesPerPixel?: number;
}

function fakeCodec(options: FakeCodecOptions = {}) {
  const { size = { width: 4032, height: 3024 }, webp = true, decodeFails = false, bytesPerPixel = 0.6 } = options;
  const calls: { attempt: EncodeAttempt; type: ThumbnailType }[] = [];
  const images: FakeImage[] = [];
  let decoded = 0;
  const codec: ImageCodec<FakeImage> = {
    decode: () => {
      decoded++;
      if (decodeFails) return Promise.reject(new Error('cannot decode'));
      const image = new FakeImage(size.width, size.height);
      images.push(image);
      return Promise.resolve(image);
    },
    encode: (_image, attempt, type) => {
      calls.push({ attempt, type });
      const made = type === 'image/webp' && !webp ? 'image/png' : type;
      const length = Math.round(attempt.width * attempt.height * bytesPerPixel * attempt.quality);
      return Promise.resolve(new Blob([new Uint8Array(length)], { type: made }));
    },
  };
  return { codec, calls, images, decodedCount: () => decoded };
}

const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46];
const photo = (length = 200_000): Blob => new Blob([new Uint8Array(JPEG_HEAD), new Uint8Array(length)], { type: 'image/jpeg' });

describe('makeThumbnailWith', () => {
  it('makes a WebP that fits in 30 KB, and closes the decoded picture', async () => {
    const fake = fakeCodec();
    const result = await makeThumbnailWith(fake.codec, photo());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.type).toBe('image/webp');
    expect(result.bytes.length).toBeLessThanOrEqual(MAX_THUMBNAIL_BYTES);
    expect(Math.max(result.width, result.height)).toBeLessThanOrEqual(320);
    expect(result.width / result.height).toBeCloseTo(4 / 3, 1);
    expect(fake.calls.every((call) => call.type === 'image/webp')).toBe(true);
    expect(fake.images.every((image) => image.closed)).toBe(true);
  });

  it('falls back to JPEG where the browser cannot encode WebP', async () => {
    const fake = fakeCodec({ webp: false });
    const result = await makeThumbnailWith(fake.codec, photo());
    expect(result.ok && result.type).toBe('image/jpeg');
    expect(fake.calls.filter((call) => call.type === 'image/webp')).toHaveLength(1);
  });

  it('steps down until it fits, within the attempt bound', async () => {
    const fake = fakeCodec({ bytesPerPixel: 2 });
    const result = await makeThumbnailWith(fake.codec, photo());
    expect(result.ok).toBe(true);
    expect(fake.calls.length).toBeGreaterThan(1);
    expect(fake.calls.length).toBeLessThanOrEqual(MAX_ENCODE_ATTEMPTS);
    if (result.ok) expect(result.bytes.length).toBeLessThanOrEqual(MAX_THUMBNAIL_BYTES);
  });

  it('reports an encoder that never gets small enough as unreadable, and still closes the picture', async () => {
    const fake = fakeCodec({ bytesPerPixel: 1000 });
    await expect(makeThumbnailWith(fake.codec, photo())).resolves.toEqual({ ok: false, problem: 'unreadable' });
    expect(fake.calls.length).toBeLessThanOrEqual(MAX_ENCODE_ATTEMPTS);
    expect(fake.images[0]?.closed).toBe(true);
  });

  it('refuses a file over 20 MB without reading it', async () => {
    const fake = fakeCodec();
    let read = false;
    const big = {
      size: MAX_PHOTO_BYTES + 1,
      type: 'image/jpeg',
      slice: () => {
        read = true;
        return photo();
      },
      arrayBuffer: () => {
        read = true;
        return Promise.resolve(new ArrayBuffer(0));
      },
    } as unknown as Blob;
    await expect(makeThumbnailWith(fake.codec, big)).resolves.toEqual({ ok: false, problem: 'too-large' });
    expect(read).toBe(false);
    expect(fake.decodedCount()).toBe(0);
  });

  it('accepts a file of exactly 20 MB', async () => {
    const fake = fakeCodec();
    const result = await makeThumbnailWith(fake.codec, photo(MAX_PHOTO_BYTES - JPEG_HEAD.length));
    expect(result.ok).toBe(true);
  });

  it('refuses what is not a JPEG, PNG or WebP before decoding it, whatever its name or type says', async () => {
    const notPhotos = [
      new Blob(['%PDF-1.7\n1 0 obj'], { type: 'image/jpeg' }),
      new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], { type: 'image/svg+xml' }),
      new Blob(['GIF89a\x01\x00\x01\x00'], { type: 'image/gif' }),
      new Blob(['just text'], { type: 'image/png' }),
      new Blob([], { type: 'image/jpeg' }),
    ];
    for (const file of notPhotos) {
      const fake = fakeCodec();
      await expect(makeThumbnailWith(fake.codec, file)).resolves.toEqual({ ok: false, problem: 'not-an-image' });
      expect(fake.decodedCount()).toBe(0);
    }
  });

  it('refuses a picture that would unpack into too many pixels, by its header', async () => {
    const header = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30];
    const fake = fakeCodec();
    const bomb = new Blob([new Uint8Array(header), new Uint8Array(1000)], { type: 'image/png' });
    await expect(makeThumbnailWith(fake.codec, bomb)).resolves.toEqual({ ok: false, problem: 'too-large' });
    expect(fake.decodedCount()).toBe(0);
  });

  it('tries HEIC, and says unreadable where the browser cannot decode it', async () => {
    const heic = new Blob([new Uint8Array([0, 0, 0, 24]), 'ftypheic', new Uint8Array(4), 'mif1heic', new Uint8Array(100)], { type: '' });
    const cannot = fakeCodec({ decodeFails: true });
    await expect(makeThumbnailWith(cannot.codec, heic)).resolves.toEqual({ ok: false, problem: 'unreadable' });
    expect(cannot.decodedCount()).toBe(1);
    const can = fakeCodec();
    const result = await makeThumbnailWith(can.codec, heic);
    expect(result.ok).toBe(true);
  });

  it('takes a small picture as it is, without enlarging it', async () => {
    const fake = fakeCodec({ size: { width: 120, height: 80 } });
    const result = await makeThumbnailWith(fake.codec, photo());
    expect(result.ok && [result.width, result.height]).toEqual([120, 80]);
  });
});
