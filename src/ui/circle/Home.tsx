import { Page } from '../components/Page';
import { lazyScreen } from '../shell/lazy';
import { useAppState, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { memberName, recentArrivals } from './people';

/** The card draws the moon and counts down to the reset: it follows the home screen's first paint. */
const CycleCard = lazyScreen(() => import('../ledger/CycleCard').then((m) => m.CycleCard), { area: 'ledger', quiet: true });
/** Only an unlocked phone opens when a hearing is, so only it loads the reminders' code. */
const CourtReminders = lazyScreen(() => import('../defense/CourtScreens').then((m) => m.CourtReminders), { area: 'defense', quiet: true });

export function Home() {
  const translator = useT();
  const { t } = translator;
  const { circle, snapshot, lock } = useAppState();
  if (circle === null || snapshot === null) return null;
  const state = snapshot.circle;
  const me = state.members.get(circle.membership.memberKey);
  const title = state.circle?.name ?? (circle.membership.circleName || t('home.unnamedCircle'));
  const now = Date.now();

  return (
    <Page title={title}>
      {circle.membership.isDemo && (
        <p class="banner banner-demo">
          {t('demo.banner')} <a href={hrefFor({ name: 'settings' })}>{t('demo.leaveLink')}</a>
        </p>
      )}
      {state.circle === null ? (
        <div class="panel">
          <h2>{t('home.awaitingTitle')}</h2>
          <p>{t('home.awaitingHistory')}</p>
        </div>
      ) : (
        <div class="panel">
          <p>{me !== undefined ? t('home.youAre', { name: me.name }) : t('home.notYetMember')}</p>
          <p>
            {translator.plural('home.memberCount', state.members.size)} ·{' '}
            {t('home.foundedOn', { date: translator.date(state.circle.foundedAt) })}
          </p>
        </div>
      )}
      {state.circle !== null && lock.status === 'unlocked' && <CourtReminders />}
      {state.circle !== null && <CycleCard />}
      <nav class="actions-row" aria-label={t('home.actions')}>
        <a class="button button-primary" href={hrefFor({ name: 'invite' })}>
          {t('home.invite')}
        </a>
        <a class="button" href={hrefFor({ name: 'me' })}>
          {t('home.myCode')}
        </a>
        <a class="button" href={hrefFor({ name: 'defense' })}>
          {t('home.defense')}
        </a>
      </nav>
      {state.circle !== null && (
        <section aria-labelledby="arrivals-title">
          <h2 id="arrivals-title">{t('home.recentArrivals')}</h2>
          <ul class="list">
            {recentArrivals(state, 5).map((member) => (
              <li key={member.key}>
                <a href={hrefFor({ name: 'member', key: member.key })}>{member.name}</a>{' '}
                <span class="muted">
                  {member.admittedBy === null
                    ? t('members.founded', { when: translator.relative(member.since, now) })
                    : t('members.admittedBy', {
                        name: memberName(state, member.admittedBy, t),
                        when: translator.relative(member.since, now),
                      })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="muted" data-testid="record-count">
        {translator.plural('home.recordsSaved', snapshot.recordCount)}
      </p>
      {snapshot.storageFailed && (
        <p class="error" role="alert">
          {t('home.storageFailed')}
        </p>
      )}
    </Page>
  );
}
