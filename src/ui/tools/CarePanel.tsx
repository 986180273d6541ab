import { useState } from 'preact/hooks';
import { auditTool, closeRepair, markToolStatus, openRepair } from '../../app/tools';
import type { CareTextProblem } from '../../app/tools';
import type { ToolCondition } from '../../domain/tool-events';
import type { ToolState } from '../../domain/tools';
import type { Result } from '../../records/result';
import { ChoiceGroup } from '../board/ChoiceGroup';
import { AccessoryChecklist, allPresent } from './AccessoryChecklist';
import { useAppState, useAppStore, useT } from '../shell/context';
import { conditionKey } from './tool-format';
import { useToolsView } from './use-tools';

const CONDITIONS: readonly ToolCondition[] = ['good', 'worn', 'damaged'];

/**
 * Looking after a tool: audits, repairs and its status. Caretakers do most of
 * this, but any member may: the log shows who did what, for everyone to read.
 */
export function CarePanel({ tool }: { readonly tool: ToolState }) {
  const { t } = useT();
  const store = useAppStore();
  const { circle } = useAppState();
  const tools = useToolsView();
  const [present, setPresent] = useState(() => allPresent(tool.accessories));
  const [condition, setCondition] = useState<ToolCondition>('good');
  const [note, setNote] = useState('');
  const [problemText, setProblemText] = useState('');
  const [fix, setFix] = useState('');
  const [parts, setParts] = useState('');
  const [minutes, setMinutes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (circle === null || tools === null) return null;
  const openRepairs = tool.repairs.filter((repair) => repair.closed === null);

  const save = async (work: () => Promise<Result<unknown, CareTextProblem>>, reset: () => void): Promise<void> => {
    setBusy(true);
    try {
      const result = await work();
      if (!result.ok) {
        setError(t(result.error === 'minutes' ? 'tools.care.minutesProblem' : 'tools.care.textProblem'));
        return;
      }
      setError(null);
      reset();
      store.notify({ tone: 'success', message: t('tools.care.saved') });
    } catch {
      store.notify({ tone: 'error', message: t('common.saveFailed') });
    } finally {
      setBusy(false);
    }
  };
  const mark = (status: 'missing' | 'found' | 'retired'): void => {
    if (status === 'retired' && !confirm(t('tools.care.retireConfirm', { name: tool.name }))) return;
    void save(() => markToolStatus(circle, tools, tool.id, status, note, store.deps), () => setNote(''));
  };

  return (
    <section class="panel" aria-labelledby="tool-care-title">
      <h2 id="tool-care-title">{t('tools.care.title')}</h2>
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <details>
        <summary>{t('tools.care.audit')}</summary>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save(() => auditTool(circle, tools, { tool: tool.id, present, condition, note }, store.deps), () => setNote(''));
          }}
        >
          <AccessoryChecklist items={tool.accessories} present={present} onChange={setPresent} />
          <ChoiceGroup legend={t('tools.receive.condition')} value={condition} onChange={setCondition} choices={CONDITIONS.map((value) => ({ value, label: t(conditionKey(value)) }))} />
          <label class="field">
            <span>{t('tools.care.note')}</span>
            <input type="text" value={note} maxLength={280} onInput={(event) => setNote(event.currentTarget.value)} />
          </label>
          <button type="submit" class="button" disabled={busy}>
            {t('tools.care.auditSave')}
          </button>
        </form>
      </details>
      <details>
        <summary>{t('tools.care.repair')}</summary>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save(() => openRepair(circle, tools, tool.id, problemText, store.deps), () => setProblemText(''));
          }}
        >
          <label class="field">
            <span>{t('tools.care.problem')}</span>
            <textarea value={problemText} maxLength={600} rows={3} onInput={(event) => setProblemText(event.currentTarget.value)} />
          </label>
          <button type="submit" class="button" disabled={busy}>
            {t('tools.care.repairSave')}
          </button>
        </form>
      </details>
      {openRepairs.map((repair) => (
        <details key={repair.id}>
          <summary>
            {t('tools.care.close')}: {repair.problem}
          </summary>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void save(
                () => closeRepair(circle, { repair: repair.id, fix, parts, minutes: Number(minutes) }, store.deps),
                () => {
                  setFix('');
                  setParts('');
                  setMinutes('');
                },
              );
            }}
          >
            <label class="field">
              <span>{t('tools.care.fix')}</span>
              <textarea value={fix} maxLength={600} rows={3} onInput={(event) => setFix(event.currentTarget.value)} />
            </label>
            <label class="field">
              <span>{t('tools.care.parts')}</span>
              <input type="text" value={parts} maxLength={200} onInput={(event) => setParts(event.currentTarget.value)} />
            </label>
            <label class="field">
              <span>{t('tools.care.minutes')}</span>
              <input type="number" inputMode="numeric" min={1} max={10000} value={minutes} onInput={(event) => setMinutes(event.currentTarget.value)} />
            </label>
            <button type="submit" class="button" disabled={busy}>
              {t('tools.care.closeSave')}
            </button>
          </form>
        </details>
      ))}
      <div class="actions-row">
        {tool.status === 'missing' ? (
          <button type="button" class="button" disabled={busy} onClick={() => mark('found')}>
            {t('tools.care.markFound')}
          </button>
        ) : (
          tool.status !== 'retired' && (
            <button type="button" class="button" disabled={busy} onClick={() => mark('missing')}>
              {t('tools.care.markMissing')}
            </button>
          )
        )}
        {tool.status !== 'retired' && (
          <button type="button" class="button" disabled={busy} onClick={() => mark('retired')}>
            {t('tools.care.retire')}
          </button>
        )}
      </div>
    </section>
  );
}
