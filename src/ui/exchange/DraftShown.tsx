import { useMemo, useState } from 'preact/hooks';
import { acceptReceipt, draftCode, draftFromRecords } from '../../app/exchange';
import type { MemberKey } from '../../domain/events';
import { requestPersistentStorage } from '../../pwa/persist';
import { parseExchangeDraft } from '../../records/kinds/exchange';
import { alreadyChecked } from '../../records/crypto';
import { ScanCode, ShowCode } from '../components/codes';
import { Page } from '../components/Page';
import { useAppState, useAppStore, useT } from '../shell/context';
import { hrefFor, navigate } from '../shell/router';
import { Balance } from './Balance';
import { draftLine } from './format';
import { receiptProblemKey } from './problems';
import './exchange.css';

/**
 * A draft this phone made, shown as a code until it is countersigned. The
 * countersignature arrives as a scanned receipt or, later, by sync. A group
 * draft stays up until every place is taken.
 */
export function DraftShown({ draftId }: { readonly draftId: string }) {
  const translator = useT();
  const { t } = translator;
  const store = useAppStore();
  const { circle, view, pendingDrafts } = useAppState();
  const [scanning, setScanning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const pending = pendingDrafts.find((entry) => entry.draftId === draftId);
  const countersigners = useMemo(() => {
    const keys = new Set<MemberKey>();
    if (view !== null) for (const confirmation of view.ledger.records()) if (confirmation.draft.id === draftId) keys.add(confirmation.author);
    return keys;
    // The ledger changes in place: its version says when to count again.
  }, [view, view?.ledger.version, draftId]);
  const draft = useMemo(() => {
    if (pending !== undefined) {
      const parsed = parseExchangeDraft(pending.bytes, alreadyChecked);
      if (parsed.ok) return parsed.value;
    }
    return circle === null || view === null || countersigners.size === 0 ? undefined : draftFromRecords(circle, view, draftId);
  }, [pending, circle, view, countersigners, draftId]);
  if (circle === null || view === null) return null;

  if (draft === undefined) {
    return (
      <Page title={t('exchange.draft.title')}>
        <p>{t('exchange.draft.gone')}</p>
        <a class="button" href={hrefFor({ name: 'scan' })}>
          {t('exchange.draft.back')}
        </a>
      </Page>
    );
  }

  const group = draft.seats > 1;
  const complete = group ? countersigners.size >= draft.seats : pending === undefined && countersigners.size > 0;

  const onReceipt = async (text: string): Promise<string | null> => {
    const accepted = await acceptReceipt(circle, store.vault, text);
    if (!accepted.ok) return t(receiptProblemKey(accepted.error));
    await store.refreshPendingDrafts();
    store.notify({ tone: 'success', message: t('exchange.completed.saved') });
    void requestPersistentStorage();
    setScanning(false);
    return null;
  };

  const cancel = async (): Promise<void> => {
    try {
      await store.vault.removePendingDraft(draftId);
      await store.refreshPendingDrafts();
      store.notify({ tone: 'info', message: t('exchange.draft.cancelled') });
      navigate({ name: 'scan' });
    } catch {
      store.notify({ tone: 'error', message: t('common.saveFailed') });
    }
  };

  const summary = draftLine(draft, view, translator);
  return (
    <Page title={t('exchange.draft.title')}>
      <p class="exchange-summary" data-testid="draft-summary">
        {summary}
      </p>
      {draft.note !== '' && <p class="muted">{t('exchange.draft.note', { note: draft.note })}</p>}
      <p role="status" class="exchange-status" data-testid="draft-status">
        {group
          ? translator.plural('exchange.draft.groupCount', countersigners.size, { seats: draft.seats })
          : t(complete ? 'exchange.draft.completed' : 'exchange.draft.waiting')}
      </p>
      {complete ? (
        <>
          {group && <p>{t('exchange.draft.groupFull')}</p>}
          <Balance />
          <a class="button button-primary" href={hrefFor({ name: 'scan' })}>
            {t('exchange.done')}
          </a>
        </>
      ) : (
        <>
          <p>{t('exchange.draft.show')}</p>
          <ShowCode text={draftCode(draft.bytes)} label={t('exchange.draft.codeLabel', { summary })} />
          {group && countersigners.size > 0 && <Balance />}
          <section aria-labelledby="draft-receipt-title">
            <h2 id="draft-receipt-title">{t('exchange.draft.receiptTitle')}</h2>
            <p>{t('exchange.draft.receiptLead')}</p>
            {scanning ? (
              <ScanCode onCode={onReceipt} />
            ) : (
              <button type="button" class="button button-primary" onClick={() => setScanning(true)}>
                {t('exchange.draft.scanReceipt')}
              </button>
            )}
          </section>
          {pending !== undefined && (
            <section class="danger-zone" aria-labelledby="draft-cancel-title">
              <h2 id="draft-cancel-title">{t('exchange.draft.cancelTitle')}</h2>
              <p class="muted">{t('exchange.draft.cancelWarning')}</p>
              {cancelling ? (
                <div class="actions-row">
                  <button type="button" class="button button-danger" onClick={() => void cancel()}>
                    {t('exchange.draft.cancelYes')}
                  </button>
                  <button type="button" class="button" onClick={() => setCancelling(false)}>
                    {t('exchange.draft.keep')}
                  </button>
                </div>
              ) : (
                <button type="button" class="button" onClick={() => setCancelling(true)}>
                  {t('exchange.draft.cancel')}
                </button>
              )}
            </section>
          )}
        </>
      )}
    </Page>
  );
}
