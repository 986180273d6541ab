import { useEffect, useState } from 'preact/hooks';
import { approveJoin, reviewJoinRequest } from '../../app/join';
import type { IssuedWelcome, JoinReview } from '../../app/join';
import { requestPersistentStorage } from '../../pwa/persist';
import { keyFingerprint } from '../../records/invite';
import { ScanCode, ShowCode } from '../components/codes';
import { Page } from '../components/Page';
import { useAppState, useAppStore, useT } from '../shell/context';
import { codeProblemKey } from '../shell/problems';
import { hrefFor } from '../shell/router';

type Step =
  | { readonly name: 'scan' }
  | { readonly name: 'review'; readonly review: JoinReview }
  | { readonly name: 'welcome'; readonly review: JoinReview; readonly welcome: IssuedWelcome };

/**
 * The member's side of an invitation: scan the newcomer's request, compare the
 * number aloud, approve, and show the welcome until it is scanned or expires.
 */
export function Invite() {
  const { t } = useT();
  const store = useAppStore();
  const { circle, snapshot } = useAppState();
  const [step, setStep] = useState<Step>({ name: 'scan' });
  const [busy, setBusy] = useState(false);
  if (circle === null || snapshot === null) return null;

  const onRequest = (text: string): Promise<string | null> => {
    const review = reviewJoinRequest(text, snapshot.circle);
    if (!review.ok) return Promise.resolve(t(codeProblemKey(review.error)));
    setStep({ name: 'review', review: review.value });
    return Promise.resolve(null);
  };

  const approve = async (review: JoinReview): Promise<void> => {
    setBusy(true);
    try {
      const welcome = await approveJoin(circle, review.request, store.deps);
      setStep({ name: 'welcome', review, welcome });
      store.notify({ tone: 'success', message: t('invite.saved', { name: review.request.name }) });
      void requestPersistentStorage();
    } catch {
      store.notify({ tone: 'error', message: t('common.saveFailed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('invite.title')}>
      {step.name === 'scan' && (
        <>
          <p>{t('invite.lead')}</p>
          <ScanCode onCode={onRequest} />
        </>
      )}
      {step.name === 'review' && (
        <div class="panel">
          <h2>{t('invite.reviewTitle', { name: step.review.request.name })}</h2>
          <p>{t('invite.compare')}</p>
          <p class="fingerprint fingerprint-large" data-testid="invite-fingerprint">
            {step.review.fingerprint}
          </p>
          {step.review.alreadyMember ? (
            <p class="error" role="alert">
              {t('invite.alreadyMember', { name: step.review.request.name })}
            </p>
          ) : (
            <div class="actions-row">
              <button type="button" class="button button-primary" onClick={() => void approve(step.review)} disabled={busy} aria-busy={busy}>
                {t('invite.approve', { name: step.review.request.name })}
              </button>
              <button type="button" class="button" onClick={() => setStep({ name: 'scan' })}>
                {t('common.cancel')}
              </button>
            </div>
          )}
        </div>
      )}
      {step.name === 'welcome' && <WelcomeShown review={step.review} welcome={step.welcome} onAnother={() => setStep({ name: 'scan' })} />}
    </Page>
  );
}

function WelcomeShown({ review, welcome, onAnother }: { readonly review: JoinReview; readonly welcome: IssuedWelcome; readonly onAnother: () => void }) {
  const { t } = useT();
  const { circle } = useAppState();
  const ownFingerprint = circle === null ? '' : keyFingerprint(circle.signing.publicKey);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, welcome.expiresAt - now);
  const minutes = Math.floor(left / 60_000);
  const seconds = Math.floor((left % 60_000) / 1000)
    .toString()
    .padStart(2, '0');

  return (
    <div>
      {left > 0 ? (
        <>
          <p>{t('invite.showWelcome', { name: review.request.name })}</p>
          <ShowCode text={welcome.code} label={t('invite.welcomeCodeLabel', { name: review.request.name })} />
          <p class="muted" aria-live="off">
            {t('invite.expiresIn', { time: `${minutes}:${seconds}` })}
          </p>
          <p>
            {t('invite.yourNumber', { name: review.request.name })}{' '}
            <strong class="fingerprint" data-testid="admitter-fingerprint">
              {ownFingerprint}
            </strong>
          </p>
        </>
      ) : (
        <p class="error">{t('invite.expired', { name: review.request.name })}</p>
      )}
      <div class="actions-row">
        <a class="button button-primary" href={hrefFor({ name: 'members' })}>
          {t('invite.done')}
        </a>
        <button type="button" class="button" onClick={onAnother}>
          {t('invite.another')}
        </button>
      </div>
    </div>
  );
}
