/** The exchange form's controls: none of them can hold a value the draft would refuse. */
import { useId } from 'preact/hooks';
import type { ExchangeRole, SkillRef } from '../../domain/events';
import type { SkillList } from '../../domain/skills';
import { MAX_NOTE_CHARS, MAX_QUARTERS, MAX_SEATS } from '../../records/kinds/exchange';
import { formatHours, skillLabel } from '../components/format';
import { useT } from '../shell/context';

const QUARTER_STEPS = Array.from({ length: MAX_QUARTERS }, (_, i) => i + 1);
const GROUP_SIZES = Array.from({ length: MAX_SEATS - 1 }, (_, i) => i + 2);

export function RoleChoice({ role, onChange }: { readonly role: ExchangeRole; readonly onChange: (role: ExchangeRole) => void }) {
  const { t } = useT();
  const name = useId();
  const options: readonly (readonly [ExchangeRole, string])[] = [
    ['provider', t('exchange.new.provider')],
    ['receiver', t('exchange.new.receiver')],
  ];
  return (
    <fieldset class="exchange-choice">
      <legend>{t('exchange.new.role')}</legend>
      {options.map(([value, label]) => (
        <label key={value}>
          <input type="radio" name={name} value={value} checked={role === value} onChange={() => onChange(value)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

interface SelectProps<T> {
  readonly value: T;
  readonly onChange: (value: T) => void;
}

export function HoursSelect({ value, onChange, perPerson }: SelectProps<number> & { readonly perPerson: boolean }) {
  const translator = useT();
  const { t } = translator;
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{t(perPerson ? 'exchange.new.hoursEach' : 'exchange.new.hours')}</label>
      <select id={id} value={String(value)} onChange={(event) => onChange(Number(event.currentTarget.value))} aria-describedby={`${id}-hint`}>
        {QUARTER_STEPS.map((quarters) => (
          <option key={quarters} value={String(quarters)}>
            {formatHours(quarters, translator)}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} class="hint">
        {t('exchange.new.hoursHint', { min: formatHours(1, translator), max: formatHours(MAX_QUARTERS, translator) })}
      </p>
    </div>
  );
}

export function SkillSelect({ value, onChange, skills, invalid }: SelectProps<SkillRef> & { readonly skills: SkillList; readonly invalid: boolean }) {
  const { t } = useT();
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{t('exchange.new.skill')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)} aria-invalid={invalid ? true : undefined} required>
        <option value="">{t('exchange.new.chooseSkill')}</option>
        {skills.skills.map((skill) => (
          <option key={skill.ref} value={skill.ref}>
            {skillLabel(skill, t)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function NoteInput({ value, onChange, invalid }: SelectProps<string> & { readonly invalid: boolean }) {
  const { t } = useT();
  const id = useId();
  const length = [...value].length;
  return (
    <div class="field">
      <label for={id}>{t('exchange.new.note')}</label>
      <input
        id={id}
        type="text"
        value={value}
        maxLength={MAX_NOTE_CHARS}
        autoComplete="off"
        onInput={(event) => onChange(event.currentTarget.value)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={`${id}-count`}
      />
      <p id={`${id}-count`} class="hint" data-testid="note-counter">
        {t('exchange.new.noteCounter', { count: length, max: MAX_NOTE_CHARS })}
      </p>
    </div>
  );
}

export function GroupFields({ seats, onChange }: { readonly seats: number; readonly onChange: (seats: number) => void }) {
  const { t } = useT();
  const checkId = useId();
  const sizeId = useId();
  const group = seats > 1;
  return (
    <div class="exchange-group">
      <div class="exchange-check">
        <input id={checkId} type="checkbox" checked={group} onChange={(event) => onChange(event.currentTarget.checked ? 2 : 1)} aria-describedby={`${checkId}-hint`} />
        <label for={checkId}>{t('exchange.new.group')}</label>
      </div>
      <p id={`${checkId}-hint`} class="hint">
        {t('exchange.new.groupHint')}
      </p>
      {group && (
        <div class="field">
          <label for={sizeId}>{t('exchange.new.seats')}</label>
          <select id={sizeId} value={String(seats)} onChange={(event) => onChange(Number(event.currentTarget.value))}>
            {GROUP_SIZES.map((size) => (
              <option key={size} value={String(size)}>
                {size}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
