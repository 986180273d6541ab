import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { sniffImage } from './image-sniff';
import { makeThumbnail } from './thumbnail';
import type { ThumbnailProblem } from './thumbnail';

/** Every word the field shows, already in the member's language: the field needs no string area. */
export interface PhotoFieldStrings {
  /** The field's name, e.g. "Photo of the tool (optional)". */
  readonly label: string;
  /** A line under the name, e.g. "One clear photo helps neighbours recognise it." */
  readonly hint: string;
  /** The button that opens the camera, on phones. */
  readonly take: string;
  /** The button that opens the photo library or file picker. */
  readonly choose: string;
  /** The same button once a photo is chosen. */
  readonly replace: string;
  readonly remove: string;
  /** Text alternative of the preview, e.g. "The photo as it will be shared". */
  readonly preview: string;
  /** While the thumbnail is being made. */
  readonly working: string;
  readonly problems: { readonly [P in ThumbnailProblem]: string };
}

export interface PhotoFieldProps {
  readonly strings: PhotoFieldStrings;
  /** The thumbnail's bytes (WebP or JPEG), or null for no photo. */
  readonly value: Uint8Array | null;
  readonly onChange: (bytes: Uint8Array | null) => void;
  readonly disabled?: boolean;
  /** A smaller target than a tool's photo, for pictures that travel several to a record. */
  readonly maxBytes?: number;
  readonly box?: number;
}

/** Phones, where a camera button makes sense: their main pointer is a finger. */
function hasTouchCamera(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
}

/**
 * A photo of a tool: taken with the phone's camera or chosen from its
 * library, turned into a small thumbnail here on the phone, shown as it will
 * be shared, and removable.
 */
export function PhotoField({ strings, value, onChange, disabled = false, maxBytes, box }: PhotoFieldProps) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ThumbnailProblem | null>(null);
  const [phone] = useState(hasTouchCamera);
  const camera = useRef<HTMLInputElement>(null);
  const library = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const runs = useRef(0);

  const previewUrl = useMemo(() => {
    if (value === null) return null;
    const type = sniffImage(value);
    if (type !== 'image/webp' && type !== 'image/jpeg') return null;
    return URL.createObjectURL(new Blob([value.slice()], { type }));
  }, [value]);
  useEffect(() => () => {
    if (previewUrl !== null) URL.revokeObjectURL(previewUrl);
  }, [previewUrl]);

  const pick = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    // The same file picked again must fire a change next time.
    input.value = '';
    if (file === undefined) return;
    const run = ++runs.current;
    setBusy(true);
    setProblem(null);
    const result = await makeThumbnail(file, { ...(maxBytes === undefined ? {} : { maxBytes }), ...(box === undefined ? {} : { box }) });
    if (run !== runs.current) return;
    setBusy(false);
    if (result.ok) onChange(result.bytes);
    else setProblem(result.problem);
  };

  const remove = (): void => {
    runs.current++;
    setBusy(false);
    setProblem(null);
    onChange(null);
    chooseButton.current?.focus();
  };

  const hintId = `${id}-hint`;
  const statusId = `${id}-status`;
  return (
    <fieldset class="photo-field" style={{ border: 0, padding: 0, margin: '1rem 0' }} aria-describedby={hintId} disabled={disabled}>
      <legend style={{ fontWeight: 600, padding: 0 }}>{strings.label}</legend>
      <p id={hintId} class="hint">
        {strings.hint}
      </p>
      {previewUrl !== null && (
        <img src={previewUrl} alt={strings.preview} style={{ display: 'block', maxWidth: '100%', maxHeight: '240px', margin: '0.5rem 0', borderRadius: '8px' }} />
      )}
      {/* Hidden inputs opened by real buttons, which take focus and show it like every other button. */}
      <input ref={camera} type="file" accept="image/*" capture="environment" hidden tabIndex={-1} onChange={(event) => void pick(event.currentTarget)} />
      <input ref={library} type="file" accept="image/*" hidden tabIndex={-1} onChange={(event) => void pick(event.currentTarget)} />
      <div class="actions-row">
        {phone && (
          <button type="button" class="button" aria-describedby={statusId} onClick={() => camera.current?.click()}>
            {strings.take}
          </button>
        )}
        <button ref={chooseButton} type="button" class="button" aria-describedby={statusId} onClick={() => library.current?.click()}>
          {value === null ? strings.choose : strings.replace}
        </button>
        {value !== null && (
          <button type="button" class="button" onClick={remove}>
            {strings.remove}
          </button>
        )}
      </div>
      <p id={statusId} aria-live="polite" class={problem === null ? 'hint' : 'error'}>
        {busy ? strings.working : problem !== null ? strings.problems[problem] : ''}
      </p>
    </fieldset>
  );
}
