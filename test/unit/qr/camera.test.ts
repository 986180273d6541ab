import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cameraProblemOf, CameraError, getCameraStream, releaseCamera } from '../../../src/qr/camera';

class FakeTrack {
  readyState: 'live' | 'ended' = 'live';
  stop(): void {
    this.readyState = 'ended';
  }
}

function fakeStream(): MediaStream {
  const tracks = [new FakeTrack()];
  return { getTracks: () => tracks } as unknown as MediaStream;
}

function domError(name: string): Error {
  const error = new Error(name);
  error.name = name;
  return error;
}

let getUserMedia: ReturnType<typeof vi.fn<(constraints: MediaStreamConstraints) => Promise<MediaStream>>>;

beforeEach(() => {
  getUserMedia = vi.fn<(constraints: MediaStreamConstraints) => Promise<MediaStream>>(() => Promise.resolve(fakeStream()));
  vi.stubGlobal('isSecureContext', true);
  vi.stubGlobal('navigator', { mediaDevices: { getUserMedia } });
});

afterEach(() => {
  releaseCamera();
  vi.unstubAllGlobals();
});

describe('shared camera stream', () => {
  it('asks once, however many scanners open at once or later', async () => {
    const [a, b] = await Promise.all([getCameraStream(), getCameraStream()]);
    const c = await getCameraStream();
    expect(a).toBe(b);
    expect(a).toBe(c);
    expect(getUserMedia).toHaveBeenCalledTimes(1);
    expect(getUserMedia.mock.calls[0]?.[0]).toMatchObject({ video: { facingMode: 'environment' } });
  });

  it('asks again once every track of the stream has ended', async () => {
    const first = await getCameraStream();
    for (const track of first.getTracks()) track.stop();
    const second = await getCameraStream();
    expect(second).not.toBe(first);
    expect(getUserMedia).toHaveBeenCalledTimes(2);
  });

  it('does not remember a refusal, so the member can try again', async () => {
    getUserMedia.mockRejectedValueOnce(domError('NotAllowedError'));
    await expect(getCameraStream()).rejects.toMatchObject({ problem: 'denied' });
    await expect(getCameraStream()).resolves.toBeDefined();
  });

  it('falls back to any camera when the preferred one cannot be had', async () => {
    getUserMedia.mockRejectedValueOnce(domError('OverconstrainedError'));
    await getCameraStream();
    expect(getUserMedia).toHaveBeenCalledTimes(2);
    expect(getUserMedia.mock.calls[1]?.[0]).toEqual({ audio: false, video: true });
  });

  it('says when the page is not a secure context', async () => {
    vi.stubGlobal('isSecureContext', false);
    await expect(getCameraStream()).rejects.toMatchObject({ problem: 'insecure-context' });
    expect(getUserMedia).not.toHaveBeenCalled();
  });

  it('says when the browser has no camera API', async () => {
    vi.stubGlobal('navigator', {});
    await expect(getCameraStream()).rejects.toBeInstanceOf(CameraError);
    await expect(getCameraStream()).rejects.toMatchObject({ problem: 'unavailable' });
  });
});

describe('camera problems', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'no-camera'],
    ['NotReadableError', 'unavailable'],
    ['AbortError', 'unavailable'],
  ])('maps %s to %s', (name, problem) => {
    expect(cameraProblemOf(domError(name))).toBe(problem);
  });

  it('maps anything unexpected to unavailable', () => {
    expect(cameraProblemOf('nonsense')).toBe('unavailable');
    expect(cameraProblemOf(null)).toBe('unavailable');
  });
});
