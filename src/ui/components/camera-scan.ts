/**
 * The camera part every scanner shares: attach the visit's one camera stream
 * to a video element, run the scan loop on it while active, and say how the
 * camera stands. The loop calls the latest onText, not the one of the first render.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { attachStream, cameraProblemOf, detachStream, getCameraStream } from '../../qr/camera';
import type { CameraProblem } from '../../qr/camera';

export type CameraState = { readonly state: 'starting' | 'scanning' } | { readonly state: 'problem'; readonly problem: CameraProblem };

export interface CameraProblemLabels {
  readonly denied: string;
  readonly noCamera: string;
  readonly insecureContext: string;
  readonly cameraUnavailable: string;
}

export function cameraProblemLabel(labels: CameraProblemLabels, problem: CameraProblem): string {
  switch (problem) {
    case 'denied':
      return labels.denied;
    case 'no-camera':
      return labels.noCamera;
    case 'insecure-context':
      return labels.insecureContext;
    case 'unavailable':
      return labels.cameraUnavailable;
  }
}

export function useCameraScan(video: RefObject<HTMLVideoElement | null>, running: boolean, onText: (text: string) => void, fps?: number): CameraState {
  const [camera, setCamera] = useState<CameraState>({ state: 'starting' });
  const latest = useRef(onText);
  latest.current = onText;
  useEffect(() => {
    const element = video.current;
    if (!running || element === null) return undefined;
    let cancelled = false;
    let stop: (() => void) | null = null;
    setCamera({ state: 'starting' });
    void (async () => {
      try {
        const stream = await getCameraStream();
        if (cancelled) return;
        await attachStream(element, stream);
        // Loaded only now, so that screens without a scanner never pay for the decoder.
        const { startScanning } = await import('../../qr/scan-loop');
        if (cancelled) return;
        stop = startScanning(element, (text) => latest.current(text), fps === undefined ? {} : { fps });
        setCamera({ state: 'scanning' });
      } catch (error) {
        if (!cancelled) setCamera({ state: 'problem', problem: cameraProblemOf(error) });
      }
    })();
    return () => {
      cancelled = true;
      stop?.();
      detachStream(element);
    };
  }, [running, video, fps]);
  return camera;
}
