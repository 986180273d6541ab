import { useState } from 'preact/hooks';
import { acceptReceipt } from '../../app/exchange';
import type { DraftReview } from '../../app/exchange';
import { readMemberIdentityCode } from '../../app/codes';
import { appBaseOf, readDeepLink } from '../../app/deep-links';
import { acceptHandoffReceipt } from '../../app/handoff';
import { parseHandoffOffer } from '../../records/kinds/tool-handoff';
import { verify } from '../../records/signatures';
import { leaveScannedOffer } from '../tools/scanned-offer';
import { bytesEqual, toBase64Url } from '../../records/bytes';
import { CodeKind, decodeFrame } from '../../qr/frame';
import { requestPersistentStorage } from '../../pwa/persist';
import { ScanCode } from '../components/codes';
import { Page } from '../components/Page';
import { useAppState, useAppStore, useT } from '../shell/context';
import { codeProblemKey } from '../shell/problems';
import { hrefFor, navigate } from '../shell/router';
import { Balance } from './Balance';
import { Conflicts } from './Conflicts';
import { PendingList } from './PendingList';
import { receiptProblemKey, reviewProblemKey } from './problems';
import { reviewNow } from './review';
import { ReviewDraft } from './ReviewDraft';
import './exchange.css';

type Step =
  | { readonly name: 'scan' }
  | { readonly name: 'review'; readonly code: string; readonly review: DraftReview }
  | { readonly name: 'completed' }
  | { readonly name: 'join-request' };

/**
 * The Exchange tab: start an exchange, see what waits, and scan any Tally
 * code; each kind of code goes where it belongs.
 */
export function Scan() {
  const { t } = useT();
  const store = useAppStore();
  const { circle, view, pendingDrafts } = useAppState();
  const [step, setStep] = useState<Step>({ name: 'scan' });
  // A new key gives a fresh scanner: one that accepted a code stays finished.
  const [scannerKey, setScannerKey] = useState(0);
  if (circle === null || view === null) return null;

  const scanAgain = (): void => {
    setStep({ name: 'scan' });
    setScannerKey((key) => key + 1);
  };

  const onCode = async (text: string): Promise<string | null> => {
    const frame = decodeFrame(text);
    if (!frame.ok) return openLink(text) ?? t(codeProblemKey(frame.error));
    switch (frame.value.kind) {
      case CodeKind.ExchangeDraft: {
        const review = reviewNow(store, text);
        if (review === null) return t('exchange.problem.notAMember');
        if (!review.ok) return t(reviewProblemKey(review.error));
        setStep({ name: 'review', code: text, review: review.value });
        return null;
      }
      case CodeKind.ExchangeReceipt: {
        const accepted = await acceptReceipt(circle, store.vault, text);
        if (!accepted.ok) return t(receiptProblemKey(accepted.error));
        await store.refreshPendingDrafts();
        store.notify({ tone: 'success', message: t('exchange.completed.saved') });
        void requestPersistentStorage();
        setStep({ name: 'completed' });
        return null;
      }
      case CodeKind.JoinRequest:
        setStep({ name: 'join-request' });
        return null;
      case CodeKind.MemberIdentity: {
        const identity = readMemberIdentityCode(text);
        if (!identity.ok) return t(codeProblemKey(identity.error));
        if (!bytesEqual(identity.value.circleId, circle.replica.circleId)) return t('exchange.scanner.memberOtherCircle');
        navigate({ name: 'member', key: toBase64Url(identity.value.memberKey) });
        return null;
      }
      case CodeKind.Welcome:
        return t('exchange.scanner.welcome');
      case CodeKind.ToolHandoffOffer: {
        // The tool's own page reviews the handoff, with the tool in view.
        const offer = parseHandoffOffer(frame.value.body, verify);
        if (!offer.ok) return t('exchange.scanner.toolOffer');
        leaveScannedOffer(offer.value.tool, text);
        navigate({ name: 'tool', id: offer.value.tool });
        return null;
      }
      case CodeKind.ToolHandoffReceipt: {
        const accepted = await acceptHandoffReceipt(circle, text);
        if (!accepted.ok) return t('exchange.scanner.toolReceiptRefused');
        store.notify({ tone: 'success', message: t('exchange.scanner.toolReceiptSaved') });
        navigate({ name: 'tool', id: accepted.value });
        return null;
      }
      default:
        return t('exchange.scanner.otherKind');
    }
  };

  /** A tool's printed label read by this scanner rather than the phone's own camera app. */
  const openLink = (text: string): string | null => {
    if (!/^https?:/i.test(text)) return null;
    const link = readDeepLink(text, appBaseOf(location));
    if (link === null) return t('exchange.scanner.otherLink');
    navigate(link.kind === 'tool' ? { name: 'tool', id: link.id } : { name: 'label', id: link.id });
    return null;
  };

  return (
    <Page title={t('exchange.scan.title')}>
      {step.name === 'review' ? (
        <ReviewDraft code={step.code} review={step.review} onDone={scanAgain} />
      ) : (
        <>
          <Balance />
          <nav class="exchange-start" aria-label={t('exchange.start.label')}>
            <a class="button button-primary" href={hrefFor({ name: 'exchange', role: 'provider' })}>
              {t('exchange.start.provider')}
            </a>
            <a class="button button-primary" href={hrefFor({ name: 'exchange', role: 'receiver' })}>
              {t('exchange.start.receiver')}
            </a>
          </nav>
          <Conflicts view={view} me={circle.membership.memberKey} />
          <PendingList pending={pendingDrafts} view={view} />
          <section aria-labelledby="exchange-scan-title">
            <h2 id="exchange-scan-title">{t('exchange.scanner.title')}</h2>
            {step.name === 'scan' && (
              <>
                <p>{t('exchange.scanner.lead')}</p>
                <ScanCode key={scannerKey} onCode={onCode} />
              </>
            )}
            {step.name === 'completed' && (
              <div class="panel">
                <p class="exchange-done">{t('exchange.completed.saved')}</p>
                <button type="button" class="button" onClick={scanAgain}>
                  {t('exchange.scanner.again')}
                </button>
              </div>
            )}
            {step.name === 'join-request' && (
              <div class="panel">
                <p>{t('exchange.scanner.joinRequest')}</p>
                <div class="actions-row">
                  <a class="button button-primary" href={hrefFor({ name: 'invite' })}>
                    {t('exchange.scanner.toInvite')}
                  </a>
                  <button type="button" class="button" onClick={scanAgain}>
                    {t('exchange.scanner.again')}
                  </button>
                </div>
              </div>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
