import { useId, useState } from 'preact/hooks';
import { addSkill, markSkillEssential } from '../../app/circle-rules';
import type { Skill } from '../../domain/skills';
import { MAX_SKILL_NAME } from '../../records/kinds/skill-added';
import { memberName } from '../circle/people';
import { Field } from '../components/Field';
import { skillLabel } from '../components/format';
import { useAppState, useAppStore, useT } from '../shell/context';
import { nameProblemKey } from '../shell/problems';

/** The circle's skills, essential ones marked, and a form to add one. */
export function SkillsSection() {
  const translator = useT();
  const { t } = translator;
  const store = useAppStore();
  const { circle, view } = useAppState();
  const id = useId();
  const [name, setName] = useState('');
  const [essential, setEssential] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (circle === null || view === null) return null;

  const add = async (event: Event): Promise<void> => {
    event.preventDefault();
    setSaving(true);
    try {
      const result = await addSkill(circle, name, essential, store.deps);
      if (!result.ok) {
        setError(t(nameProblemKey(result.error), { max: MAX_SKILL_NAME }));
        return;
      }
      setError(null);
      store.notify({ tone: 'success', message: t('ledger.skills.added', { name: name.trim() }) });
      setName('');
      setEssential(false);
    } catch {
      store.notify({ tone: 'error', message: t('common.saveFailed') });
    } finally {
      setSaving(false);
    }
  };

  const toggleEssential = async (skill: Skill): Promise<void> => {
    try {
      await markSkillEssential(circle, skill.ref, !skill.essential, store.deps);
      const key = skill.essential ? 'ledger.skills.unmarked' : 'ledger.skills.marked';
      store.notify({ tone: 'success', message: t(key, { name: skillLabel(skill, t) }) });
    } catch {
      store.notify({ tone: 'error', message: t('common.saveFailed') });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('ledger.skills.title')}</h2>
      <p class="muted">{t('ledger.skills.lead')}</p>
      <ul class="list" data-testid="skill-list">
        {view.skills.skills.map((skill) => (
          <li key={skill.ref}>
            <span>{skillLabel(skill, t)}</span>
            {skill.essential && <span class="ledger-tag">{t('ledger.skills.essential')}</span>}
            <span class="muted">
              {skill.addedBy === null ? t('ledger.skills.starting') : t('ledger.skills.addedBy', { name: memberName(view.membership, skill.addedBy, t) })}
            </span>
            <button type="button" class="button-quiet" onClick={() => void toggleEssential(skill)}>
              {skill.essential
                ? t('ledger.skills.unmark', { name: skillLabel(skill, t) })
                : t('ledger.skills.mark', { name: skillLabel(skill, t) })}
            </button>
          </li>
        ))}
      </ul>
      <h3 class="ledger-h3">{t('ledger.skills.addTitle')}</h3>
      <form onSubmit={(event) => void add(event)} noValidate>
        <Field
          label={t('ledger.skills.name')}
          hint={t('ledger.skills.nameHint', { max: MAX_SKILL_NAME })}
          value={name}
          onInput={setName}
          maxLength={MAX_SKILL_NAME * 2}
          error={error}
        />
        <label class="ledger-choice">
          <input type="checkbox" checked={essential} onChange={(event) => setEssential(event.currentTarget.checked)} />
          <span>{t('ledger.skills.essentialCheck')}</span>
        </label>
        <button type="submit" class="button" disabled={saving}>
          {t('ledger.skills.add')}
        </button>
      </form>
    </section>
  );
}
