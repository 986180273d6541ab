import { useState } from 'preact/hooks';
import { claimLabel } from '../../app/tools';
import { Page } from '../components/Page';
import { useAppState, useAppStore, useT } from '../shell/context';
import { hrefFor, navigate } from '../shell/router';
import { useToolsView } from './use-tools';
import './tools.css';

/**
 * A printed label scanned with a phone's own camera. A claimed label opens
 * its tool at once; a blank one can be claimed for a tool this member holds,
 * or for a new tool.
 */
export function LabelScreen({ labelId }: { readonly labelId: string }) {
  const { t } = useT();
  const store = useAppStore();
  const { circle } = useAppState();
  const tools = useToolsView();
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (circle === null || tools === null) return null;
  const claimedBy = tools.state.labels.get(labelId);
  const claimedTool = claimedBy === undefined ? undefined : tools.state.tools.get(claimedBy);
  if (claimedTool !== undefined) {
    return (
      <Page title={t('tools.label.title')}>
        <p>{t('tools.label.claimed', { name: claimedTool.name })}</p>
        <a class="button button-primary" href={hrefFor({ name: 'tool', id: claimedTool.id })}>
          {t('tools.label.open', { name: claimedTool.name })}
        </a>
      </Page>
    );
  }
  const me = circle.membership.memberKey;
  const mine = [...tools.state.tools.values()].filter((tool) => tool.holder === me && tool.status !== 'retired').sort((a, b) => a.name.localeCompare(b.name));
  const selected = chosen || mine[0]?.id || '';

  const claim = async (): Promise<void> => {
    const result = await claimLabel(circle, tools, labelId, selected, store.deps);
    if (!result.ok) {
      setProblem(t(`tools.problem.${result.error}`));
      return;
    }
    const tool = tools.state.tools.get(selected);
    store.notify({ tone: 'success', message: t('tools.label.saved', { name: tool?.name ?? '' }) });
    navigate({ name: 'tool', id: selected });
  };

  return (
    <Page title={t('tools.label.title')}>
      <p>{t('tools.label.blank')}</p>
      {mine.length > 0 && (
        <form
          class="panel"
          onSubmit={(event) => {
            event.preventDefault();
            void claim();
          }}
        >
          <h2>{t('tools.label.claimFor')}</h2>
          <label class="field">
            <span>{t('tools.label.choose')}</span>
            <select value={selected} onChange={(event) => setChosen(event.currentTarget.value)}>
              {mine.map((tool) => (
                <option key={tool.id} value={tool.id}>
                  {tool.name}
                </option>
              ))}
            </select>
          </label>
          {problem !== null && (
            <p class="error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" class="button button-primary">
            {t('tools.label.claim')}
          </button>
        </form>
      )}
      <a class="button" href={hrefFor({ name: 'tool-new', label: labelId })}>
        {t('tools.label.newTool')}
      </a>
    </Page>
  );
}
