import { dialable, openContacts } from '../../app/defense/roster';
import type { OpenCircle } from '../../app/open-circle';
import type { RosterEntry } from '../../domain/defense-events';
import type { RosterState } from '../../domain/roster';
import type { ReplicaSnapshot } from '../../replica/replica';
import { useT } from '../shell/context';

interface RosterListProps {
  readonly circle: OpenCircle;
  readonly snapshot: ReplicaSnapshot;
  readonly roster: RosterState;
  /** Contacts open only on an unlocked phone; the roles are for every member to see. */
  readonly showContacts: boolean;
}

export function RosterList({ circle, snapshot, roster, showContacts }: RosterListProps) {
  const { t } = useT();
  const members = snapshot.circle.members;
  const entries = [...roster.entries.values()]
    .filter((entry) => entry.roles.length > 0 || entry.skills.length > 0)
    .sort((a, b) => (members.get(a.author)?.name ?? '').localeCompare(members.get(b.author)?.name ?? ''));
  return (
    <section aria-labelledby="roster-title">
      <h2 id="roster-title">{t('defense.rosterTitle')}</h2>
      {!showContacts && entries.length > 0 && <p class="muted">{t('defense.contactsHidden')}</p>}
      {entries.length === 0 ? (
        <p>{t('defense.rosterEmpty')}</p>
      ) : (
        <ul class="list roster">
          {entries.map((entry) => (
            <li key={entry.author}>
              <RosterRow circle={circle} entry={entry} name={members.get(entry.author)?.name ?? ''} showContacts={showContacts} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RosterRow({ circle, entry, name, showContacts }: { readonly circle: OpenCircle; readonly entry: RosterEntry; readonly name: string; readonly showContacts: boolean }) {
  const { t } = useT();
  const isMe = entry.author === circle.membership.memberKey;
  const details = [
    ...entry.roles.map((role) => t(`defense.role.${role}`)),
    ...entry.skills.map((skill) => t(`defense.skill.${skill}`)),
    ...(entry.languages.length > 0 ? [t('defense.speaks', { languages: entry.languages.join(', ') })] : []),
    ...(entry.housing !== null
      ? [
          t('defense.housingSummary', { capacity: String(entry.housing.capacity), nights: String(entry.housing.nights) }) +
            (entry.housing.accessible ? `, ${t('defense.housingAccessible')}` : ''),
        ]
      : []),
  ];
  const contacts = showContacts ? openContacts(circle, entry) : null;
  return (
    <>
      <strong>{isMe ? t('defense.you', { name }) : name}</strong>
      <p class="muted">{details.join(' · ')}</p>
      {contacts === 'damaged' || contacts === 'not-for-this-circle' ? (
        <p class="muted">{t('defense.contactsUnreadable')}</p>
      ) : (
        contacts !== null && (
          <p>
            {contacts.phone !== '' && <a href={`tel:${dialable(contacts.phone)}`}>{contacts.phone}</a>}
            {contacts.address !== '' && <span> · {contacts.address}</span>}
            {contacts.notes !== '' && <span class="muted"> · {contacts.notes}</span>}
          </p>
        )
      )}
    </>
  );
}
