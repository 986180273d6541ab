import { useState } from 'preact/hooks';
import { createCircle } from '../../app/circles';
import { MAX_CIRCLE_NAME, MAX_DISPLAY_NAME } from '../../domain/names';
import { requestPersistentStorage } from '../../pwa/persist';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { useAppStore, useT } from '../shell/context';
import { nameProblemKey } from '../shell/problems';
import { navigate } from '../shell/router';

export function Create() {
  const { t } = useT();
  const store = useAppStore();
  const [circleName, setCircleName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [errors, setErrors] = useState<{ circleName?: string; displayName?: string }>({});
  const [saving, setSaving] = useState(false);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setSaving(true);
    try {
      const result = await createCircle(store.vault, { circleName, displayName }, store.deps);
      if (!result.ok) {
        const max = result.error.field === 'circleName' ? MAX_CIRCLE_NAME : MAX_DISPLAY_NAME;
        setErrors({ [result.error.field]: t(nameProblemKey(result.error.problem), { max }) });
        return;
      }
      await store.show(result.value);
      store.notify({ tone: 'success', message: t('create.saved', { name: result.value.membership.circleName }) });
      void requestPersistentStorage();
      navigate({ name: 'home' });
    } catch {
      store.notify({ tone: 'error', message: t('common.saveFailed') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page title={t('create.title')}>
      <p>{t('create.lead')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          label={t('create.circleName')}
          hint={t('create.circleNameHint')}
          value={circleName}
          onInput={setCircleName}
          maxLength={MAX_CIRCLE_NAME * 2}
          error={errors.circleName ?? null}
        />
        <Field
          label={t('create.displayName')}
          hint={t('create.displayNameHint')}
          value={displayName}
          onInput={setDisplayName}
          maxLength={MAX_DISPLAY_NAME * 2}
          autoComplete="nickname"
          error={errors.displayName ?? null}
        />
        <button type="submit" class="button button-primary" disabled={saving} aria-busy={saving}>
          {saving ? t('common.saving') : t('create.submit')}
        </button>
      </form>
    </Page>
  );
}
