import { requestTool, withdrawRequest } from '../../app/tools';
import type { ToolsState, ToolState } from '../../domain/tools';
import { queueAt } from '../../domain/tools';
import { memberName } from '../circle/people';
import { useAppState, useAppStore, useT } from '../shell/context';
import { useBusy } from '../components/use-busy';
import { useToolsView } from './use-tools';

/** Who waits for the tool, who is next and until when it is held for them; ask for it or leave the line. */
export function QueuePanel({ tool, tools, now }: { readonly tool: ToolState; readonly tools: ToolsState; readonly now: number }) {
  const translator = useT();
  const { t } = translator;
  const store = useAppStore();
  const { circle, view } = useAppState();
  const toolsView = useToolsView();
  const { busy, run: act } = useBusy();
  if (circle === null || view === null || toolsView === null) return null;
  const me = circle.membership.memberKey;
  const queue = queueAt(tool, tools.rules, now);
  const mine = queue.entries.findIndex((entry) => entry.member === me);
  const name = (key: string): string => memberName(view.membership, key, t);


  return (
    <section class="panel" aria-labelledby="tool-queue-title">
      <h2 id="tool-queue-title">{t('tools.queue.title')}</h2>
      {queue.entries.length === 0 ? (
        <p class="muted">{t('tools.queue.empty')}</p>
      ) : (
        <>
          {queue.next !== null && (
            <p data-testid="tool-next">
              {queue.holdUntil !== null
                ? t('tools.queue.hold', { name: name(queue.next.member), when: translator.dateTime(queue.holdUntil) })
                : t('tools.queue.next', { name: name(queue.next.member) })}
            </p>
          )}
          <ol class="tool-queue">
            {queue.entries.map((entry) => (
              <li key={entry.request}>{name(entry.member)}</li>
            ))}
          </ol>
        </>
      )}
      {queue.lapsed.length > 0 && <p class="muted">{t('tools.queue.lapsed', { count: queue.lapsed.length })}</p>}
      {tool.holder !== me && tool.status !== 'retired' && (
        <div class="actions-row">
          {mine === -1 ? (
            <button type="button" class="button" disabled={busy} onClick={() => void act(() => requestTool(circle, toolsView, tool.id, store.deps))}>
              {t('tools.queue.ask')}
            </button>
          ) : (
            <>
              <p>{t('tools.queue.position', { position: mine + 1 })}</p>
              <button
                type="button"
                class="button"
                disabled={busy}
                onClick={() => void act(() => withdrawRequest(circle, queue.entries[mine]?.request ?? '', store.deps))}
              >
                {t('tools.queue.leave')}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
