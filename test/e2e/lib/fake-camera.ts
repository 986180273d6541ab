/**
 * Pictures for Chromium's fake camera, which plays a YUV4MPEG2 (.y4m) file
 * given by --use-file-for-fake-video-capture and loops it, so several frames
 * make an animated code. Written here so the tests need no ffmpeg.
 */
import { writeFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { QUIET_ZONE, qrMatrix } from '../../../src/qr/generate';

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** Four bytes a pixel, rows top to bottom. */
  readonly rgba: Uint8Array;
}

export interface Y4mOptions {
  readonly width?: number;
  readonly height?: number;
  readonly fps?: number;
}

/**
 * Each image is centred on a white frame, shrunk (nearest neighbour) if it
 * does not fit, and its transparency is laid over white.
 */
export async function writeY4m(path: string, frames: readonly RgbaImage[], opts: Y4mOptions = {}): Promise<void> {
  const { width = 640, height = 480, fps = 10 } = opts;
  // 4:2:0 shares one chroma sample between each 2x2 block of pixels.
  if (width % 2 !== 0 || height % 2 !== 0) throw new RangeError('y4m frame sides must be even');
  if (frames.length === 0) throw new RangeError('a y4m file needs at least one frame');
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const frameMarker = Buffer.from('FRAME\n', 'ascii');
  const parts: Uint8Array[] = [header];
  for (const frame of frames) parts.push(frameMarker, toI420(onWhite(frame, width, height), width, height));
  await writeFile(path, Buffer.concat(parts));
}

/** RGB, three bytes a pixel, white where the image does not reach. */
function onWhite(image: RgbaImage, width: number, height: number): Uint8Array {
  const rgb = new Uint8Array(width * height * 3).fill(255);
  const scale = Math.min(1, width / image.width, height / image.height);
  const drawnWidth = Math.floor(image.width * scale);
  const drawnHeight = Math.floor(image.height * scale);
  const left = Math.floor((width - drawnWidth) / 2);
  const top = Math.floor((height - drawnHeight) / 2);
  for (let y = 0; y < drawnHeight; y++) {
    const sourceY = Math.min(image.height - 1, Math.floor((y + 0.5) / scale));
    for (let x = 0; x < drawnWidth; x++) {
      const sourceX = Math.min(image.width - 1, Math.floor((x + 0.5) / scale));
      const from = (sourceY * image.width + sourceX) * 4;
      const to = ((top + y) * width + left + x) * 3;
      const alpha = (image.rgba[from + 3] ?? 255) / 255;
      for (let c = 0; c < 3; c++) rgb[to + c] = Math.round((image.rgba[from + c] ?? 0) * alpha + 255 * (1 - alpha));
    }
  }
  return rgb;
}

/** BT.601 studio range, which Chromium assumes for camera frames: black is Y 16, white Y 235. */
function toI420(rgb: Uint8Array, width: number, height: number): Uint8Array {
  const lumaSize = width * height;
  const chromaWidth = width / 2;
  const out = new Uint8Array(lumaSize * 1.5);
  for (let i = 0; i < lumaSize; i++) {
    out[i] = Math.round(16 + (65.481 * rgb[i * 3]! + 128.553 * rgb[i * 3 + 1]! + 24.966 * rgb[i * 3 + 2]!) / 255);
  }
  for (let cy = 0; cy < height / 2; cy++) {
    for (let cx = 0; cx < chromaWidth; cx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const at = ((cy * 2 + dy) * width + cx * 2 + dx) * 3;
        r += rgb[at]!;
        g += rgb[at + 1]!;
        b += rgb[at + 2]!;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      const at = cy * chromaWidth + cx;
      out[lumaSize + at] = Math.round(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255);
      out[lumaSize * 1.25 + at] = Math.round(128 + (112 * r - 93.786 * g - 18.214 * b) / 255);
    }
  }
  return out;
}

export function pngToRgba(buffer: Uint8Array): RgbaImage {
  const png = PNG.sync.read(Buffer.from(buffer));
  return { width: png.width, height: png.height, rgba: new Uint8Array(png.data) };
}

/** A code as a camera would want it: black on white, with its quiet zone, `scale` pixels a module. */
export function renderCodeToRgba(text: string, scale: number): RgbaImage {
  const matrix = qrMatrix(text);
  const side = (matrix.size + 2 * QUIET_ZONE) * scale;
  const rgba = new Uint8Array(side * side * 4);
  for (let y = 0; y < side; y++) {
    const moduleY = Math.floor(y / scale) - QUIET_ZONE;
    for (let x = 0; x < side; x++) {
      const dark = matrix.isDark(Math.floor(x / scale) - QUIET_ZONE, moduleY);
      const at = (y * side + x) * 4;
      rgba.fill(dark ? 0 : 255, at, at + 3);
      rgba[at + 3] = 255;
    }
  }
  return { width: side, height: side, rgba };
}
