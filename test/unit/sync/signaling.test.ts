import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../src/records/result';
import { memoryLink } from '../../../src/sync/memory-channel';
import type { Peer, PeerOptions } from '../../../src/sync/peer';
import { deriveRoom, sealSignal } from '../../../src/sync/room';
import { joinRoom } from '../../../src/sync/signaling';
import type { JoinDeps, JoinedRoom } from '../../../src/sync/signaling';
import {
  connectServer,
  MAX_ATTEMPTS_PER_MINUTE,
  MAX_BAD_PER_MINUTE,
  reconnectDelay,
  RECONNECT_MAX_MS,
} from '../../../src/sync/signaling-connection';
import type { OpenSocket, Schedule, SocketHandlers } from '../../../src/sync/signaling-connection';
import { MAX_SERVER_MESSAGE_CHARS, parseServerMessage, publishMessage } from '../../../src/sync/signaling-wire';
import type { Channel } from '../../../src/sync/channel';
import type { WebRtcChannel } from '../../../src/sync/webrtc-channel';

const T0 = Date.UTC(2026, 3, 4, 10, 0);
const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await new Promise((done) => setImmediate(done));
};

/** Time that moves only when a test says so; scheduled tasks run in order as it passes. */
function manualClock() {
  let now = T0;
  let sequence = 0;
  const tasks: { at: number; seq: number; task: () => void; cancelled: boolean }[] = [];
  const schedule: Schedule = (task, ms) => {
    const entry = { at: now + ms, seq: sequence++, task, cancelled: false };
    tasks.push(entry);
    return () => void (entry.cancelled = true);
  };
  const advance = async (ms: number): Promise<void> => {
    const end = now + ms;
    for (;;) {
      const due = tasks.filter((t) => !t.cancelled && t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (due === undefined) break;
      tasks.splice(tasks.indexOf(due), 1);
      now = due.at;
      due.task();
      await settle();
    }
    now = end;
    await settle();
  };
  return { now: () => now, schedule, advance };
}

interface Subscriber {
  readonly handlers: SocketHandlers;
  readonly topics: Set<string>;
  open: boolean;
}

/**
 * A signaling server in memory with the stock server's behaviour: publish goes
 * to every subscriber of the topic (the sender too) with a `clients` count;
 * ping gets pong. `relay` lets a test make it lie.
 */
class FakeServer {
  up = true;
  readonly subscribers = new Set<Subscriber>();
  readonly published: string[] = [];
  relay: (message: Record<string, unknown>) => unknown[] = (message) => [JSON.stringify(message)];
  /** Sent to each client as soon as it connects. */
  greeting: unknown[] = [];
  answerPings = true;

  connect(handlers: SocketHandlers): { send(text: string): void; close(): void } {
    if (!this.up) {
      queueMicrotask(() => handlers.onClosed());
      return { send: () => undefined, close: () => undefined };
    }
    const me: Subscriber = { handlers, topics: new Set(), open: true };
    this.subscribers.add(me);
    queueMicrotask(() => {
      if (!me.open) return;
      handlers.onOpen();
      for (const data of this.greeting) handlers.onText(data);
    });
    return {
      send: (text) => this.receive(me, text),
      close: () => {
        me.open = false;
        this.subscribers.delete(me);
      },
    };
  }

  private receive(from: Subscriber, text: string): void {
    if (!from.open) return;
    const message = JSON.parse(text) as Record<string, unknown>;
    if (message['type'] === 'subscribe') for (const topic of message['topics'] as string[]) from.topics.add(topic);
    if (message['type'] === 'unsubscribe') for (const topic of message['topics'] as string[]) from.topics.delete(topic);
    if (message['type'] === 'ping' && this.answerPings) queueMicrotask(() => from.handlers.onText('{"type":"pong"}'));
    if (message['type'] === 'publish') {
      this.published.push(String(message['data']));
      const receivers = [...this.subscribers].filter((s) => s.topics.has(String(message['topic'])));
      for (const receiver of receivers) {
        for (const data of this.relay({ ...message, clients: receivers.length })) {
          queueMicrotask(() => receiver.open && receiver.handlers.onText(data));
        }
      }
    }
  }

  kill(): void {
    this.up = false;
    for (const s of [...this.subscribers]) {
      s.open = false;
      queueMicrotask(() => s.handlers.onClosed());
    }
    this.subscribers.clear();
  }
}

function network(urls: readonly string[]) {
  const servers = new Map(urls.map((url) => [url, new FakeServer()]));
  const openSocket: OpenSocket = (url, handlers) => {
    const server = servers.get(url);
    if (server === undefined) throw new SyntaxError('no such host');
    return server.connect(handlers);
  };
  return { servers, openSocket, server: (url: string) => servers.get(url)! };
}

/** Peers that link in memory once offer and answer have crossed, and report what they saw. */
function fakePeers() {
  let next = 0;
  const byToken = new Map<string, { initiator: boolean; link: (channel: WebRtcChannel) => void; candidates: string[]; closed: boolean }>();
  const made: { token: string; initiator: boolean }[] = [];
  const webrtc = (channel: Channel): WebRtcChannel => ({
    ...channel,
    stats: () => ({ messagesIn: 0, messagesOut: 0, droppedNotBinary: 0, droppedTooLarge: 0, droppedUnheard: 0 }),
    closeReason: () => null,
  });
  const createPeer = (options: PeerOptions): Peer => {
    const token = `fake-sdp-${next++}`;
    let resolve!: (channel: WebRtcChannel) => void;
    let reject!: (error: unknown) => void;
    const opened = new Promise<WebRtcChannel>((done, fail) => {
      resolve = done;
      reject = fail;
    });
    opened.catch(() => undefined);
    let channel: WebRtcChannel | null = null;
    const state = {
      initiator: options.initiator,
      link: (opened: WebRtcChannel) => {
        channel = opened;
        resolve(opened);
      },
      candidates: [] as string[],
      closed: false,
    };
    byToken.set(token, state);
    made.push({ token, initiator: options.initiator });
    let haveLocal: (value: ReturnType<typeof ok<RTCSessionDescriptionInit>>) => void = () => undefined;
    const local = new Promise<ReturnType<typeof ok<RTCSessionDescriptionInit>>>((done) => (haveLocal = done));
    const describe = (type: 'offer' | 'answer'): void => {
      haveLocal(ok({ type, sdp: token }));
      queueMicrotask(() => options.onCandidate?.({ candidate: `candidate:${token}`, sdpMid: '0', sdpMLineIndex: 0 }));
    };
    if (options.initiator) describe('offer');
    return {
      localDescription: () => local,
      acceptRemote(description) {
        if (state.closed) return Promise.resolve(err('closed'));
        const other = byToken.get(description.sdp ?? '');
        if (other === undefined) return Promise.resolve(err('rejected'));
        if (!options.initiator) describe('answer');
        else {
          const link = memoryLink();
          state.link(webrtc(link.a));
          other.link(webrtc(link.b));
        }
        return Promise.resolve(ok(undefined));
      },
      addCandidate(candidate) {
        state.candidates.push(candidate.candidate ?? '');
        return Promise.resolve();
      },
      channel: () => opened,
      close() {
        state.closed = true;
        reject(new Error('closed'));
        channel?.close('closed');
      },
    };
  };
  return { createPeer, made, byToken };
}

function seeded(seed: number): (length: number) => Uint8Array {
  let state = seed;
  return (length) =>
    Uint8Array.from({ length }, () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state >> 16;
    });
}

