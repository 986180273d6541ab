import { phoneToCall } from '../../app/defense/roster';
import type { OpenCircle } from '../../app/open-circle';
import { rosterPhoneTree } from '../../domain/roster';
import type { RosterState } from '../../domain/roster';
import type { ReplicaSnapshot } from '../../replica/replica';
import { useT } from '../shell/context';

interface MyCallsProps {
  readonly circle: OpenCircle;
  readonly snapshot: ReplicaSnapshot;
  readonly roster: RosterState;
}

/**
 * The standing phone tree as this member would start it: whom they call first,
 * with call and text links, so an alert works by ordinary phone calls even
 * for members without data. The circle's id seeds it, so it stays put until
 * someone joins, leaves or changes roles.
 */
export function MyCalls({ circle, snapshot, roster }: MyCallsProps) {
  const { t, plural } = useT();
  const me = circle.membership.memberKey;
  const members = snapshot.circle.members;
  const tree = rosterPhoneTree(roster, members.keys(), me, circle.membership.circleId);
  const calls = tree.callsFor(me);
  const myName = members.get(me)?.name ?? '';
  const circleName = snapshot.circle.circle?.name ?? circle.membership.circleName;
  return (
    <section aria-labelledby="calls-title">
      <h2 id="calls-title">{t('defense.callsTitle')}</h2>
      {calls.length === 0 ? (
        <p>{t('defense.callsNone')}</p>
      ) : (
        <>
          <p>{t('defense.callsLead')}</p>
          <ul class="list">
            {calls.map((key) => {
              const name = members.get(key)?.name ?? key.slice(0, 8);
              const phone = phoneToCall(circle, roster, key);
              return (
                <li key={key}>
                  <strong>{name}</strong>{' '}
                  {phone === null ? (
                    <span class="muted">{t('defense.noPhone', { name })}</span>
                  ) : (
                    <span class="actions-row">
                      <a class="button" href={`tel:${phone}`}>
                        {t('defense.call', { name })}
                      </a>
                      <a class="button" href={`sms:${phone}`}>
                        {t('defense.text', { name })}
                      </a>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          <h3>{t('defense.script')}</h3>
          <p>{t('defense.scriptText', { name: members.get(calls[0]!)?.name ?? '', me: myName, circle: circleName })}</p>
        </>
      )}
      {tree.maxDepth > 0 && <p class="muted">{plural('defense.depth', tree.maxDepth)}</p>}
      {tree.unassigned.length > 0 && <p role="status">{plural('defense.unassigned', tree.unassigned.length)}</p>}
    </section>
  );
}
