import { useId, useRef, useState } from 'preact/hooks';
import { cameraProblemLabel, useCameraScan } from './camera-scan';
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

/**
 * Reads a code with the camera, or from pasted text: a phone without a usable
 * camera must still be able to take part.
 */
export function Scanner({ onCode, labels, active = true }: ScannerProps) {
  const video = useRef<HTMLVideoElement>(null);
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
  const camera = useCameraScan(video, active && !accepted, (text) => void check(text));

  const status = accepted
    ? labels.accepted
    : checking
      ? labels.checking
      : camera.state === 'problem'
        ? cameraProblemLabel(labels, camera.problem)
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