interface Phone {
  readonly room: JoinedRoom;
  readonly peers: Map<string, Channel>;
}

function phoneJoins(
  seed: number,
  servers: readonly string[],
  secret: Uint8Array,
  shared: { clock: ReturnType<typeof manualClock>; net: ReturnType<typeof network>; peers: ReturnType<typeof fakePeers> },
): Phone {
  const deps: JoinDeps = {
    now: shared.clock.now,
    random: seeded(seed),
    jitter: () => 0.5,
    schedule: shared.clock.schedule,
    openSocket: shared.net.openSocket,
    createPeer: shared.peers.createPeer,
  };
  const peers = new Map<string, Channel>();
  const room = joinRoom({ servers, secret, onPeer: (channel, id) => peers.set(id, channel) }, deps);
  return { room, peers };
}

const SECRET = new Uint8Array(32).fill(7);
const GOOD = 'ws://127.0.0.1:4444';
const SECOND = 'ws://127.0.0.1:4445';

describe('the signaling wire', () => {
  it('reads the stock server’s publish and pong', () => {
    expect(parseServerMessage('{"type":"pong"}')).toEqual(ok({ type: 'pong' }));
    expect(parseServerMessage(publishMessage('t', 'x').replace('}', ',"clients":2}'))).toEqual(ok({ type: 'publish', topic: 't', data: 'x' }));
  });

  it.each([
    ['binary', new ArrayBuffer(4), 'malformed'],
    ['not JSON', '{"type":', 'malformed'],
    ['JSON that is not an object', '[1,2]', 'malformed'],
    ['null', 'null', 'malformed'],
    ['no type', '{"topic":"t"}', 'malformed'],
    ['a publish without a topic', '{"type":"publish","data":"x"}', 'malformed'],
    ['a topic too long', JSON.stringify({ type: 'publish', topic: 't'.repeat(500), data: 'x' }), 'malformed'],
    ['a type we never asked for', '{"type":"subscribe","topics":["x"]}', 'unexpected'],
    ['too much text', JSON.stringify({ type: 'publish', topic: 't', data: 'x'.repeat(MAX_SERVER_MESSAGE_CHARS) }), 'too-large'],
  ])('%s is a problem', (_, data, problem) => {
    expect(parseServerMessage(data)).toEqual(err(problem));
  });
});

