import { useEffect, useState } from 'preact/hooks';
import { receivingPercent } from '../../app/sync-manager';
import type { Carrier, LinkInfo } from '../../app/sync-manager';
import type { CircleState } from '../../domain/circle';
import type { MessageKey } from '../../i18n/en';
import { memberName } from '../circle/people';
import { useAppState, useT } from '../shell/context';

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = (): void => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

export function carrierKey(carrier: Carrier): MessageKey {
  return `sync.carrier.${carrier}`;
}

/**
 * Who is at the other end of a link: the name the circle's signed records give
 * the key the peer proved; before this phone knows that member (a newcomer's
 * first sync), the name its awareness state gives; else "a phone".
 */
export function peerName(link: LinkInfo, circle: CircleState, t: ReturnType<typeof useT>['t']): string {
  const key = link.stats.presence?.member ?? link.stats.peer;
  if (key === null) return t('sync.link.unknown');
  return circle.members.get(key)?.name ?? link.stats.presence?.name ?? t('sync.link.unknown');
}

/** A bar and a line for each link a large message is arriving on. */
function Receiving({ links, circle }: { readonly links: readonly LinkInfo[]; readonly circle: CircleState }) {
  const { t } = useT();
  return (
    <>
      {links.map((link) => {
        const percent = receivingPercent(link);
        if (percent === null) return null;
        const name = peerName(link, circle, t);
        return (
          <div key={link.id} class="sync-receiving" data-testid="sync-receiving">
            <p>{t('sync.status.receiving', { name, percent })}</p>
            <progress max={100} value={percent} aria-label={t('sync.status.receivingBar', { name })} />
          </div>
        );
      })}
    </>
  );
}

/** Online or not, the last sync, and records still being checked. */
export function StatusSection() {
  const translator = useT();
  const { t } = translator;
  const { sync, snapshot } = useAppState();
  const online = useOnline();
  if (sync === null || snapshot === null) return null;
  const last = sync.lastSync();
  const now = Date.now();
  return (
    <section aria-labelledby="sync-status-title" class="panel">
      <h2 id="sync-status-title">{t('sync.status.title')}</h2>
      <p data-testid="sync-online">{online ? t('sync.status.online') : t('sync.status.offline')}</p>
      <p data-testid="sync-last">
        {last === null
          ? t('sync.status.never')
          : last.peer === null
            ? t('sync.status.lastNoPeer', { when: translator.relative(last.at, now), carrier: t(carrierKey(last.carrier)), in: last.recordsIn })
            : t('sync.status.last', {
                when: translator.relative(last.at, now),
                name: memberName(snapshot.circle, last.peer, t),
                carrier: t(carrierKey(last.carrier)),
                in: last.recordsIn,
                out: last.recordsOut,
              })}
      </p>
      <Receiving links={sync.links()} circle={snapshot.circle} />
      {snapshot.unverified > 0 && (
        <p aria-live="polite" data-testid="sync-checking">
          {t('sync.status.checking', { count: snapshot.unverified })}
        </p>
      )}
    </section>
  );
}

function linkState(link: LinkInfo, t: ReturnType<typeof useT>['t']): string {
  const { state, closeReason } = link.stats;
  if (state !== 'closed') return t(`sync.link.${state}`);
  if (closeReason === 'not-a-member' || closeReason === 'other-circle' || closeReason === 'bad-proof') return t(`sync.link.reason.${closeReason}`);
  return closeReason === 'done' || closeReason === 'peer-left' ? t('sync.link.closed') : t('sync.link.reason.other');
}

/** The phones this one is linked with now, by any carrier, and how each link stands. */
export function LinksSection() {
  const { t } = useT();
  const { sync, snapshot } = useAppState();
  if (sync === null || snapshot === null) return null;
  const links = sync.links();
  return (
    <section aria-labelledby="sync-links-title">
      <h2 id="sync-links-title">{t('sync.links.title')}</h2>
      {links.length === 0 ? (
        <p>{t('sync.links.none')}</p>
      ) : (
        <ul class="list" data-testid="sync-links">
          {links.map((link) => (
            <li key={link.id}>
              <strong>{peerName(link, snapshot.circle, t)}</strong>{' '}
              {link.stats.presence !== null && (
                <span class="sync-here" data-testid="sync-here">
                  {t('sync.link.here')}
                </span>
              )}{' '}
              <span>{t(carrierKey(link.carrier))}</span> <span class="muted">{linkState(link, t)}</span>{' '}
              {receivingPercent(link) !== null && <span class="muted">{t('sync.link.receiving', { percent: receivingPercent(link)! })}</span>}{' '}
              <span class="muted">
                {t('sync.link.detail', {
                  in: link.stats.recordsIn,
                  out: link.stats.recordsOut,
                  kb: Math.round((link.stats.bytesIn + link.stats.bytesOut) / 1024),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {links.some((link) => link.stats.state === 'closed') && (
        <button type="button" class="button-quiet" onClick={() => sync.clearClosed()}>
          {t('sync.clear')}
        </button>
      )}
    </section>
  );
}
