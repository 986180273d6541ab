import type { TargetedInputEvent } from 'preact';
import { useId } from 'preact/hooks';

export interface FieldProps {
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly hint?: string;
  readonly error?: string | null;
  readonly maxLength?: number;
  readonly autoComplete?: string;
  readonly required?: boolean;
  /** The keypad a phone shows, e.g. 'decimal' for hours. */
  readonly inputMode?: 'text' | 'decimal' | 'numeric';
  /** 'password' hides what is typed, for passphrases; 'date' gives the phone's date picker and a value like "2026-11-20". */
  readonly type?: 'text' | 'password' | 'date';
}

/** A labelled text input whose hint and error are announced with it. */
export function Field({ label, value, onInput, hint, error, maxLength, autoComplete = 'off', required = true, inputMode, type = 'text' }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint !== undefined ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  // One set of attributes for both kinds: the types allow inputMode only on text.
  const shared = {
    id,
    value,
    onInput: (event: TargetedInputEvent<HTMLInputElement>) => onInput(event.currentTarget.value),
    maxLength,
    autoComplete,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {type === 'text' ? <input type="text" inputMode={inputMode} {...shared} /> : <input type={type} {...shared} />}
      {hint !== undefined && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
