import { useState } from 'preact/hooks';
import { registerTool } from '../../app/tools';
import type { RegisterProblem } from '../../app/tools';
import { TOOL_CATEGORIES } from '../../domain/tool-events';
import type { ToolCategory } from '../../domain/tool-events';
import { requestPersistentStorage } from '../../pwa/persist';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { useAppState, useAppStore, useT } from '../shell/context';
import { navigate } from '../shell/router';
import { AreaSelect } from './AreaSelect';
import { PhotoField } from './PhotoField';
import { photoStrings } from './photo-strings';
import { categoryKey } from './tool-format';
import { useToolsView } from './use-tools';
import './tools.css';

const DEFAULT_LOAN_DAYS = '14';

/** A member adds a tool they hold; they become its first host. A scanned blank label can come along. */
export function RegisterTool({ label }: { readonly label: string | null }) {
  const { t } = useT();
  const store = useAppStore();
  const { circle } = useAppState();
  const tools = useToolsView();
  const [name, setName] = useState('');
  const [category, setCategory] = useState<ToolCategory>('hand-tools');
  const [area, setArea] = useState<string | null>(null);
  const [accessories, setAccessories] = useState('');
  const [careNotes, setCareNotes] = useState('');
  const [value, setValue] = useState('');
  const [loanDays, setLoanDays] = useState(DEFAULT_LOAN_DAYS);
  const [photo, setPhoto] = useState<Uint8Array | null>(null);
  const [problem, setProblem] = useState<RegisterProblem | null>(null);
  const [busy, setBusy] = useState(false);
  if (circle === null || tools === null) return null;

  const submit = async (): Promise<void> => {
    // A value that is not a whole number reaches checkToolFields as NaN and is refused there.
    const replacementValue = value.trim() === '' ? null : Number(value.trim());
    setBusy(true);
    try {
      const result = await registerTool(
        circle,
        tools,
        {
          name,
          category,
          area,
          accessories: accessories.split('\n'),
          careNotes,
          replacementValue,
          loanDays: Number(loanDays),
          photo,
        },
        label,
        store.deps,
      );
      if (!result.ok) {
        setProblem(result.error);
        return;
      }
      store.notify({ tone: 'success', message: t('tools.new.saved', { name: name.trim() }) });
      void requestPersistentStorage();
      navigate({ name: 'tool', id: result.value });
    } catch {
      store.notify({ tone: 'error', message: t('common.saveFailed') });
    } finally {
      setBusy(false);
    }
  };
  const errorFor = (field: RegisterProblem): string | null => (problem === field ? t(`tools.problem.${field}`) : null);

  return (
    <Page title={t('tools.new.title')}>
      <p>{t('tools.new.lead')}</p>
      {label !== null && <p class="notice notice-info">{t('tools.new.withLabel')}</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field label={t('tools.new.name')} value={name} onInput={setName} maxLength={60} error={errorFor('name')} />
        <label class="field">
          <span>{t('tools.new.category')}</span>
          <select value={category} onChange={(event) => setCategory(event.currentTarget.value as ToolCategory)}>
            {TOOL_CATEGORIES.map((entry) => (
              <option key={entry} value={entry}>
                {t(categoryKey(entry))}
              </option>
            ))}
          </select>
        </label>
        <AreaSelect label={t('tools.new.area')} tools={tools.state} value={area} onChange={setArea} />
        <label class="field">
          <span>{t('tools.new.accessories')}</span>
          <textarea value={accessories} rows={4} maxLength={16 * 41} aria-describedby="tool-accessories-hint" onInput={(event) => setAccessories(event.currentTarget.value)} />
          <span id="tool-accessories-hint" class="hint">
            {t('tools.new.accessoriesHint')}
          </span>
          {errorFor('accessories') !== null && (
            <span class="error" role="alert">
              {errorFor('accessories')}
            </span>
          )}
        </label>
        <label class="field">
          <span>{t('tools.new.care')}</span>
          <textarea value={careNotes} rows={3} maxLength={600} onInput={(event) => setCareNotes(event.currentTarget.value)} />
          {errorFor('care-notes') !== null && (
            <span class="error" role="alert">
              {errorFor('care-notes')}
            </span>
          )}
        </label>
        <Field label={t('tools.new.value')} value={value} onInput={setValue} inputMode="numeric" required={false} error={errorFor('replacement-value')} />
        <Field label={t('tools.new.loanDays')} value={loanDays} onInput={setLoanDays} inputMode="numeric" error={errorFor('loan-days')} />
        <PhotoField
          strings={photoStrings(t, t('tools.new.photo'), t('tools.new.photoHint'))}
          value={photo}
          onChange={setPhoto}
        />
        {(problem === 'photo' || problem === 'label-taken' || problem === 'area' || problem === 'category') && (
          <p class="error" role="alert">
            {t(`tools.problem.${problem}`)}
          </p>
        )}
        <button type="submit" class="button button-primary" disabled={busy}>
          {t('tools.new.save')}
        </button>
      </form>
    </Page>
  );
}
