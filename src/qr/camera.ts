/**
 * One camera stream per visit, shared by every scanner: iOS home-screen apps
 * ask for camera permission again on every getUserMedia call, so asking once
 * and keeping the stream spares members a prompt at each scan.
 */

export type CameraProblem = 'denied' | 'no-camera' | 'insecure-context' | 'unavailable';

export class CameraError extends Error {
  readonly problem: CameraProblem;

  constructor(problem: CameraProblem, options?: ErrorOptions) {
    super(`camera ${problem}`, options);
    this.name = 'CameraError';
    this.problem = problem;
  }
}

const CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
};

let shared: MediaStream | null = null;
let request: Promise<MediaStream> | null = null;

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
}

/** Browsers name the same failure differently, and older Chromium used its own names. */
export function cameraProblemOf(error: unknown): CameraProblem {
  if (error instanceof CameraError) return error.problem;
  switch (errorName(error)) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'no-camera';
    default:
      return 'unavailable';
  }
}

async function openCamera(): Promise<MediaStream> {
  if (globalThis.isSecureContext === false) throw new CameraError('insecure-context');
  if (typeof navigator === 'undefined' || typeof navigator.mediaDevices?.getUserMedia !== 'function') {
    throw new CameraError('unavailable');
  }
  const media = navigator.mediaDevices;
  try {
    return await media.getUserMedia(CONSTRAINTS);
  } catch (first) {
    // Our constraints are only preferences, but some browsers still refuse
    // them on odd hardware; any camera beats none.
    if (errorName(first) !== 'OverconstrainedError') throw new CameraError(cameraProblemOf(first), { cause: first });
    try {
      return await media.getUserMedia({ audio: false, video: true });
    } catch (second) {
      throw new CameraError(cameraProblemOf(second), { cause: second });
    }
  }
}

function hasLiveTrack(stream: MediaStream): boolean {
  return stream.getTracks().some((track) => track.readyState !== 'ended');
}

/** Rejects with a CameraError. A failed request is not remembered, so the member can retry. */
export function getCameraStream(): Promise<MediaStream> {
  if (shared !== null && hasLiveTrack(shared)) return Promise.resolve(shared);
  request ??= openCamera().then(
    (stream) => {
      shared = stream;
      request = null;
      return stream;
    },
    (error: unknown) => {
      request = null;
      throw error;
    },
  );
  return request;
}

/** Stops the shared stream, for when the visit ends (the app is locked or hidden for good). */
export function releaseCamera(): void {
  for (const track of shared?.getTracks() ?? []) track.stop();
  shared = null;
}

export async function attachStream(video: HTMLVideoElement, stream: MediaStream): Promise<void> {
  // Without muted and playsinline, iOS refuses to play inline or at all.
  video.muted = true;
  video.playsInline = true;
  video.setAttribute('playsinline', '');
  if (video.srcObject !== stream) video.srcObject = stream;
  try {
    await video.play();
  } catch (error) {
    // Detaching or replacing the source while play() is pending aborts it: not a failure.
    if (errorName(error) !== 'AbortError') throw new CameraError(cameraProblemOf(error), { cause: error });
  }
}

/** Frees the element but leaves the shared stream running for the next scanner. */
export function detachStream(video: HTMLVideoElement): void {
  video.pause();
  video.srcObject = null;
}
