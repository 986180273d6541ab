import type { RefObject } from 'preact';
import { useId } from 'preact/hooks';

export interface DescriptionFieldProps {
  readonly label: string;
  readonly hint: string;
  /** "12 of 280 characters", kept up to date as the member types. */
  readonly counter: string;
  readonly over: boolean;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly maxLength: number;
  readonly error: string | null;
  readonly inputRef: RefObject<HTMLTextAreaElement | null>;
}

/**
 * A labelled text area with a hint, a character counter and an error, all
 * announced with it. The counter is not a live region: hearing it after every
 * key would drown what the member is typing.
 */
export function DescriptionField({ label, hint, counter, over, value, onInput, maxLength, error, inputRef }: DescriptionFieldProps) {
  const id = useId();
  const describedBy = [`${id}-hint`, `${id}-counter`, error !== null ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        ref={inputRef}
        rows={4}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        maxLength={maxLength}
        required
        aria-invalid={error !== null ? true : undefined}
        aria-describedby={describedBy}
      />
      <p id={`${id}-hint`} class="hint">
        {hint}
      </p>
      <p id={`${id}-counter`} class={over ? 'counter counter-over' : 'counter'}>
        {counter}
      </p>
      {error !== null && (
        <p id={`${id}-error`} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
