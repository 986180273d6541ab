import { Field } from '../components/Field';

/** A labelled input for hours, with the decimal keypad on phones. */
export function HoursField(props: {
  readonly label: string;
  readonly hint: string;
  readonly value: string;
  readonly error: string | null;
  readonly onInput: (value: string) => void;
}) {
  return <Field {...props} inputMode="decimal" />;
}
