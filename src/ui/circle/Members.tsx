import { useId, useState } from 'preact/hooks';
import { Page } from '../components/Page';
import { useAppState, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { memberName, membersByName } from './people';

export function Members() {
  const translator = useT();
  const { t } = translator;
  const { circle, snapshot } = useAppState();
  const [filter, setFilter] = useState('');
  const searchId = useId();
  if (circle === null || snapshot === null) return null;
  const state = snapshot.circle;
  const needle = filter.trim().toLocaleLowerCase(translator.locale);
  const shown = membersByName(state, translator.locale).filter((m) => m.name.toLocaleLowerCase(translator.locale).includes(needle));

  return (
    <Page title={t('members.title')}>
      <p>{translator.plural('home.memberCount', state.members.size)}</p>
      <div class="field">
        <label for={searchId}>{t('members.search')}</label>
        <input id={searchId} type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
      </div>
      {shown.length === 0 ? (
        <p>{state.members.size === 0 ? t('home.awaitingHistory') : t('members.noMatch')}</p>
      ) : (
        <ul class="list member-list">
          {shown.map((member) => (
            <li key={member.key}>
              <a href={hrefFor({ name: 'member', key: member.key })}>
                {member.name}
                {member.key === circle.membership.memberKey && ` ${t('members.youSuffix')}`}
              </a>
              <span class="muted">
                {member.admittedBy === null
                  ? t('members.founderOn', { date: translator.date(member.since) })
                  : t('members.admittedByOn', { name: memberName(state, member.admittedBy, t), date: translator.date(member.since) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