describe('reconnecting to one server', () => {
  it('backs off exponentially to a cap', () => {
    const delays = Array.from({ length: 10 }, (_, i) => reconnectDelay(i + 1, [], T0, 1));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000, 30000]);
    expect(reconnectDelay(3, [], T0, 0)).toBe(2000);
  });

  it('never tries more than a few times a minute', () => {
    const recent = Array.from({ length: MAX_ATTEMPTS_PER_MINUTE }, (_, i) => T0 + i * 100);
    expect(reconnectDelay(1, recent, T0 + 600, 1)).toBe(60_000 - 600);
  });

  it('a server that is down: bounded attempts, growing gaps, no errors', async () => {
    const clock = manualClock();
    const opened: number[] = [];
    const openSocket: OpenSocket = (_url, handlers) => {
      opened.push(clock.now());
      queueMicrotask(() => handlers.onClosed());
      return { send: () => undefined, close: () => undefined };
    };
    const connection = connectServer(GOOD, { onOpen: () => undefined, onPublish: () => undefined }, { openSocket, schedule: clock.schedule, now: clock.now, jitter: () => 1 });
    await clock.advance(10 * 60_000);
    for (let i = MAX_ATTEMPTS_PER_MINUTE; i < opened.length; i++) {
      expect(opened[i]! - opened[i - MAX_ATTEMPTS_PER_MINUTE]!).toBeGreaterThanOrEqual(60_000);
    }
    expect(opened.length).toBeLessThanOrEqual(10 * MAX_ATTEMPTS_PER_MINUTE);
    const gaps = opened.slice(1).map((at, i) => at - opened[i]!);
    expect(Math.max(...gaps)).toBe(RECONNECT_MAX_MS);
    expect(connection.status()).toMatchObject({ state: 'waiting', attempts: opened.length });
    connection.stop();
    const before = opened.length;
    await clock.advance(10 * 60_000);
    expect(opened.length).toBe(before);
  });

  it('a server that answers garbage is counted, then dropped and retried later', async () => {
    const clock = manualClock();
    const net = network([GOOD]);
    net.server(GOOD).greeting = [
      'not json',
      new ArrayBuffer(8),
      '{"type":"welcome"}',
      'x'.repeat(MAX_SERVER_MESSAGE_CHARS + 1),
      ...Array.from({ length: MAX_BAD_PER_MINUTE }, () => '{'),
    ];
    const published: unknown[] = [];
    const connection = connectServer(GOOD, { onOpen: () => undefined, onPublish: (_t, data) => published.push(data) }, { openSocket: net.openSocket, schedule: clock.schedule, now: clock.now, jitter: () => 0.5 });
    await settle();
    const status = connection.status();
    // Counted up to the one past the limit; the rest went with the dropped connection.
    expect(status.ignored['too-large']).toBe(1);
    expect(status.ignored.unexpected).toBe(1);
    expect(status.ignored.malformed + 2).toBe(MAX_BAD_PER_MINUTE + 1);
    expect(status.dropsForGarbage).toBe(1);
    expect(status.state).toBe('waiting');
    expect(published).toEqual([]);
    connection.stop();
  });

  it('a connection that goes silent is noticed and replaced', async () => {
    const clock = manualClock();
    const net = network([GOOD]);
    net.server(GOOD).answerPings = false;
    let opens = 0;
    const connection = connectServer(GOOD, { onOpen: () => opens++, onPublish: () => undefined }, { openSocket: net.openSocket, schedule: clock.schedule, now: clock.now, jitter: () => 0.5 });
    await clock.advance(2 * 60_000);
    expect(opens).toBeGreaterThanOrEqual(2);
    net.server(GOOD).answerPings = true;
    await clock.advance(2 * 60_000);
    const settled = opens;
    await clock.advance(5 * 60_000);
    expect(opens).toBe(settled);
    expect(connection.status().state).toBe('open');
    connection.stop();
  });

  it('a URL that is not ws: or wss: is never tried', () => {
    const clock = manualClock();
    let tried = false;
    const openSocket: OpenSocket = () => {
      tried = true;
      throw new Error('unreachable');
    };
    for (const url of ['https://example.com', 'not a url', 'javascript:alert(1)']) {
      const connection = connectServer(url, { onOpen: () => undefined, onPublish: () => undefined }, { openSocket, schedule: clock.schedule, now: clock.now, jitter: () => 0 });
      expect(connection.status()).toMatchObject({ state: 'invalid-url', attempts: 0 });
    }
    expect(tried).toBe(false);
  });
});

