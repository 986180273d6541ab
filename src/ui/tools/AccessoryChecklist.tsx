import { useT } from '../shell/context';

/** The accessories checklist, one bit per position, as handoffs and audits record it. */
export function AccessoryChecklist({ items, present, onChange }: { readonly items: readonly string[]; readonly present: number; readonly onChange: (bits: number) => void }) {
  const { t } = useT();
  if (items.length === 0) return null;
  return (
    <fieldset class="choice-group">
      <legend>{t('tools.receive.checklist')}</legend>
      {items.map((item, index) => (
        <label key={index} class="choice">
          <input
            type="checkbox"
            checked={(present & (1 << index)) !== 0}
            onChange={(event) => onChange(event.currentTarget.checked ? present | (1 << index) : present & ~(1 << index))}
          />
          <span>{item}</span>
        </label>
      ))}
    </fieldset>
  );
}

export const allPresent = (items: readonly string[]): number => (1 << items.length) - 1;
