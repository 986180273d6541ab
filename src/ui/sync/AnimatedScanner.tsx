import { useRef, useState } from 'preact/hooks';
import { cameraProblemLabel, useCameraScan } from '../components/camera-scan';
import { readAnimatedFrame } from '../../sync/animated';
import { createFountainDecoder } from '../../sync/fountain';
import type { FountainDecoder, FountainProgress } from '../../sync/fountain';
import './animated.css';

export interface AnimatedScannerLabels {
  /** Accessible name of the camera preview. */
  readonly video: string;
  readonly starting: string;
  /** While frames come in, e.g. "Hold the camera on the moving code". */
  readonly scanning: string;
  readonly complete: string;
  /** Accessible name of the progress bar, e.g. "Received". */
  readonly progress: string;
  readonly denied: string;
  readonly noCamera: string;
  readonly insecureContext: string;
  readonly cameraUnavailable: string;
}

export interface AnimatedScanProgress extends FountainProgress {
  /** Codes read that were not frames of a transfer (another kind, damaged, malformed). */
  readonly ignored: number;
}

export interface AnimatedScannerProps {
  /** Called once, with the payload exactly as the other phone sent it. */
  readonly onComplete: (payload: Uint8Array) => void;
  /** A frame of another transfer than the one being read: "this is another phone's code". */
  readonly onOtherTransfer?: () => void;
  readonly onProgress?: (progress: AnimatedScanProgress) => void;
  readonly labels: AnimatedScannerLabels;
  /** Visible progress in the member's language, e.g. "38 of 54"; the bar alone when absent. */
  readonly progressText?: (progress: AnimatedScanProgress) => string;
  /** False pauses the camera; what was received so far is kept. */
  readonly active?: boolean;
}

/**
 * Frames are on screen for an eighth of a second or more: reading at 20 a
 * second sees each at least once, and the scan loop's repeat filter drops the
 * second sighting before it reaches the decoder.
 */
const SCAN_FPS = 20;
const NO_PROGRESS: AnimatedScanProgress = { received: 0, recovered: 0, total: 0, ignored: 0 };

/**
 * Films an animated code and rebuilds what it carries. The camera stream is
 * the one shared by every scanner of the visit; the decoder lives as long as
 * the component, so pausing and resuming loses nothing.
 */
export function AnimatedScanner({ onComplete, onOtherTransfer, onProgress, labels, progressText, active = true }: AnimatedScannerProps) {
  const video = useRef<HTMLVideoElement>(null);
  const decoder = useRef<FountainDecoder | null>(null);
  decoder.current ??= createFountainDecoder();
  const ignored = useRef(0);
  const [progress, setProgress] = useState<AnimatedScanProgress>(NO_PROGRESS);
  const [done, setDone] = useState(false);
  const finished = useRef(false);

  const onText = (text: string): void => {
    if (finished.current) return;
    const reader = decoder.current!;
    const body = readAnimatedFrame(text);
    const outcome = body.ok ? reader.accept(body.value) : 'malformed';
    if (outcome === 'malformed') ignored.current++;
    if (outcome === 'other-transfer') onOtherTransfer?.();
    const now = { ...reader.progress(), ignored: ignored.current };
    setProgress(now);
    onProgress?.(now);
    if (outcome !== 'complete') return;
    const payload = reader.result();
    if (payload === null) return;
    finished.current = true;
    setDone(true);
    onComplete(payload);
  };
  const camera = useCameraScan(video, active && !done, onText, SCAN_FPS);

  const status = done
    ? labels.complete
    : camera.state === 'problem'
      ? cameraProblemLabel(labels, camera.problem)
      : camera.state === 'starting'
        ? labels.starting
        : labels.scanning;

  return (
    <div class="animated-scanner">
      <video
        ref={video}
        class="animated-scanner-video"
        muted
        playsInline
        autoplay
        aria-label={labels.video}
        hidden={camera.state === 'problem' || done || !active}
      />
      <p class="animated-scanner-status" aria-live="polite">
        {status}
      </p>
      <progress
        aria-label={labels.progress}
        max={Math.max(1, progress.total)}
        value={progress.total === 0 ? undefined : progress.recovered}
        data-received={progress.received}
        data-ignored={progress.ignored}
      />
      {progressText !== undefined && <p class="animated-scanner-progress">{progressText(progress)}</p>}
    </div>
  );
}
