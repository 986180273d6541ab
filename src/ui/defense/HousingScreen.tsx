import { rosterOf } from '../../app/defense-view';
import { hostsFor } from '../../app/defense/housing';
import { housingOf } from '../../app/housing-view';
import { Page } from '../components/Page';
import { useAppState, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { AskForm } from './HousingForms';
import { HousingRequestCard } from './HousingRequestCard';

/** Housing in a crisis: asking, the requests with the hosts who match them, and the stays. */
export function HousingScreen() {
  const { t, plural } = useT();
  const { circle, snapshot, lock } = useAppState();
  if (circle === null || snapshot === null) return null;
  const housing = housingOf(snapshot);
  const roster = rosterOf(snapshot);
  const unlocked = lock.status === 'unlocked';
  const members = snapshot.circle.members;
  const nameOf = (key: string) => members.get(key)?.name ?? key.slice(0, 8);
  const requests = [...housing.requests.values()].filter((request) => request.status !== 'closed').sort((a, b) => b.at - a.at);
  return (
    <Page title={t('housing.title')}>
      <p>{t('housing.lead')}</p>
      <p class="panel" data-testid="housing-buffered">
        <strong>{plural('housing.buffered', housing.buffered)}</strong>
      </p>
      {unlocked ? (
        <AskForm circle={circle} />
      ) : (
        <section aria-labelledby="housing-lock-title" class="callout">
          <h2 id="housing-lock-title">{t('defense.lockFirst')}</h2>
          <p>{t('housing.lockFirstLead')}</p>
          <a class="button button-primary" href={hrefFor({ name: 'settings' })}>
            {t('defense.lockFirstLink')}
          </a>
        </section>
      )}
      <section aria-labelledby="housing-requests-title">
        <h2 id="housing-requests-title">{t('housing.requestsTitle')}</h2>
        <p class="muted">{t('housing.twoHosts')}</p>
        {requests.length === 0 ? (
          <p>{t('housing.requestsNone')}</p>
        ) : (
          requests.map((request) => (
            <HousingRequestCard
              key={request.id}
              circle={circle}
              request={request}
              stays={request.stays.flatMap((id) => housing.stays.get(id) ?? [])}
              matches={request.status === 'open' ? hostsFor(snapshot, request) : []}
              roster={roster}
              nameOf={nameOf}
              unlocked={unlocked}
            />
          ))
        )}
      </section>
    </Page>
  );
}
