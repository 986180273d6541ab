import { courtOf } from '../../app/court-view';
import type { OpenCircle } from '../../app/open-circle';
import { accompaniedHearings } from '../../domain/court';
import type { CourtDateState } from '../../domain/court';
import type { ReplicaSnapshot } from '../../replica/replica';
import { useNow } from '../board/use-now';
import { Page } from '../components/Page';
import { useAppState, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { CourtDateBody, viewOf } from './CourtDateCard';
import { CourtReminders } from './CourtReminders';
import { PostCourtDate } from './PostCourtDate';

/** Court dates: reminders, posting a hearing, the hearings ahead and the history. */
export function CourtScreen() {
  const { t, plural } = useT();
  const { circle, snapshot, lock } = useAppState();
  const now = useNow();
  if (circle === null || snapshot === null) return null;
  const unlocked = lock.status === 'unlocked';
  const court = courtOf(snapshot);
  const dates = [...court.dates.values()];
  const ahead = dates.filter((date) => now < date.expiresAt).sort((a, b) => a.expiresAt - b.expiresAt || a.at - b.at);
  const behind = dates.filter((date) => !(now < date.expiresAt)).sort((a, b) => b.expiresAt - a.expiresAt || b.at - a.at);
  const accompanied = accompaniedHearings(court, now);
  return (
    <Page title={t('court.title')}>
      <p>{t('court.lead')}</p>
      <CourtReminders />
      {unlocked ? (
        <PostCourtDate circle={circle} />
      ) : (
        <section aria-labelledby="court-lock-title" class="callout">
          <h2 id="court-lock-title">{t('court.lockFirst')}</h2>
          <p>{t('court.lockFirstLead')}</p>
          <a class="button button-primary" href={hrefFor({ name: 'settings' })}>
            {t('court.lockFirstLink')}
          </a>
        </section>
      )}
      <section aria-labelledby="court-ahead-title">
        <h2 id="court-ahead-title">{t('court.upcomingTitle')}</h2>
        {ahead.length === 0 ? <p>{t('court.none')}</p> : <DateList circle={circle} snapshot={snapshot} dates={ahead} now={now} unlocked={unlocked} />}
      </section>
      {behind.length > 0 && (
        <section aria-labelledby="court-past-title">
          <h2 id="court-past-title">{t('court.pastTitle')}</h2>
          {accompanied > 0 && <p>{plural('court.accompanied', accompanied)}</p>}
          <DateList circle={circle} snapshot={snapshot} dates={behind} now={now} unlocked={unlocked} />
        </section>
      )}
    </Page>
  );
}

interface DateListProps {
  readonly circle: OpenCircle;
  readonly snapshot: ReplicaSnapshot;
  readonly dates: readonly CourtDateState[];
  readonly now: number;
  readonly unlocked: boolean;
}

function DateList({ circle, snapshot, dates, now, unlocked }: DateListProps) {
  const translator = useT();
  return (
    <>
      {dates.map((date) => {
        const view = viewOf(circle, snapshot, date, now, unlocked, translator);
        return (
          <article key={date.id} class="panel" aria-labelledby={`court-${date.id}`}>
            <h3 id={`court-${date.id}`}>
              <a href={hrefFor({ name: 'court', date: date.id })}>{view.title}</a>
            </h3>
            <CourtDateBody snapshot={snapshot} date={date} view={view} now={now} unlocked={unlocked} />
          </article>
        );
      })}
    </>
  );
}
