import type { ToolsState } from '../../domain/tools';
import { useT } from '../shell/context';

/** A choice among the circle's named areas, or none. */
export function AreaSelect({ label, tools, value, onChange }: { readonly label: string; readonly tools: ToolsState; readonly value: string | null; readonly onChange: (area: string | null) => void }) {
  const { t } = useT();
  const areas = [...tools.areas.values()].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <label class="field">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(event) => onChange(event.currentTarget.value || null)}>
        <option value="">{t('tools.new.noArea')}</option>
        {areas.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.name}
          </option>
        ))}
      </select>
    </label>
  );
}
