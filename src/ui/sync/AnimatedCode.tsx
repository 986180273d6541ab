import { useEffect, useMemo, useState } from 'preact/hooks';
import { QUIET_ZONE, qrMatrix, qrSvgPath } from '../../qr/generate';
import './animated.css';

export interface AnimatedCodeLabels {
  /** Accessible name of the code, e.g. "Updates for the other phone, as a moving code". */
  readonly image: string;
  readonly pause: string;
  readonly resume: string;
}

export interface AnimatedCodeProps {
  /** The code texts to show in turn, as animatedFrames makes them; an endless stream is expected. */
  readonly frames: Iterator<string>;
  readonly labels: AnimatedCodeLabels;
  /** Shown under the code: what it carries, or what to do with it. */
  readonly caption?: string;
  /** Codes a second: 6 by default, at most 8. */
  readonly fps?: number;
}

export const DEFAULT_ANIMATED_FPS = 6;
/** Phone cameras and decoders keep up with this; faster only loses frames. */
export const MAX_ANIMATED_FPS = 8;

function nextText(frames: Iterator<string>): string | null {
  const next = frames.next();
  return next.done === true ? null : next.value;
}

/**
 * Shows a stream of codes one after another for another phone to film. There
 * is deliberately no text to copy: the stream carries far more than a person
 * could paste. prefers-reduced-motion does not stop the animation, since the
 * animation is the data; the pause button is there for anyone who needs it.
 */
export function AnimatedCode({ frames, labels, caption, fps = DEFAULT_ANIMATED_FPS }: AnimatedCodeProps) {
  const [text, setText] = useState<string | null>(null);
  const [paused, setPaused] = useState(false);
  const rate = Math.min(MAX_ANIMATED_FPS, Math.max(1, fps));

  // A new stream starts showing at once, whatever the previous one was doing.
  useEffect(() => setText(nextText(frames)), [frames]);

  useEffect(() => {
    if (paused) return undefined;
    const timer = setInterval(() => {
      const next = nextText(frames);
      if (next !== null) setText(next);
    }, 1000 / rate);
    return () => clearInterval(timer);
  }, [frames, rate, paused]);

  const drawn = useMemo(() => {
    if (text === null) return null;
    const matrix = qrMatrix(text);
    return { size: matrix.size, path: qrSvgPath(matrix) };
  }, [text]);

  const full = (drawn?.size ?? 0) + 2 * QUIET_ZONE;
  return (
    <figure class="animated-code">
      {drawn !== null && (
        <svg
          xmlns="http://www.w3.org/2000/svg"
          role="img"
          aria-label={labels.image}
          viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${full} ${full}`}
          shape-rendering="crispEdges"
          class="animated-code-image"
          data-frame-text={text ?? ''}
        >
          <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={full} height={full} fill="#fff" />
          <path d={drawn.path} fill="#000" />
        </svg>
      )}
      {caption !== undefined && <figcaption class="animated-code-caption">{caption}</figcaption>}
      <button type="button" class="button animated-code-pause" onClick={() => setPaused(!paused)}>
        {paused ? labels.resume : labels.pause}
      </button>
    </figure>
  );
}
