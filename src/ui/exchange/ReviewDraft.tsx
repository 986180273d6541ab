import { useId, useState } from 'preact/hooks';
import type { CircleView } from '../../app/circle-view';
import { confirmDraft, receiptCode } from '../../app/exchange';
import type { DraftReview } from '../../app/exchange';
import type { MemberKey } from '../../domain/events';
import type { Translator } from '../../i18n/i18n';
import { requestPersistentStorage } from '../../pwa/persist';
import { memberName } from '../circle/people';
import { ShowCode } from '../components/codes';
import { useAppState, useAppStore, useT } from '../shell/context';
import { Balance } from './Balance';
import { DraftSummary } from './DraftSummary';
import { clockPair, formatBalance } from './format';
import { reviewProblemKey } from './problems';
import { reviewNow } from './review';

export interface ReviewDraftProps {
  /** The scanned text, checked again just before signing. */
  readonly code: string;
  readonly review: DraftReview;
  /** Back to scanning. */
  readonly onDone: () => void;
}

/**
 * The second party's step: read what the other phone signed, confirm, and
 * show the receipt back. A draft this member already confirmed goes straight
 * to its receipt, so scanning twice never stores twice.
 */
export function ReviewDraft({ code, review, onDone }: ReviewDraftProps) {
  const translator = useT();
  const { t } = translator;
  const store = useAppStore();
  const { circle, view } = useAppState();
  const headingId = useId();
  const again = review.alreadyConfirmed !== null;
  const [receipt, setReceipt] = useState<string | null>(review.alreadyConfirmed === null ? null : receiptCode(review.alreadyConfirmed));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (circle === null || view === null) return null;
  const name = memberName(view.membership, review.draft.author, t);

  const confirm = async (): Promise<void> => {
    setBusy(true);
    try {
      // A sync or another confirmation may have arrived since the scan.
      const fresh = reviewNow(store, code);
      if (fresh === null) return;
      if (!fresh.ok) {
        setProblem(t(reviewProblemKey(fresh.error)));
        return;
      }
      const confirmed = await confirmDraft(circle, fresh.value, store.deps);
      setReceipt(confirmed.receiptCode);
      store.notify({ tone: 'success', message: t('exchange.saved') });
      void requestPersistentStorage();
    } catch {
      store.notify({ tone: 'error', message: t('common.saveFailed') });
    } finally {
      setBusy(false);
    }
  };

  if (receipt !== null) {
    return (
      // The code comes first: it is what the other phone needs to see.
      <section class="panel" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('exchange.receipt.show', { name })}</h2>
        {again && <p class="exchange-note">{t('exchange.review.alreadyConfirmed')}</p>}
        <ShowCode text={receipt} label={t('exchange.receipt.codeLabel', { name })} />
        <p class="muted">{t('exchange.receipt.later')}</p>
        <Balance />
        <button type="button" class="button button-primary" onClick={onDone}>
          {t('exchange.done')}
        </button>
        <DraftSummary review={review} view={view} headingId={`${headingId}-summary`} />
      </section>
    );
  }

  const warnings = limitWarnings(review, circle.membership.memberKey, view, translator);
  const clocks = clockPair(review.draft.at, review.draft.at + review.clockDifferenceMs, translator);
  return (
    <section class="panel" aria-labelledby={headingId}>
      <DraftSummary review={review} view={view} headingId={headingId} />
      {review.clockWarning && (
        <p class="exchange-warning" data-testid="clock-warning">
          {t('exchange.review.clockWarning', clocks)}
        </p>
      )}
      {warnings.length > 0 && (
        <div class="exchange-warning">
          {warnings.map((warning) => (
            <p key={warning}>{warning}</p>
          ))}
          <p>{t('exchange.limit.soft')}</p>
        </div>
      )}
      <p>{t('exchange.review.check')}</p>
      {problem !== null && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <div class="actions-row">
        <button type="button" class="button button-primary" onClick={() => void confirm()} disabled={busy || problem !== null} aria-busy={busy}>
          {t('exchange.review.confirm')}
        </button>
        <button type="button" class="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}

/** Soft limits crossed by either party, said from this member's side. */
function limitWarnings(review: DraftReview, me: MemberKey, view: CircleView, translator: Translator): string[] {
  const { t } = translator;
  const settings = view.settings.current;
  const warnings: string[] = [];
  const say = (who: MemberKey, balance: number, limit: number, above: boolean): void => {
    const params = { name: memberName(view.membership, who, t), balance: formatBalance(balance, translator), limit: formatBalance(limit, translator) };
    if (who === me) warnings.push(t(above ? 'exchange.limit.youAbove' : 'exchange.limit.youBelow', params));
    else warnings.push(t(above ? 'exchange.limit.themAbove' : 'exchange.limit.themBelow', params));
  };
  if (review.limits.provider === 'above-upper') say(review.provider, review.limits.providerAfter, settings.upperLimit, true);
  if (review.limits.receiver === 'below-lower') say(review.receiver, review.limits.receiverAfter, settings.lowerLimit, false);
  return warnings;
}
