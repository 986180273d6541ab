import { useState } from 'preact/hooks';
import { acceptHandoffReceipt, handoffOfferCode } from '../../app/handoff';
import type { ToolState } from '../../domain/tools';
import { requestPersistentStorage } from '../../pwa/persist';
import { memberName } from '../circle/people';
import { ScanCode, ShowCode } from '../components/codes';
import { useAppState, useAppStore, useT } from '../shell/context';
import { handoffReceiptProblemKey, offerProblemKey } from './problems';
import { useToolsView } from './use-tools';

type Step = { readonly name: 'idle' } | { readonly name: 'showing'; readonly code: string; readonly scanning: boolean } | { readonly name: 'done' };

/** The holder's side: show the offer, then scan the receiver's receipt so both phones hold the same handoff. */
export function HandOver({ tool }: { readonly tool: ToolState }) {
  const { t } = useT();
  const store = useAppStore();
  const { circle, view } = useAppState();
  const tools = useToolsView();
  const [step, setStep] = useState<Step>({ name: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  if (circle === null || view === null || tools === null) return null;

  const start = (): void => {
    const made = handoffOfferCode(circle, tools, tool.id, store.deps);
    if (!made.ok) {
      setProblem(t(offerProblemKey(made.error)));
      return;
    }
    setProblem(null);
    setStep({ name: 'showing', code: made.value, scanning: false });
  };

  const onReceipt = async (text: string): Promise<string | null> => {
    const accepted = await acceptHandoffReceipt(circle, text);
    if (!accepted.ok) return t(handoffReceiptProblemKey(accepted.error));
    store.notify({ tone: 'success', message: t('tools.receive.saved') });
    void requestPersistentStorage();
    setStep({ name: 'done' });
    return null;
  };

  return (
    <section class="panel" aria-labelledby="tool-handover-title">
      <h2 id="tool-handover-title">{t('tools.handover.title')}</h2>
      {problem !== null && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {step.name === 'idle' && (
        <button type="button" class="button button-primary" onClick={start} disabled={tool.status === 'retired'}>
          {t('tools.handover.start')}
        </button>
      )}
      {step.name === 'showing' && (
        <>
          <p>{t('tools.handover.lead')}</p>
          <ShowCode text={step.code} label={t('tools.handover.codeLabel', { name: tool.name })} />
          {step.scanning ? (
            <ScanCode onCode={onReceipt} />
          ) : (
            <div class="actions-row">
              <button type="button" class="button button-primary" onClick={() => setStep({ ...step, scanning: true })}>
                {t('tools.handover.scanReceipt')}
              </button>
              <button type="button" class="button" onClick={() => setStep({ name: 'idle' })}>
                {t('tools.handover.cancel')}
              </button>
            </div>
          )}
        </>
      )}
      {step.name === 'done' && (
        <p class="exchange-done" role="status">
          {t('tools.handover.done', { name: memberName(view.membership, tool.holder, t) })}
        </p>
      )}
    </section>
  );
}
