/**
 * One signaling server, kept connected: reconnects with capped, jittered
 * exponential backoff and never more than a few attempts a minute; pings so a
 * dead connection is noticed; drops a server that sends mostly garbage. A
 * server that is down, slow or lying costs a few timers, never the room.
 */
import { parseServerMessage, pingMessage } from './signaling-wire';
import type { WireProblem } from './signaling-wire';

export const RECONNECT_BASE_MS = 1_000;
export const RECONNECT_MAX_MS = 30_000;
export const MAX_ATTEMPTS_PER_MINUTE = 6;
const MINUTE_MS = 60_000;
const CONNECT_TIMEOUT_MS = 10_000;
const PING_INTERVAL_MS = 20_000;
/** Silence for this long means the connection is dead even if the socket has not said so. */
const SILENCE_LIMIT_MS = 45_000;
/** A connection that lasted this long was a success: the next failure starts the backoff over. */
const STABLE_MS = 10_000;
/** More bad messages than this in a minute, and the server is dropped as if it had failed. */
export const MAX_BAD_PER_MINUTE = 50;

export interface SocketHandlers {
  onOpen(): void;
  onText(data: unknown): void;
  /** Closed or failed; called at most once per socket. */
  onClosed(): void;
}

export interface SignalingSocket {
  send(text: string): void;
  close(): void;
}

/** May throw (a URL the platform refuses): that counts as a failed attempt. */
export type OpenSocket = (url: string, handlers: SocketHandlers) => SignalingSocket;

/** Runs a task later; returns a function that cancels it. */
export type Schedule = (task: () => void, ms: number) => () => void;

export interface ConnectionDeps {
  readonly openSocket: OpenSocket;
  readonly schedule: Schedule;
  readonly now: () => number;
  /** In [0, 1): spreads reconnections so phones do not all return at once. */
  readonly jitter: () => number;
}

export interface ConnectionEvents {
  /** The connection is open (again): subscribe and announce through send. */
  onOpen(send: (text: string) => boolean): void;
  onPublish(topic: string, data: unknown): void;
}

export type ServerState = 'connecting' | 'open' | 'waiting' | 'stopped' | 'invalid-url';

export interface ServerStatus {
  readonly url: string;
  readonly state: ServerState;
  readonly attempts: number;
  /** Failures since the last connection that lasted. */
  readonly failures: number;
  readonly ignored: Readonly<Record<WireProblem, number>>;
  /** Times the server was dropped for sending too much garbage. */
  readonly dropsForGarbage: number;
}

export interface ServerConnection {
  /** False when not open: signals are best-effort, and every peer announces again later. */
  send(text: string): boolean;
  status(): ServerStatus;
  stop(): void;
}

function isSignalingUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'ws:' || parsed.protocol === 'wss:';
  } catch {
    return false;
  }
}

/** The wait before the next attempt, after `failures` failures in a row and the given recent attempts. */
export function reconnectDelay(failures: number, recentAttempts: readonly number[], now: number, jitter: number): number {
  const exponential = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, failures - 1));
  const backoff = exponential * (0.5 + jitter / 2);
  if (recentAttempts.length < MAX_ATTEMPTS_PER_MINUTE) return backoff;
  // The oldest of the last few attempts must be a minute old before another.
  const oldest = recentAttempts[recentAttempts.length - MAX_ATTEMPTS_PER_MINUTE]!;
  return Math.max(backoff, oldest + MINUTE_MS - now);
}

