/**
 * Finding the circle's other phones through signaling servers that speak
 * y-webrtc's protocol, and opening a WebRTC link to each. Any one reachable
 * server suffices; every message goes through all of them, sealed with the
 * room key, so servers learn nothing and a lying one can only stay silent.
 *
 * Who offers: each phone announces itself. A phone that hears an announce
 * offers if its id is the lower; otherwise it announces back to that phone
 * alone, so that the lower one learns of it and offers. One side offers, so
 * two offers never cross.
 */
import type { RandomBytes } from '../records/crypto';
import type { Channel } from './channel';
import { createPeer } from './peer';
import type { Peer, PeerOptions } from './peer';
import { createSignalInbox, deriveRoom, newPeerId, sealSignal } from './room';
import type { CandidateData, Signal, SignalCounts } from './room';
import { browserSchedule, browserSocket, connectServer } from './signaling-connection';
import type { OpenSocket, Schedule, ServerConnection, ServerStatus } from './signaling-connection';
import { publishMessage, subscribeMessage, unsubscribeMessage } from './signaling-wire';
import { createLinkSet } from './webrtc-links';
import type { Link } from './webrtc-links';

/** Every phone announces again this often, so a failed attempt is retried and a lost message repaired. */
export const ANNOUNCE_INTERVAL_MS = 30_000;
/** A negotiation that has not opened a link by then is abandoned. */
const NEGOTIATION_TIMEOUT_MS = 30_000;
/** Attempts to link with one peer in ATTEMPT_WINDOW_MS at most. */
const MAX_ATTEMPTS_PER_PEER = 4;
const ATTEMPT_WINDOW_MS = 5 * 60_000;
/** Links and negotiations at once; more phones than this wait for a free slot. */
export const MAX_PEERS = 32;
/** Candidates from a phone we have no negotiation with yet (relayed ahead of its offer), per phone. */
const MAX_EARLY_CANDIDATES = 32;

export interface JoinOptions {
  readonly servers: readonly string[];
  /** The circle secret: the room and its key come from it. */
  readonly secret: Uint8Array;
  /** Called once for each link that opens; the channel is the caller's from then on. */
  readonly onPeer: (channel: Channel, peerId: string) => void;
  readonly iceServers?: readonly RTCIceServer[];
}

export interface JoinDeps {
  readonly now: () => number;
  readonly random: RandomBytes;
  readonly jitter: () => number;
  readonly schedule: Schedule;
  readonly openSocket: OpenSocket;
  readonly createPeer: (options: PeerOptions) => Peer;
}

export const browserJoinDeps: JoinDeps = {
  now: () => Date.now(),
  random: (length) => crypto.getRandomValues(new Uint8Array(length)),
  jitter: () => Math.random(),
  schedule: browserSchedule,
  openSocket: browserSocket,
  createPeer,
};

export type PeerState = 'offering' | 'answering' | 'open';

export interface RoomStatus {
  /** This visit's id in the room. */
  readonly peerId: string;
  readonly room: string;
  readonly servers: readonly ServerStatus[];
  readonly peers: readonly { readonly peerId: string; readonly state: PeerState }[];
  /** Messages that did not open, were stale or repeated, or were not meant to exist. */
  readonly ignored: Readonly<SignalCounts>;
  /** Offers from a phone that should have answered instead, and other out-of-turn messages. */
  readonly outOfTurn: number;
}

export interface JoinedRoom {
  status(): RoomStatus;
  /** Links open now, labelled by peer id. */
  links(): readonly Link[];
  /**
   * Stops signaling and every negotiation; open links close too unless
   * keepLinks is set (a host that stops admitting newcomers but keeps talking).
   */
  leave(options?: { readonly keepLinks?: boolean }): void;
}

/** A signal as the caller writes it: who sends it and when are filled in. */
type Outgoing = Signal extends infer S ? (S extends Signal ? Omit<S, 'from' | 'at'> : never) : never;

interface Remote {
  readonly peer: Peer;
  state: PeerState;
  /** Candidates wait until the offer or answer they belong to has gone out. */
  described: boolean;
  readonly pending: CandidateData[];
  cancelTimeout: () => void;
}

