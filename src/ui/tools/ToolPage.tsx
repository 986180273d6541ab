import { useState } from 'preact/hooks';
import { Page } from '../components/Page';
import { useNow } from '../board/use-now';
import { memberName } from '../circle/people';
import { useAppState, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { CarePanel } from './CarePanel';
import { HandOver } from './HandOver';
import { MaintenanceLog } from './MaintenanceLog';
import { QueuePanel } from './QueuePanel';
import { ReceiveTool } from './ReceiveTool';
import { takeScannedOffer } from './scanned-offer';
import { ToolDetails } from './ToolDetails';
import { Tutorials } from './Tutorials';
import { useToolsView } from './use-tools';
import './tools.css';

/** A tool's page: what it is, who has it, the queue, the handoff, and its public maintenance log. */
export function ToolPage({ toolId }: { readonly toolId: string }) {
  const { t } = useT();
  const { circle, view } = useAppState();
  const tools = useToolsView();
  const now = useNow();
  // An offer scanned on the Scan tab arrives here, to be reviewed on the tool's own page.
  const [scanned] = useState(() => takeScannedOffer(toolId));
  // The receiver's receipt stays up after the tool becomes theirs: the giver has yet to scan it.
  const [showingReceipt, setShowingReceipt] = useState(scanned !== null);
  if (circle === null || view === null || tools === null) return null;
  const tool = tools.state.tools.get(toolId);
  if (tool === undefined) {
    return (
      <Page title={t('tools.title')}>
        <p>{t('tools.page.notFound')}</p>
        <a class="button" href={hrefFor({ name: 'tools' })}>
          {t('tools.title')}
        </a>
      </Page>
    );
  }
  const me = circle.membership.memberKey;
  const holds = tool.holder === me;
  const conflicts = tool.conflicts;

  return (
    <Page title={tool.name}>
      {conflicts.length > 0 && (
        <div class="notice notice-warning" role="status" data-testid="tool-conflict">
          {conflicts.map((conflict) => (
            <p key={conflict.kept}>
              {t('tools.page.conflict', {
                kept: memberName(view.membership, conflict.holders[0] ?? null, t),
                others: conflict.holders
                  .slice(1)
                  .map((key) => memberName(view.membership, key, t))
                  .join(', '),
              })}
            </p>
          ))}
        </div>
      )}
      <ToolDetails tool={tool} tools={tools.state} now={now} />
      {(!holds || showingReceipt) && <ReceiveTool tool={tool} initialCode={scanned} onReceipt={setShowingReceipt} />}
      {holds && !showingReceipt && <HandOver tool={tool} />}
      <QueuePanel tool={tool} tools={tools.state} now={now} />
      <CarePanel tool={tool} />
      <MaintenanceLog tool={tool} tools={tools.state} />
      <Tutorials tool={tool} />
      <p>
        <a class="button" href={hrefFor({ name: 'labels', tool: tool.id })}>
          {t('tools.page.labels')}
        </a>
      </p>
    </Page>
  );
}
