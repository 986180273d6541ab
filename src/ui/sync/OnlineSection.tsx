import { useEffect, useId, useState } from 'preact/hooks';
import { useAppState, useAppStore, useT } from '../shell/context';

const SERVERS = 'signalingServers';
const MAX_SERVERS = 5;
const MAX_URL = 200;

type Parsed = { readonly ok: true; readonly servers: string[] } | { readonly ok: false; readonly bad: string };

/** Reads the servers a member typed: ws:// or wss:// addresses, one a line. */
export function parseServers(text: string): Parsed {
  const servers: string[] = [];
  for (const line of text.split('\n')) {
    const candidate = line.trim();
    if (candidate === '') continue;
    let url: URL | null = null;
    try {
      url = candidate.length <= MAX_URL ? new URL(candidate) : null;
    } catch {
      url = null;
    }
    if (url === null || (url.protocol !== 'ws:' && url.protocol !== 'wss:')) return { ok: false, bad: candidate.slice(0, 60) };
    if (!servers.includes(url.href)) servers.push(url.href);
  }
  return { ok: true, servers };
}

/** Syncing over the internet through signaling servers that learn nothing of the circle. */
export function OnlineSection() {
  const { t } = useT();
  const store = useAppStore();
  const { circle, sync } = useAppState();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void store.vault.setting<string[]>(SERVERS).then((saved) => setText((saved ?? []).join('\n')));
  }, [store]);
  if (circle === null || sync === null) return null;
  const room = sync.room();

  const read = (): string[] | null => {
    const parsed = parseServers(text);
    if (!parsed.ok) {
      setError(t('sync.online.badServer', { url: parsed.bad }));
      return null;
    }
    if (parsed.servers.length > MAX_SERVERS) {
      setError(t('sync.online.tooMany', { max: MAX_SERVERS }));
      return null;
    }
    setError(null);
    return parsed.servers;
  };

  const save = async (): Promise<void> => {
    const servers = read();
    if (servers === null) return;
    await store.vault.saveSetting(SERVERS, servers);
    store.notify({ tone: 'success', message: t('sync.online.saved') });
  };

  const connect = async (): Promise<void> => {
    const servers = read();
    if (servers === null) return;
    if (servers.length === 0) return setError(t('sync.online.none'));
    await store.vault.saveSetting(SERVERS, servers);
    // WebRTC and signaling load only when a member goes online.
    const { joinRoom } = await import('../../sync/signaling');
    sync.attachRoom(
      joinRoom({ servers, secret: circle.circleSecret, onPeer: (channel, peerId) => void sync.connect(channel, 'online', peerId) }),
    );
  };

  const status = room?.status();
  return (
    <section aria-labelledby="sync-online-title">
      <h2 id="sync-online-title">{t('sync.online.title')}</h2>
      <p>{t('sync.online.lead')}</p>
      <div class="field">
        <label for={id}>{t('sync.online.servers')}</label>
        <textarea
          id={id}
          rows={3}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
          aria-describedby={`${id}-hint`}
          aria-invalid={error !== null ? true : undefined}
          spellcheck={false}
          autoComplete="off"
        />
        <p id={`${id}-hint`} class="hint">
          {t('sync.online.serversHint')}
        </p>
        {error !== null && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div class="actions-row">
        {room === null ? (
          <button type="button" class="button button-primary" onClick={() => void connect()}>
            {t('sync.online.connect')}
          </button>
        ) : (
          <button type="button" class="button" onClick={() => sync.leaveRoom()}>
            {t('sync.online.disconnect')}
          </button>
        )}
        <button type="button" class="button-quiet" onClick={() => void save()}>
          {t('sync.online.save')}
        </button>
      </div>
      {status !== undefined && (
        <p aria-live="polite" data-testid="sync-room-status">
          {t('sync.online.status', {
            reached: status.servers.filter((server) => server.state === 'open').length,
            servers: status.servers.length,
            peers: status.peers.length,
          })}
        </p>
      )}
    </section>
  );
}
