import { cancelCourtDate, signUp, withdrawSignup } from '../../app/defense/court';
import type { CancelCourtProblem, SignUpProblem, WithdrawSignupProblem } from '../../app/defense/court';
import { courtOf } from '../../app/court-view';
import type { OpenCircle } from '../../app/open-circle';
import { placeOf } from '../../domain/court';
import type { CourtDateState, RecordId } from '../../domain/court';
import type { MessageKey } from '../../i18n/en';
import type { Result } from '../../records/result';
import { useNow } from '../board/use-now';
import { Page } from '../components/Page';
import { useBusy } from '../components/use-busy';
import { useAppState, useAppStore, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { CourtDateBody, viewOf } from './CourtDateCard';

/** One court date: what it says, its places, and what this member can do about it. */
export function CourtDateScreen({ dateId }: { readonly dateId: string }) {
  const translator = useT();
  const { t } = translator;
  const { circle, snapshot, lock } = useAppState();
  const now = useNow();
  if (circle === null || snapshot === null) return null;
  const date = courtOf(snapshot).dates.get(dateId);
  const back = (
    <p>
      <a href={hrefFor({ name: 'court' })}>{t('court.back')}</a>
    </p>
  );
  if (date === undefined) {
    return (
      <Page title={t('court.title')}>
        <p>{t('court.notFound')}</p>
        {back}
      </Page>
    );
  }
  const unlocked = lock.status === 'unlocked';
  const view = viewOf(circle, snapshot, date, now, unlocked, translator);
  return (
    <Page title={view.title}>
      <CourtDateBody snapshot={snapshot} date={date} view={view} now={now} unlocked={unlocked} />
      {view.status === 'upcoming' && <Actions circle={circle} date={date} />}
      {back}
    </Page>
  );
}

type Problem = SignUpProblem | WithdrawSignupProblem | CancelCourtProblem;

/** Signing up for an open place, withdrawing one's own, and cancelling (the author only). */
function Actions({ circle, date }: { readonly circle: OpenCircle; readonly date: CourtDateState }) {
  const { t } = useT();
  const store = useAppStore();
  const { busy, run } = useBusy();
  const me = circle.membership.memberKey;
  const place = placeOf(date, me);
  const act = (work: () => Promise<Result<RecordId, Problem>>, done: MessageKey) =>
    void run(async () => {
      const result = await work();
      store.notify(result.ok ? { tone: 'success', message: t(done) } : { tone: 'error', message: t(`court.problem.${result.error}`) });
    });
  return (
    <section aria-label={t('court.open')}>
      {place !== null ? (
        <>
          <p>
            <strong>{t(place.waiting ? 'court.youWait' : 'court.youGo', { help: t(`court.as.${place.signup.help}`) })}</strong>
          </p>
          <button type="button" class="button" disabled={busy} onClick={() => act(() => withdrawSignup(circle, place.signup.id, store.deps), 'court.withdrawn')}>
            {t('court.withdraw')}
          </button>
        </>
      ) : (
        <div class="actions-row">
          {date.slots
            .filter((slot) => slot.filled.length < slot.count)
            .map((slot) => (
              <button key={slot.help} type="button" class="button button-primary" disabled={busy} onClick={() => act(() => signUp(circle, date.id, slot.help, store.deps), 'court.signedUp')}>
                {t('court.signUpAs', { help: t(`court.as.${slot.help}`) })}
              </button>
            ))}
        </div>
      )}
      {date.author === me && (
        <details>
          <summary>{t('court.cancel')}</summary>
          <p>{t('court.cancelLead')}</p>
          <button type="button" class="button button-danger" disabled={busy} onClick={() => act(() => cancelCourtDate(circle, date.id, store.deps), 'court.cancelledDone')}>
            {t('court.cancelConfirm')}
          </button>
        </details>
      )}
    </section>
  );
}
