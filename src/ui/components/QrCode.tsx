import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { QUIET_ZONE, qrMatrix, qrSvgPath } from '../../qr/generate';

export interface QrCodeLabels {
  /** Accessible name of the code, e.g. "Your join request as a QR code". */
  readonly image: string;
  readonly copy: string;
  readonly copied: string;
  /** When the clipboard refuses: the text is selected for the person to copy by hand. */
  readonly copyManually: string;
  /** Summary of the disclosure that holds the text. */
  readonly showText: string;
  /** Accessible name of the box that holds the text. */
  readonly textBox: string;
}

export interface QrCodeProps {
  /** A code text, as made by encodeFrame. */
  readonly text: string;
  readonly labels: QrCodeLabels;
}

const TAP_TARGET = '44px';

// Readers need dark modules on a light ground, whatever the theme or a
// forced-colours mode would make of it.
const SVG_STYLE =
  'display:block;width:100%;max-width:320px;height:auto;background:#fff;forced-color-adjust:none;';

/**
 * Shows a code for another phone to scan, and its text for when no camera can
 * read it: the person copies it into the other phone's "paste code text" box.
 */
export function QrCode({ text, labels }: QrCodeProps) {
  const { size, path } = useMemo(() => {
    const matrix = qrMatrix(text);
    return { size: matrix.size, path: qrSvgPath(matrix) };
  }, [text]);
  const [status, setStatus] = useState('');
  const details = useRef<HTMLDetailsElement>(null);
  const textBox = useRef<HTMLTextAreaElement>(null);

  useEffect(() => setStatus(''), [text]);

  const copy = async (): Promise<void> => {
    try {
      // Absent outside secure contexts, and refused by some browsers without a fresh gesture.
      await navigator.clipboard.writeText(text);
      setStatus(labels.copied);
    } catch {
      if (details.current !== null) details.current.open = true;
      textBox.current?.focus();
      textBox.current?.select();
      setStatus(labels.copyManually);
    }
  };

  const full = size + 2 * QUIET_ZONE;
  return (
    <div class="qr-code" data-code-text={text}>
      <svg
        xmlns="http://www.w3.org/2000/svg"
        role="img"
        aria-label={labels.image}
        viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${full} ${full}`}
        shape-rendering="crispEdges"
        style={SVG_STYLE}
      >
        <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={full} height={full} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      <button type="button" class="button" style={{ minHeight: TAP_TARGET, minWidth: TAP_TARGET }} onClick={() => void copy()}>
        {labels.copy}
      </button>
      <p aria-live="polite">{status}</p>
      <details ref={details}>
        <summary style={{ minHeight: TAP_TARGET, lineHeight: TAP_TARGET, cursor: 'pointer' }}>{labels.showText}</summary>
        <textarea
          ref={textBox}
          readOnly
          value={text}
          aria-label={labels.textBox}
          rows={4}
          spellcheck={false}
          style={{ width: '100%', minHeight: TAP_TARGET, fontFamily: 'monospace', wordBreak: 'break-all' }}
          onFocus={(event) => event.currentTarget.select()}
        />
      </details>
    </div>
  );
}
