import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { attachStream, cameraProblemOf, detachStream, getCameraStream } from '../../qr/camera';
import type { CameraProblem } from '../../qr/camera';
import './scanner.css';

export interface ScannerLabels {
  /** Accessible name of the camera preview. */
  readonly video: string;
  readonly starting: string;
  readonly scanning: string;
  readonly checking: string;
  readonly accepted: string;
  /** onCode failed unexpectedly. */
  readonly checkFailed: string;
  readonly denied: string;
  readonly noCamera: string;
  readonly insecureContext: string;
  readonly cameraUnavailable: string;
  readonly pasteLabel: string;
  readonly pasteSubmit: string;
}

export interface ScannerProps {
  /** Returns a message to show when the code is refused, or null when it is accepted, which ends the scan. */
  readonly onCode: (text: string) => Promise<string | null>;
  readonly labels: ScannerLabels;
  /** False pauses the camera scan; the paste form stays usable. */
  readonly active?: boolean;
}

type Camera = { readonly state: 'starting' | 'scanning' } | { readonly state: 'problem'; readonly problem: CameraProblem };

function problemLabel(labels: ScannerLabels, problem: CameraProblem): string {
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

/**
 * Reads a code with the camera, or from pasted text: a phone without a usable
 * camera must still be able to take part.
 */
export function Scanner({ onCode, labels, active = true }: ScannerProps) {
  const video = useRef<HTMLVideoElement>(null);
  const [camera, setCamera] = useState<Camera>({ state: 'starting' });
  const [checking, setChecking] = useState(false);
  const [accepted, setAccepted] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const busy = useRef(false);
  const pasteId = useId();

  const check = async (text: string): Promise<void> => {
    if (busy.current || accepted) return;
    busy.current = true;
    setChecking(true);
    try {
      const refusal = await onCode(text);
      setMessage(refusal);
      if (refusal === null) setAccepted(true);
    } catch {
      setMessage(labels.checkFailed);
    } finally {
      busy.current = false;
      setChecking(false);
    }
  };
  // The scan loop outlives renders; it must call the latest props, not the first.
  const latestCheck = useRef(check);
  latestCheck.current = check;

  useEffect(() => {
    const element = video.current;
    if (!active || accepted || element === null) return undefined;
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
        stop = startScanning(element, (text) => void latestCheck.current(text));
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
  }, [active, accepted]);

  const status = accepted
    ? labels.accepted
    : checking
      ? labels.checking
      : camera.state === 'problem'
        ? problemLabel(labels, camera.problem)
        : camera.state === 'starting'
          ? labels.starting
          : labels.scanning;

  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (pasted.trim() !== '') void check(pasted);
  };

  return (
    <div class="scanner">
      <video
        ref={video}
        class="scanner-video"
        muted
        playsInline
        autoplay
        aria-label={labels.video}
        hidden={camera.state === 'problem' || accepted || !active}
      />
      <p class="scanner-status" aria-live="polite">
        {status}
      </p>
      {message !== null && (
        <p class="scanner-message" role="alert">
          {message}
        </p>
      )}
      <form class="scanner-paste" onSubmit={submit}>
        <label for={pasteId}>{labels.pasteLabel}</label>
        <textarea
          id={pasteId}
          value={pasted}
          rows={3}
          spellcheck={false}
          autocomplete="off"
          autocapitalize="off"
          onInput={(event) => setPasted(event.currentTarget.value)}
        />
        <button type="submit" class="button" disabled={accepted}>
          {labels.pasteSubmit}
        </button>
      </form>
    </div>
  );
}
