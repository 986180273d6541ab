import { rosterOf } from '../../app/defense-view';
import { Page } from '../components/Page';
import { useAppState, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { AlertsPanel } from './AlertsPanel';
import { CourtReminders } from './CourtScreens';
import { MyCalls } from './MyCalls';
import { RosterForm } from './RosterForm';
import { RosterList } from './RosterList';

/** Mutual defense: whom you call, how you can help, and the roster. */
export function DefenseScreen() {
  const { t } = useT();
  const { circle, snapshot, lock } = useAppState();
  if (circle === null || snapshot === null) return null;
  const roster = rosterOf(snapshot);
  const unlocked = lock.status === 'unlocked';
  return (
    <Page title={t('defense.title')}>
      <p>{t('defense.lead')}</p>
      <nav class="actions-row" aria-label={t('defense.title')}>
        <a href={hrefFor({ name: 'agreement' })}>{t('defense.agreementLink')}</a>
        <a href={hrefFor({ name: 'fund' })}>{t('defense.fundLink')}</a>
        <a href={hrefFor({ name: 'court' })}>{t('defense.courtLink')}</a>
        <a href={hrefFor({ name: 'housing' })}>{t('defense.housingLink')}</a>
      </nav>
      <CourtReminders />
      {!unlocked && (
        <section aria-labelledby="lock-first-title" class="callout">
          <h2 id="lock-first-title">{t('defense.lockFirst')}</h2>
          <p>{t('defense.lockFirstLead')}</p>
          <a class="button button-primary" href={hrefFor({ name: 'settings' })}>
            {t('defense.lockFirstLink')}
          </a>
        </section>
      )}
      <AlertsPanel circle={circle} snapshot={snapshot} roster={roster} unlocked={unlocked} />
      {unlocked && <MyCalls circle={circle} snapshot={snapshot} roster={roster} />}
      {unlocked && <RosterForm circle={circle} current={roster.entries.get(circle.membership.memberKey) ?? null} />}
      <RosterList circle={circle} snapshot={snapshot} roster={roster} showContacts={unlocked} />
    </Page>
  );
}
