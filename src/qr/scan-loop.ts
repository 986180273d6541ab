/**
 * Feeds frames of a playing video to the QR decoder. At most one decode runs
 * at a time (the next frame is grabbed only after the last one is read), and
 * frames are grabbed at most `fps` times a second: a phone that spends all its
 * time decoding gets hot and drains its battery.
 */
import { decodeQrCodes } from './decoder';
import { createRepeatFilter } from './repeat-filter';

export interface ScanOptions {
  /** Most frames decoded per second. */
  readonly fps?: number;
  /** A frame failed to decode or onText threw; scanning goes on. */
  readonly onError?: (error: unknown) => void;
}

/** Codes from a phone screen read fine at this size, and larger frames cost far more to decode. */
const MAX_SIDE = 1024;
const DEFAULT_FPS = 10;
const REPEAT_WINDOW_MS = 2000;
const HAVE_CURRENT_DATA = 2;

function grabFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement, context: CanvasRenderingContext2D): ImageData | null {
  const { videoWidth, videoHeight } = video;
  if (video.readyState < HAVE_CURRENT_DATA || videoWidth === 0 || videoHeight === 0) return null;
  const scale = Math.min(1, MAX_SIDE / Math.max(videoWidth, videoHeight));
  const width = Math.round(videoWidth * scale);
  const height = Math.round(videoHeight * scale);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  context.drawImage(video, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

/** Returns a function that stops scanning; it leaves the video and its stream alone. */
export function startScanning(
  video: HTMLVideoElement,
  onText: (text: string) => void,
  options: ScanOptions = {},
): () => void {
  const interval = 1000 / (options.fps ?? DEFAULT_FPS);
  const fresh = createRepeatFilter(REPEAT_WINDOW_MS, () => performance.now());
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) throw new Error('no 2d canvas to read camera frames');
  const perFrame = typeof video.requestVideoFrameCallback === 'function';
  let stopped = false;
  let lastGrab = -Infinity;
  let frameHandle: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const schedule = (): void => {
    if (stopped) return;
    if (perFrame) frameHandle = video.requestVideoFrameCallback(() => void tick());
    else timer = setTimeout(() => void tick(), interval);
  };

  const tick = async (): Promise<void> => {
    frameHandle = null;
    timer = null;
    const now = performance.now();
    if (!stopped && now - lastGrab >= interval) {
      try {
        const image = grabFrame(video, canvas, context);
        if (image !== null) {
          lastGrab = now;
          const texts = await decodeQrCodes(image);
          for (const text of texts) if (!stopped && fresh(text)) onText(text);
        }
      } catch (error) {
        options.onError?.(error);
      }
    }
    schedule();
  };

  schedule();
  return () => {
    stopped = true;
    if (frameHandle !== null) video.cancelVideoFrameCallback(frameHandle);
    if (timer !== null) clearTimeout(timer);
  };
}
