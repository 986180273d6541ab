import { fromBase64Url } from '../../records/bytes';
import { keyFingerprint } from '../../records/invite';
import { Page } from '../components/Page';
import { useAppState, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { memberName } from './people';

export function MemberDetail({ memberKey }: { readonly memberKey: string }) {
  const translator = useT();
  const { t } = translator;
  const { snapshot } = useAppState();
  if (snapshot === null) return null;
  const state = snapshot.circle;
  const member = state.members.get(memberKey);
  const keyBytes = fromBase64Url(memberKey);
  if (member === undefined || keyBytes === null) {
    return (
      <Page title={t('members.unknown')}>
        <p>{t('member.notFound')}</p>
        <a href={hrefFor({ name: 'members' })}>{t('members.title')}</a>
      </Page>
    );
  }
  const admitted = [...state.members.values()].filter((m) => m.admittedBy === member.key).sort((a, b) => a.since - b.since);

  return (
    <Page title={member.name}>
      <dl class="facts">
        <dt>{t('member.since')}</dt>
        <dd>{translator.dateTime(member.since)}</dd>
        <dt>{t('member.admittedBy')}</dt>
        <dd>
          {member.admittedBy === null ? (
            t('member.founder')
          ) : (
            <a href={hrefFor({ name: 'member', key: member.admittedBy })}>{memberName(state, member.admittedBy, t)}</a>
          )}
        </dd>
        <dt>{t('member.fingerprint')}</dt>
        <dd class="fingerprint">{keyFingerprint(keyBytes)}</dd>
      </dl>
      <h2>{t('member.admittedOthers')}</h2>
      {admitted.length === 0 ? (
        <p>{t('member.admittedNone')}</p>
      ) : (
        <ul class="list">
          {admitted.map((m) => (
            <li key={m.key}>
              <a href={hrefFor({ name: 'member', key: m.key })}>{m.name}</a>{' '}
              <span class="muted">{translator.date(m.since)}</span>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
