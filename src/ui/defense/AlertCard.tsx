import { confirmHeard, markReached, openAlertDetails } from '../../app/defense/alerts';
import { phoneToCall } from '../../app/defense/roster';
import type { OpenCircle } from '../../app/open-circle';
import type { Coverage } from '../../domain/alerts';
import type { AlertRaised } from '../../domain/defense-events';
import type { RosterState } from '../../domain/roster';
import type { ReplicaSnapshot } from '../../replica/replica';
import { useBusy } from '../components/use-busy';
import { useAppStore, useT } from '../shell/context';

interface AlertCardProps {
  readonly circle: OpenCircle;
  readonly snapshot: ReplicaSnapshot;
  readonly roster: RosterState;
  readonly raised: AlertRaised;
  readonly coverage: Coverage;
  readonly unlocked: boolean;
  readonly now: number;
}

const MINUTE = 60_000;

/** One alert: what it says (unlocked only), how far it has reached, and what this member does next. */
export function AlertCard({ circle, snapshot, roster, raised, coverage, unlocked, now }: AlertCardProps) {
  const translator = useT();
  const { t } = translator;
  const store = useAppStore();
  const { busy, run } = useBusy();
  const me = circle.membership.memberKey;
  const members = snapshot.circle.members;
  const nameOf = (key: string) => members.get(key)?.name ?? key.slice(0, 8);
  const kind = t(`defense.kind.${raised.alertKind}`);
  const details = unlocked ? openAlertDetails(circle, raised, now) : null;
  const reachedKeys = new Set(coverage.reached.map((reached) => reached.member));
  const inAudience = coverage.unreached.includes(me) || reachedKeys.has(me);
  const calls = coverage.callsFor(me);
  const headingId = `alert-${raised.id.slice(0, 10)}`;
  return (
    <article class="panel alert-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(raised.drill ? 'defense.drillTitle' : 'defense.alertTitle', { kind })}</h3>
      <p class="muted">{t('defense.raisedBy', { name: nameOf(raised.author), ago: translator.relative(raised.at, now) })}</p>
      {details === null ? (
        <p>{t('defense.detailsLocked')}</p>
      ) : details === 'expired' ? (
        <p>{t('defense.detailsExpired')}</p>
      ) : typeof details === 'string' ? (
        <p>{t(details === 'no-chain' ? 'defense.detailsNoChain' : 'defense.detailsUnreadable')}</p>
      ) : (
        <>
          <p class="alert-message">{details.message}</p>
          {details.place !== '' && <p>{details.place}</p>}
        </>
      )}
      <p>
        <label>
          {t('defense.coverageLabel')}{' '}
          <progress max={Math.max(1, coverage.audience)} value={coverage.reached.length} />
        </label>{' '}
        {t('defense.coverage', { reached: coverage.reached.length, audience: coverage.audience })}
        {coverage.timeTo90 !== null && ` ${t('defense.timeTo90', { minutes: Math.max(1, Math.round(coverage.timeTo90 / MINUTE)) })}`}
      </p>
      {inAudience && !reachedKeys.has(me) && (
        <button
          type="button"
          class="button button-primary"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              await confirmHeard(circle, raised.id, store.deps);
              store.notify({ tone: 'success', message: t('defense.heardDone') });
            })
          }
        >
          {t('defense.heard')}
        </button>
      )}
      {calls.length > 0 && (
        <>
          <h4>{t('defense.youCall')}</h4>
          <ul class="list">
            {calls.map((call) => {
              const name = nameOf(call.member);
              const phone = unlocked ? phoneToCall(circle, roster, call.member) : null;
              return (
                <li key={call.member} class="actions-row">
                  {call.reached !== null ? (
                    <span>{t('defense.reached', { name })}</span>
                  ) : (
                    <>
                      <strong>{name}</strong>
                      {phone !== null && (
                        <a class="button" href={`tel:${phone}`}>
                          {t('defense.call', { name })}
                        </a>
                      )}
                      <button type="button" class="button" disabled={busy} onClick={() => void run(() => markReached(circle, raised.id, call.member, store.deps))}>
                        {t('defense.markReached', { name })}
                      </button>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </article>
  );
}
