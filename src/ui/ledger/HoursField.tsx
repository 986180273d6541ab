import { useId } from 'preact/hooks';

/** A labelled input for hours, with the decimal keypad on phones; its hint and error are announced with it. */
export function HoursField({
  label,
  hint,
  value,
  error,
  onInput,
}: {
  readonly label: string;
  readonly hint: string;
  readonly value: string;
  readonly error: string | null;
  readonly onInput: (value: string) => void;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        aria-invalid={error !== null ? true : undefined}
        aria-describedby={error !== null ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
      <p id={`${id}-hint`} class="hint">
        {hint}
      </p>
      {error !== null && (
        <p id={`${id}-error`} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