describe('joining a room', () => {
  const setup = (urls: readonly string[] = [GOOD]) => ({ clock: manualClock(), net: network(urls), peers: fakePeers() });

  it('two phones find each other, the lower id offers, and each gets one open channel', async () => {
    const shared = setup();
    const a = phoneJoins(1, [GOOD], SECRET, shared);
    const b = phoneJoins(2, [GOOD], SECRET, shared);
    await settle();
    const idA = a.room.status().peerId;
    const idB = b.room.status().peerId;
    expect([...a.peers.keys()]).toEqual([idB]);
    expect([...b.peers.keys()]).toEqual([idA]);
    expect(shared.peers.made.filter((p) => p.initiator)).toHaveLength(1);
    const received = new Promise<Uint8Array>((done) => b.peers.get(idA)!.onMessage(done));
    a.peers.get(idB)!.send(Uint8Array.of(42));
    expect(await received).toEqual(Uint8Array.of(42));
    // Candidates crossed through the sealed messages.
    for (const state of shared.peers.byToken.values()) expect(state.candidates).toHaveLength(1);
    expect(a.room.links().map((l) => l.label)).toEqual([idB]);
    expect(a.room.status().peers).toEqual([{ peerId: idB, state: 'open' }]);
  });

  it('three phones: every pair links, and later announces change nothing', async () => {
    const shared = setup();
    const phones = [1, 2, 3].map((seed) => phoneJoins(seed, [GOOD], SECRET, shared));
    await settle();
    for (const phone of phones) expect(phone.peers.size).toBe(2);
    await shared.clock.advance(5 * 60_000);
    for (const phone of phones) expect(phone.peers.size).toBe(2);
    expect(shared.peers.made).toHaveLength(6);
  });

  it('a phone with another circle’s secret sees nobody and receives nothing', async () => {
    const shared = setup();
    const a = phoneJoins(1, [GOOD], SECRET, shared);
    const b = phoneJoins(2, [GOOD], SECRET, shared);
    const stranger = phoneJoins(3, [GOOD], new Uint8Array(32).fill(8), shared);
    await shared.clock.advance(60_000);
    expect(stranger.peers.size).toBe(0);
    expect(stranger.room.status().peers).toEqual([]);
    expect(Object.values(stranger.room.status().ignored).every((n) => n === 0)).toBe(true);
    expect(a.peers.size).toBe(1);
    expect(b.peers.size).toBe(1);
  });

  it('a stranger on the right topic with the wrong key is ignored and counted', async () => {
    const shared = setup();
    const a = phoneJoins(1, [GOOD], SECRET, shared);
    await settle();
    const room = deriveRoom(SECRET);
    const forged = sealSignal({ name: room.name, key: new Uint8Array(32).fill(9) }, { kind: 'announce', from: '0000000000000001', at: T0 }, seeded(5));
    const spy = shared.net.server(GOOD).connect({ onOpen: () => undefined, onText: () => undefined, onClosed: () => undefined });
    await settle();
    spy.send(publishMessage(room.name, forged));
    await settle();
    expect(a.room.status().ignored.forged).toBe(1);
    expect(a.room.status().peers).toEqual([]);
  });

  it('a lying server (garbage, forgeries, oversized, replays) next to a good one does not stop anyone', async () => {
    const shared = setup([SECOND, GOOD]);
    const room = deriveRoom(SECRET);
    const forged = sealSignal({ name: room.name, key: new Uint8Array(32).fill(3) }, { kind: 'announce', from: '0000000000000001', at: T0 }, seeded(5));
    shared.net.server(SECOND).relay = (message) => [
      'garbage',
      JSON.stringify({ type: 'publish', topic: room.name, data: forged }),
      JSON.stringify({ type: 'publish', topic: room.name, data: 'x'.repeat(40_000) }),
      JSON.stringify({ type: 'publish', topic: room.name, data: { not: 'a string' } }),
      JSON.stringify(message),
      JSON.stringify(message),
    ];
    const a = phoneJoins(1, [SECOND, GOOD], SECRET, shared);
    const b = phoneJoins(2, [SECOND, GOOD], SECRET, shared);
    await settle();
    expect(a.peers.size).toBe(1);
    expect(b.peers.size).toBe(1);
    const ignored = a.room.status().ignored;
    expect(ignored.forged).toBeGreaterThan(0);
    expect(ignored['too-large']).toBeGreaterThan(0);
    expect(ignored.malformed).toBeGreaterThan(0);
    expect(ignored.replayed).toBeGreaterThan(0);
    expect(a.room.status().servers.find((s) => s.url === SECOND)!.ignored.malformed).toBeGreaterThan(0);
    expect(shared.peers.made).toHaveLength(2);
  });

  it('a server that is down next to a good one: phones link through the good one', async () => {
    const shared = setup([SECOND, GOOD]);
    shared.net.server(SECOND).up = false;
    const a = phoneJoins(1, [SECOND, GOOD, 'ws://nowhere.invalid'], SECRET, shared);
    const b = phoneJoins(2, [GOOD, SECOND], SECRET, shared);
    await shared.clock.advance(10_000);
    expect(a.peers.size).toBe(1);
    expect(b.peers.size).toBe(1);
    expect(a.room.status().servers.map((s) => s.state)).toEqual(['waiting', 'open', 'waiting']);
  });

  it('the server dies: links stay; when it is back, a newcomer links with everyone', async () => {
    const shared = setup();
    const a = phoneJoins(1, [GOOD], SECRET, shared);
    const b = phoneJoins(2, [GOOD], SECRET, shared);
    await settle();
    shared.net.server(GOOD).kill();
    await shared.clock.advance(20_000);
    const received = new Promise<Uint8Array>((done) => b.peers.get(a.room.status().peerId)!.onMessage(done));
    a.peers.get(b.room.status().peerId)!.send(Uint8Array.of(1));
    expect(await received).toEqual(Uint8Array.of(1));
    shared.net.server(GOOD).up = true;
    const c = phoneJoins(3, [GOOD], SECRET, shared);
    await shared.clock.advance(60_000);
    expect(c.peers.size).toBe(2);
    expect(a.peers.size).toBe(2);
    expect(b.peers.size).toBe(2);
  });

  it('a negotiation that never completes is abandoned and tried again at a later announce, within a budget', async () => {
    const shared = setup();
    const stuck = shared.peers.createPeer;
    // This phone's peers never link: their descriptions go nowhere.
    const deaf = { ...shared, peers: { ...shared.peers, createPeer: (options: PeerOptions) => ({ ...stuck(options), acceptRemote: () => Promise.resolve(ok(undefined)) }) } };
    phoneJoins(1, [GOOD], SECRET, deaf);
    phoneJoins(2, [GOOD], SECRET, deaf);
    await shared.clock.advance(30 * 60_000);
    // Four attempts per five minutes per peer, whichever side offers.
    expect(shared.peers.made.length).toBeLessThanOrEqual(2 * 4 * 6 + 2);
    expect(shared.peers.made.length).toBeGreaterThan(2);
  });

  it('leaving says bye, stops signaling and closes its links', async () => {
    const shared = setup();
    const a = phoneJoins(1, [GOOD], SECRET, shared);
    const b = phoneJoins(2, [GOOD], SECRET, shared);
    await settle();
    const closed = new Promise<string>((done) => b.peers.get(a.room.status().peerId)!.onClose(done));
    a.room.leave();
    expect(await closed).toBe('closed');
    expect(a.room.status().servers[0]!.state).toBe('stopped');
    expect(a.room.links()).toEqual([]);
    await settle();
    expect(b.room.links()).toEqual([]);
  });

  it('a host that leaves with keepLinks keeps talking to those already linked', async () => {
    const shared = setup();
    const a = phoneJoins(1, [GOOD], SECRET, shared);
    phoneJoins(2, [GOOD], SECRET, shared);
    await settle();
    a.room.leave({ keepLinks: true });
    await settle();
    expect(a.room.links()).toHaveLength(1);
  });
});
