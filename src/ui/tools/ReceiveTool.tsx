import { useState } from 'preact/hooks';
import { handoffReceiptCode, reviewHandoffCode } from '../../app/handoff';
import type { HandoffReview } from '../../app/handoff';
import type { MemberKey } from '../../domain/events';
import type { ToolState } from '../../domain/tools';
import { requestPersistentStorage } from '../../pwa/persist';
import { memberName } from '../circle/people';
import { ScanCode, ShowCode } from '../components/codes';
import { useAppState, useAppStore, useT } from '../shell/context';
import { navigate } from '../shell/router';
import { handoffProblemKey } from './problems';
import { leaveScannedOffer } from './scanned-offer';
import { ReviewHandoff } from './ReviewHandoff';
import { useToolsView } from './use-tools';

type Step =
  | { readonly name: 'idle' }
  | { readonly name: 'scanning' }
  | { readonly name: 'review'; readonly code: string; readonly review: HandoffReview }
  | { readonly name: 'receipt'; readonly code: string; readonly again: boolean; readonly holder: MemberKey };

/** The receiver's side: scan the holder's code, check the tool, countersign, and show the receipt back. */
export interface ReceiveToolProps {
  readonly tool: ToolState;
  /** A handoff code scanned elsewhere, to review at once. */
  readonly initialCode: string | null;
  /** Whether a receipt is on screen, so the page keeps this panel while the tool changes hands. */
  readonly onReceipt: (showing: boolean) => void;
}

export function ReceiveTool({ tool, initialCode, onReceipt }: ReceiveToolProps) {
  const { t } = useT();
  const store = useAppStore();
  const { circle, view } = useAppState();
  const tools = useToolsView();
  const [step, setStep] = useState<Step>(() => {
    if (initialCode === null || circle === null || view === null || tools === null) return { name: 'idle' };
    const review = reviewHandoffCode(initialCode, { circle, view, tools, now: store.deps.now() });
    return review.ok ? toReview(initialCode, review.value) : { name: 'scanning' };
  });
  if (circle === null || view === null || tools === null) return null;

  const onCode = (text: string): Promise<string | null> => Promise.resolve(readCode(text));
  const readCode = (text: string): string | null => {
    const review = reviewHandoffCode(text, { circle, view, tools, now: store.deps.now() });
    if (!review.ok) return t(handoffProblemKey(review.error));
    if (review.value.offer.tool !== tool.id) {
      // The code is for another tool: review it there.
      leaveScannedOffer(review.value.offer.tool, text);
      navigate({ name: 'tool', id: review.value.offer.tool });
      return null;
    }
    setStep(toReview(text, review.value));
    return null;
  };

  const onConfirmed = (receipt: string, holder: MemberKey): void => {
    store.notify({ tone: 'success', message: t('tools.receive.saved') });
    void requestPersistentStorage();
    onReceipt(true);
    setStep({ name: 'receipt', code: receipt, again: false, holder });
  };
  const done = (): void => {
    onReceipt(false);
    setStep({ name: 'idle' });
  };

  return (
    <section class="panel" aria-labelledby="tool-receive-title">
      <h2 id="tool-receive-title">{t('tools.receive.title')}</h2>
      {step.name === 'idle' && (
        <button type="button" class="button button-primary" onClick={() => setStep({ name: 'scanning' })} disabled={tool.status === 'retired'}>
          {t('tools.receive.start')}
        </button>
      )}
      {step.name === 'scanning' && (
        <>
          <p>{t('tools.receive.lead')}</p>
          <ScanCode onCode={onCode} />
        </>
      )}
      {step.name === 'review' && <ReviewHandoff code={step.code} review={step.review} onConfirmed={onConfirmed} />}
      {step.name === 'receipt' && (
        <>
          <h3>{t('tools.receive.receipt', { name: memberName(view.membership, step.holder, t) })}</h3>
          {step.again && <p class="exchange-note">{t('tools.receive.again')}</p>}
          <ShowCode text={step.code} label={t('tools.receive.receiptLabel', { name: tool.name })} />
          <button type="button" class="button button-primary" onClick={done}>
            {t('tools.receive.done')}
          </button>
        </>
      )}
    </section>
  );
}

function toReview(code: string, review: HandoffReview): Step {
  if (review.alreadyConfirmed !== null) {
    return { name: 'receipt', code: handoffReceiptCode(review.alreadyConfirmed), again: true, holder: review.offer.holder };
  }
  return { name: 'review', code, review };
}
