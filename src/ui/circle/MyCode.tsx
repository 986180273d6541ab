import { memberIdentityCode } from '../../app/codes';
import { keyFingerprint } from '../../records/invite';
import { ShowCode } from '../components/codes';
import { Page } from '../components/Page';
import { useAppState, useT } from '../shell/context';

/** A member's identity code: others scan it to know whom they are dealing with. */
export function MyCode() {
  const { t } = useT();
  const { circle, snapshot } = useAppState();
  if (circle === null || snapshot === null) return null;
  const me = snapshot.circle.members.get(circle.membership.memberKey);
  const code = memberIdentityCode({ circleId: circle.replica.circleId, memberKey: circle.signing.publicKey });
  return (
    <Page title={t('me.title')}>
      <p>{me !== undefined ? t('home.youAre', { name: me.name }) : t('home.notYetMember')}</p>
      <ShowCode text={code} label={t('me.codeLabel')} />
      <p class="fingerprint">
        {t('me.fingerprint')} <strong>{keyFingerprint(circle.signing.publicKey)}</strong>
      </p>
      <p class="muted">{t('me.explain')}</p>
    </Page>
  );
}
