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
}

/** A labelled text input whose hint and error are announced with it. */
export function Field({ label, value, onInput, hint, error, maxLength, autoComplete = 'off', required = true, inputMode }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint !== undefined ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        maxLength={maxLength}
        autoComplete={autoComplete}
        inputMode={inputMode}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
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
