import { useState } from 'preact/hooks';
import { openContacts, saveRosterEntry } from '../../app/defense/roster';
import type { Contacts, RosterProblem } from '../../app/defense/roster';
import type { OpenCircle } from '../../app/open-circle';
import { CRISIS_SKILLS, ROSTER_ROLES } from '../../domain/defense-events';
import type { RosterEntry } from '../../domain/defense-events';
import { Field } from '../components/Field';
import { useBusy } from '../components/use-busy';
import { useAppStore, useT } from '../shell/context';

const NO_CONTACTS: Contacts = { phone: '', address: '', notes: '' };

/** Ticks for a set of choices, announced as one group. */
function Choices<T extends string>(props: {
  readonly legend: string;
  readonly options: readonly T[];
  readonly chosen: readonly T[];
  readonly label: (option: T) => string;
  readonly onChange: (chosen: T[]) => void;
}) {
  const toggle = (option: T, on: boolean) =>
    props.onChange(on ? props.options.filter((o) => o === option || props.chosen.includes(o)) : props.chosen.filter((o) => o !== option));
  return (
    <fieldset class="choice-group">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option} class="choice">
          <input type="checkbox" checked={props.chosen.includes(option)} onChange={(event) => toggle(option, event.currentTarget.checked)} /> <span>{props.label(option)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The member's own entry: what they offer, and how to reach them (sealed). */
export function RosterForm({ circle, current }: { readonly circle: OpenCircle; readonly current: RosterEntry | null }) {
  const { t } = useT();
  const store = useAppStore();
  const { busy, run } = useBusy();
  const opened = current === null ? null : openContacts(circle, current);
  const known = opened !== null && typeof opened === 'object' ? opened : NO_CONTACTS;
  const [roles, setRoles] = useState<RosterEntry['roles'][number][]>([...(current?.roles ?? [])]);
  const [skills, setSkills] = useState<RosterEntry['skills'][number][]>([...(current?.skills ?? [])]);
  const [languages, setLanguages] = useState((current?.languages ?? []).join(', '));
  const [capacity, setCapacity] = useState(String(current?.housing?.capacity ?? 1));
  const [nights, setNights] = useState(String(current?.housing?.nights ?? 3));
  const [accessible, setAccessible] = useState(current?.housing?.accessible ?? false);
  const [contacts, setContacts] = useState<Contacts>(known);
  const [problem, setProblem] = useState<RosterProblem | null>(null);
  const hosting = roles.includes('housing');

  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    void run(async () => {
      const housing = hosting ? { capacity: Number(capacity), nights: Number(nights), accessible } : null;
      const result = await saveRosterEntry(circle, { roles, skills, languages: languages.split(','), housing, contacts }, store.deps);
      if (!result.ok) return setProblem(result.error);
      setProblem(null);
      store.notify({ tone: 'success', message: t('defense.saved') });
    });
  };
  const errorFor = (...fields: RosterProblem[]) => (problem !== null && fields.includes(problem) ? t(`defense.problem.${problem}`) : null);

  return (
    <section aria-labelledby="entry-title">
      <h2 id="entry-title">{t('defense.entryTitle')}</h2>
      <form onSubmit={submit} noValidate>
        <Choices legend={t('defense.roles')} options={ROSTER_ROLES} chosen={roles} label={(role) => t(`defense.role.${role}`)} onChange={setRoles} />
        {hosting && (
          <fieldset class="choice-group">
            <legend>{t('defense.housingTitle')}</legend>
            <Field label={t('defense.capacity')} value={capacity} onInput={setCapacity} inputMode="numeric" maxLength={2} error={errorFor('housing')} />
            <Field label={t('defense.nights')} value={nights} onInput={setNights} inputMode="numeric" maxLength={2} />
            <label class="choice">
              <input type="checkbox" checked={accessible} onChange={(event) => setAccessible(event.currentTarget.checked)} /> <span>{t('defense.accessible')}</span>
            </label>
          </fieldset>
        )}
        <Choices legend={t('defense.skills')} options={CRISIS_SKILLS} chosen={skills} label={(skill) => t(`defense.skill.${skill}`)} onChange={setSkills} />
        <Field label={t('defense.languages')} value={languages} onInput={setLanguages} hint={t('defense.languagesHint')} required={false} error={errorFor('languages')} />
        <fieldset class="choice-group">
          <legend>{t('defense.contactsTitle')}</legend>
          <p class="hint">{t('defense.contactsLead')}</p>
          <Field
            label={t('defense.phone')}
            value={contacts.phone}
            onInput={(phone) => setContacts({ ...contacts, phone })}
            autoComplete="tel"
            inputMode="text"
            required={false}
            maxLength={64}
            error={errorFor('phone', 'contacts')}
          />
          <Field
            label={t('defense.address')}
            value={contacts.address}
            onInput={(address) => setContacts({ ...contacts, address })}
            autoComplete="street-address"
            required={false}
            maxLength={400}
            error={errorFor('address')}
          />
          <Field label={t('defense.notes')} value={contacts.notes} onInput={(notes) => setContacts({ ...contacts, notes })} required={false} maxLength={800} error={errorFor('notes')} />
        </fieldset>
        {errorFor('roles', 'skills', 'lock-required') !== null && (
          <p class="error" role="alert">
            {errorFor('roles', 'skills', 'lock-required')}
          </p>
        )}
        <button type="submit" class="button button-primary" disabled={busy} aria-busy={busy}>
          {busy ? t('defense.saving') : t('defense.save')}
        </button>
      </form>
    </section>
  );
}