export function joinRoom(options: JoinOptions, deps: JoinDeps = browserJoinDeps): JoinedRoom {
  const room = deriveRoom(options.secret);
  const me = newPeerId(deps.random);
  const inbox = createSignalInbox(room, deps.now);
  const remotes = new Map<string, Remote>();
  const attempts = new Map<string, number[]>();
  const early = new Map<string, CandidateData[]>();
  const links = createLinkSet(deps.now);
  const servers: ServerConnection[] = [];
  let outOfTurn = 0;
  let left = false;

  const publish = (signal: Outgoing): void => {
    if (left && signal.kind !== 'bye') return;
    const sealed = sealSignal(room, { ...signal, from: me, at: deps.now() }, deps.random);
    const text = publishMessage(room.name, sealed);
    for (const server of servers) server.send(text);
  };

  const forget = (id: string, remote: Remote): void => {
    if (remotes.get(id) !== remote) return;
    remotes.delete(id);
    remote.cancelTimeout();
  };

  /** Within the per-peer budget, records one more attempt. */
  const mayAttempt = (id: string): boolean => {
    const now = deps.now();
    const recent = (attempts.get(id) ?? []).filter((at) => now - at < ATTEMPT_WINDOW_MS);
    if (recent.length >= MAX_ATTEMPTS_PER_PEER || remotes.size >= MAX_PEERS) return false;
    attempts.set(id, [...recent, now]);
    return true;
  };

  const startRemote = (id: string, initiator: boolean): Remote => {
    const pending: CandidateData[] = [];
    const remote: Remote = {
      state: initiator ? 'offering' : 'answering',
      described: false,
      pending,
      cancelTimeout: () => undefined,
      peer: deps.createPeer({
        initiator,
        iceServers: options.iceServers ?? [],
        connectTimeoutMs: NEGOTIATION_TIMEOUT_MS,
        onCandidate: (candidate) => {
          const data: CandidateData = {
            candidate: candidate.candidate ?? '',
            sdpMid: candidate.sdpMid ?? null,
            sdpMLineIndex: candidate.sdpMLineIndex ?? null,
          };
          if (remote.described) publish({ kind: 'candidate', to: id, data });
          else pending.push(data);
        },
      }),
    };
    remotes.set(id, remote);
    remote.cancelTimeout = deps.schedule(() => {
      if (remote.state !== 'open') {
        forget(id, remote);
        remote.peer.close();
      }
    }, NEGOTIATION_TIMEOUT_MS);
    remote.peer.channel().then(
      (channel) => {
        if (remotes.get(id) !== remote || left) {
          channel.close('closed');
          return;
        }
        remote.state = 'open';
        remote.cancelTimeout();
        channel.onClose(() => forget(id, remote));
        links.add(id, channel);
        try {
          options.onPeer(channel, id);
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      },
      () => forget(id, remote),
    );
    void remote.peer.localDescription().then((local) => {
      if (!local.ok || remotes.get(id) !== remote) return;
      publish({ kind: initiator ? 'offer' : 'answer', to: id, data: local.value.sdp ?? '' });
      remote.described = true;
      for (const data of pending.splice(0)) publish({ kind: 'candidate', to: id, data });
    });
    for (const data of early.get(id) ?? []) void remote.peer.addCandidate(data);
    early.delete(id);
    return remote;
  };

  const onAnnounce = (signal: Signal): void => {
    if (remotes.has(signal.from)) return;
    if (me < signal.from) {
      if (mayAttempt(signal.from)) startRemote(signal.from, true);
    } else if (signal.to === undefined) {
      // Only a broadcast gets a reply, so two phones never announce back and forth.
      publish({ kind: 'announce', to: signal.from });
    }
  };

  const onOffer = (from: string, sdp: string): void => {
    if (me < from) {
      outOfTurn++;
      return;
    }
    const existing = remotes.get(from);
    if (existing?.state === 'open') return;
    // A new offer means the other side gave up on the last attempt.
    if (existing !== undefined) {
      forget(from, existing);
      existing.peer.close();
    }
    if (!mayAttempt(from)) return;
    const remote = startRemote(from, false);
    void remote.peer.acceptRemote({ type: 'offer', sdp }).then((accepted) => {
      if (!accepted.ok) {
        forget(from, remote);
        remote.peer.close();
      }
    });
  };

  const onSignal = (signal: Signal): void => {
    if (signal.from === me || (signal.to !== undefined && signal.to !== me)) return;
    const remote = remotes.get(signal.from);
    switch (signal.kind) {
      case 'announce':
        onAnnounce(signal);
        break;
      case 'offer':
        onOffer(signal.from, signal.data);
        break;
      case 'answer':
        if (remote?.state === 'offering') void remote.peer.acceptRemote({ type: 'answer', sdp: signal.data });
        else outOfTurn++;
        break;
      case 'candidate':
        if (remote !== undefined) void remote.peer.addCandidate(signal.data);
        else stashEarly(signal.from, signal.data);
        break;
      case 'bye':
        if (remote !== undefined && remote.state !== 'open') {
          forget(signal.from, remote);
          remote.peer.close();
        }
        early.delete(signal.from);
        break;
    }
  };

  const stashEarly = (from: string, data: CandidateData): void => {
    const list = early.get(from) ?? [];
    if (list.length >= MAX_EARLY_CANDIDATES || (list.length === 0 && early.size >= MAX_PEERS)) return;
    early.set(from, [...list, data]);
  };

  for (const url of new Set(options.servers)) {
    const connection = connectServer(
      url,
      {
        onOpen: (send) => {
          send(subscribeMessage([room.name]));
          publish({ kind: 'announce' });
        },
        onPublish: (topic, data) => {
          if (topic !== room.name || left) return;
          const signal = inbox.read(data);
          if (signal !== null) onSignal(signal);
        },
      },
      deps,
    );
    servers.push(connection);
  }

  let cancelAnnounce = (): void => undefined;
  const announceLater = (): void => {
    cancelAnnounce = deps.schedule(() => {
      // Early candidates of phones that never offered, and budgets of phones
      // long gone, are dropped at each round, so memory stays bounded.
      early.clear();
      const now = deps.now();
      for (const [id, times] of attempts) if (times.every((at) => now - at >= ATTEMPT_WINDOW_MS)) attempts.delete(id);
      publish({ kind: 'announce' });
      announceLater();
    }, ANNOUNCE_INTERVAL_MS);
  };
  announceLater();

  return {
    status: () => ({
      peerId: me,
      room: room.name,
      servers: servers.map((server) => server.status()),
      peers: [...remotes].map(([peerId, remote]) => ({ peerId, state: remote.state })),
      ignored: { ...inbox.ignored },
      outOfTurn,
    }),
    links: () => links.list(),
    leave(leaveOptions = {}) {
      if (left) return;
      publish({ kind: 'bye' });
      left = true;
      cancelAnnounce();
      for (const server of servers) {
        server.send(unsubscribeMessage([room.name]));
        server.stop();
      }
      for (const [id, remote] of [...remotes]) {
        if (remote.state === 'open' && leaveOptions.keepLinks === true) continue;
        forget(id, remote);
        remote.peer.close();
      }
      early.clear();
    },
  };
}