export function connectServer(url: string, events: ConnectionEvents, deps: ConnectionDeps): ServerConnection {
  const ignored: Record<WireProblem, number> = { 'too-large': 0, malformed: 0, unexpected: 0 };
  let state: ServerState = isSignalingUrl(url) ? 'connecting' : 'invalid-url';
  let socket: SignalingSocket | null = null;
  let attempts = 0;
  let failures = 0;
  let dropsForGarbage = 0;
  let recentAttempts: number[] = [];
  let badTimes: number[] = [];
  let openedAt = 0;
  let lastHeard = 0;
  // Handlers of an abandoned socket carry an old generation and are ignored.
  let generation = 0;
  let cancelTimer: (() => void) | null = null;

  const setTimer = (task: () => void, ms: number): void => {
    cancelTimer?.();
    cancelTimer = deps.schedule(() => {
      cancelTimer = null;
      task();
    }, ms);
  };

  const drop = (): void => {
    if (state === 'stopped') return;
    generation++;
    const old = socket;
    socket = null;
    try {
      old?.close();
    } catch {
      // Already closed.
    }
    if (state === 'open' && deps.now() - openedAt >= STABLE_MS) failures = 0;
    failures++;
    state = 'waiting';
    setTimer(attempt, reconnectDelay(failures, recentAttempts, deps.now(), deps.jitter()));
  };

  const keepAlive = (): void => {
    if (deps.now() - lastHeard > SILENCE_LIMIT_MS) {
      drop();
      return;
    }
    send(pingMessage());
    setTimer(keepAlive, PING_INTERVAL_MS);
  };

  const opened = (): void => {
    state = 'open';
    openedAt = lastHeard = deps.now();
    setTimer(keepAlive, PING_INTERVAL_MS);
    events.onOpen(send);
  };

  const heard = (data: unknown): void => {
    const now = deps.now();
    lastHeard = now;
    const parsed = parseServerMessage(data);
    if (parsed.ok) {
      if (parsed.value.type === 'publish') events.onPublish(parsed.value.topic, parsed.value.data);
      return;
    }
    ignored[parsed.error]++;
    badTimes = badTimes.filter((at) => now - at < MINUTE_MS);
    badTimes.push(now);
    if (badTimes.length > MAX_BAD_PER_MINUTE) {
      dropsForGarbage++;
      badTimes = [];
      drop();
    }
  };

  function attempt(): void {
    if (state === 'stopped') return;
    const now = deps.now();
    attempts++;
    recentAttempts = [...recentAttempts.slice(-(MAX_ATTEMPTS_PER_MINUTE - 1)), now];
    state = 'connecting';
    const mine = ++generation;
    try {
      socket = deps.openSocket(url, {
        onOpen: () => {
          if (mine === generation) opened();
        },
        onText: (data) => {
          if (mine === generation) heard(data);
        },
        onClosed: () => {
          if (mine === generation) drop();
        },
      });
    } catch {
      drop();
      return;
    }
    if (mine === generation && state === 'connecting') setTimer(drop, CONNECT_TIMEOUT_MS);
  }

  function send(text: string): boolean {
    if (state !== 'open' || socket === null) return false;
    try {
      socket.send(text);
      return true;
    } catch {
      drop();
      return false;
    }
  }

  if (state === 'connecting') attempt();

  return {
    send,
    status: () => ({ url, state, attempts, failures, ignored: { ...ignored }, dropsForGarbage }),
    stop() {
      if (state === 'stopped') return;
      state = 'stopped';
      generation++;
      cancelTimer?.();
      cancelTimer = null;
      try {
        socket?.close();
      } catch {
        // Already closed.
      }
      socket = null;
    },
  };
}

/** The browser's WebSocket behind SocketHandlers. */
export const browserSocket: OpenSocket = (url, handlers) => {
  const ws = new WebSocket(url);
  let closed = false;
  const closedOnce = (): void => {
    if (closed) return;
    closed = true;
    handlers.onClosed();
  };
  ws.addEventListener('open', () => handlers.onOpen());
  ws.addEventListener('message', (event: MessageEvent<unknown>) => handlers.onText(event.data));
  ws.addEventListener('error', closedOnce);
  ws.addEventListener('close', closedOnce);
  return { send: (text) => ws.send(text), close: () => ws.close() };
};

export const browserSchedule: Schedule = (task, ms) => {
  const handle = setTimeout(task, ms);
  return () => clearTimeout(handle);
};
