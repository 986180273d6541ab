// What the WebRTC carrier tests need around the browsers: a test-only page
// that exposes the carriers' modules, the stock signaling server run through
// scripts/signal.mjs, and a WebSocket server that speaks only garbage.
//
// The app has no screen for these carriers yet, so the test page is built
// here, with Vite, from a few lines that import src/sync and src/qr directly
// and put them on `window.tally`; tests drive it with page.evaluate.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import type * as Camera from '../../../src/qr/camera';
import type { Channel } from '../../../src/sync/channel';
import type { GuestPairing, HostPairing } from '../../../src/sync/pairing';
import type { JoinedRoom, RoomStatus } from '../../../src/sync/signaling';
import type * as Generate from '../../../src/qr/generate';
import type * as ScanLoop from '../../../src/qr/scan-loop';
import type * as CompactSdp from '../../../src/sync/compact-sdp';
import type * as Pairing from '../../../src/sync/pairing';
import type * as PeerModule from '../../../src/sync/peer';
import type * as Room from '../../../src/sync/room';
import type * as Signaling from '../../../src/sync/signaling';
import type * as DataChannel from '../../../src/sync/webrtc-channel';
import type * as Links from '../../../src/sync/webrtc-links';

const ROOT = resolve(import.meta.dirname, '../../..');
const SERVER_START_TIMEOUT_MS = 10_000;

/** What the test page puts on window.tally. */
export interface TallyTestApi {
  readonly signaling: typeof Signaling;
  readonly pairing: typeof Pairing;
  readonly room: typeof Room;
  readonly compact: typeof CompactSdp;
  readonly peer: typeof PeerModule;
  readonly links: typeof Links;
  readonly dataChannel: typeof DataChannel;
  readonly generate: typeof Generate;
  readonly camera: typeof Camera;
  readonly scan: typeof ScanLoop;
}

function scratch(): string {
  return process.env['TALLY_E2E_TMPDIR'] ?? tmpdir();
}

/** Builds the test page into a fresh directory and returns that directory. */
export async function buildTestPage(): Promise<string> {
  const dir = await mkdtemp(join(scratch(), 'webrtc-page-'));
  const modules: Record<keyof TallyTestApi, string> = {
    signaling: 'src/sync/signaling.ts',
    pairing: 'src/sync/pairing.ts',
    room: 'src/sync/room.ts',
    compact: 'src/sync/compact-sdp.ts',
    peer: 'src/sync/peer.ts',
    links: 'src/sync/webrtc-links.ts',
    dataChannel: 'src/sync/webrtc-channel.ts',
    generate: 'src/qr/generate.ts',
    camera: 'src/qr/camera.ts',
    scan: 'src/qr/scan-loop.ts',
  };
  const entry = [
    ...Object.entries(modules).map(([name, path]) => `import * as ${name} from ${JSON.stringify(join(ROOT, path))};`),
    `Object.assign(window, { tally: { ${Object.keys(modules).join(', ')} } });`,
    `document.body.dataset['ready'] = 'yes';`,
  ].join('\n');
  await writeFile(join(dir, 'entry.ts'), entry);
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>WebRTC carriers</title><link rel="icon" href="data:,"></head>' +
      '<body><main id="out"></main><script type="module" src="./entry.ts"></script></body></html>',
  );
  await build({
    configFile: false,
    root: dir,
    base: './',
    logLevel: 'warn',
    build: { outDir: join(dir, 'dist'), emptyOutDir: true, target: 'es2022', minify: false },
  });
  return join(dir, 'dist');
}

export async function openTestPage(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/index.html`);
  // The page shows nothing until a test draws a code: wait for the modules, not for something visible.
  await page.locator('body[data-ready="yes"]').waitFor({ state: 'attached' });
}

/** The address tests bind servers to: the namespace's own veth address, else loopback. */
export function testHost(): string {
  return process.env['TALLY_IN_NETNS'] === '1' ? '10.233.0.1' : '127.0.0.1';
}

export interface SignalServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** SIGKILL by pid, and wait for the process to be gone. */
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts `node scripts/signal.mjs` (the stock y-webrtc server) and waits for the URL it prints. */
export async function startSignalServer(host: string, port = 0): Promise<SignalServer> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'signal.mjs')], {
    env: { ...process.env, HOST: host, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  void exited.then(() => running.delete(child));
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    let errors = '';
    const timer = setTimeout(() => fail(new Error(`signal server printed no URL:\n${out}${errors}`)), SERVER_START_TIMEOUT_MS);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /^(ws:\/\/\S+)$/m.exec(out);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        done(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`signal server exited (${code}):\n${out}${errors}`));
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('signal server has no pid');
  return {
    url,
    port: Number(new URL(url).port),
    pid,
    kill: async () => {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await exited;
    },
  };
}

export interface GarbageServer {
  readonly url: string;
  /** How many WebSocket connections it accepted. */
  connections(): number;
  stop(): Promise<void>;
}

/** One unmasked WebSocket text frame (RFC 6455 5.2), as a server sends. */
function textFrame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x81, length])
      : length < 65536
        ? Buffer.from([0x81, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x81, 127, 0, 0, 0, 0]), Buffer.from([(length >>> 24) & 0xff, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff])]);
  return Buffer.concat([header, payload]);
}

/**
 * A WebSocket server that accepts every client and then sends nothing but
 * junk: text that is not JSON, JSON of the wrong shape, a publish far too
 * large, and publishes to `topic` that do not open. It never relays anything.
 */
export async function startGarbageServer(host: string, topic: string): Promise<GarbageServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const junk = [
    'this is not JSON',
    '{"type":',
    '[1,2,3]',
    '{"type":"publish"}',
    JSON.stringify({ type: 'publish', topic, data: 'AAAA' }),
    JSON.stringify({ type: 'publish', topic, data: 'A'.repeat(200) }),
    JSON.stringify({ type: 'publish', topic, data: { sdp: 'v=0' } }),
    JSON.stringify({ type: 'publish', topic, data: 'x'.repeat(70_000) }),
  ];
  const server = createServer((_req, res) => res.writeHead(426).end());
  server.on('upgrade', (req, socket: Socket) => {
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string') {
      socket.destroy();
      return;
    }
    accepted++;
    sockets.add(socket);
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    // Whatever the client sends (subscribe, publish, ping) is read and ignored.
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    let next = 0;
    const timer = setInterval(() => {
      if (socket.destroyed) return;
      socket.write(textFrame(junk[next++ % junk.length]!));
    }, 100);
    socket.once('close', () => {
      clearInterval(timer);
      sockets.delete(socket);
    });
  });
  await new Promise<void>((done) => server.listen(0, host, done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://${host}:${port}`,
    connections: () => accepted,
    stop: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

// ---- Run in the page through page.evaluate: each stands alone, using only window. ----

/** What the test page keeps between evaluate calls. */
export interface PageState {
  room: JoinedRoom | null;
  readonly channels: Map<string, Channel>;
  readonly received: Map<string, Uint8Array[]>;
  host?: HostPairing;
  guest?: GuestPairing;
  paired?: Channel;
  pairedMessages?: string[];
}
export interface TestWindow {
  readonly tally: TallyTestApi;
  e2e: PageState;
}

export function joinInPage([servers, secret]: [string[], number[]]): string {
  const w = window as unknown as TestWindow;
  const state: PageState = { room: null, channels: new Map(), received: new Map() };
  w.e2e = state;
  state.room = w.tally.signaling.joinRoom({
    servers,
    secret: Uint8Array.from(secret),
    onPeer: (channel, peerId) => {
      const parts: Uint8Array[] = [];
      state.channels.set(peerId, channel);
      state.received.set(peerId, parts);
      channel.onMessage((message) => parts.push(message));
    },
  });
  return state.room.status().peerId;
}

export interface BulkReport {
  readonly digest: string;
  readonly chunks: number;
  readonly largestChunk: number;
  readonly maxMessageBytes: number;
  /** drained() calls that had to wait for the buffer to fall. */
  readonly waits: number;
}

/** Sends `size` deterministic bytes to one peer in chunks the channel takes, pacing with drained(). */
export async function sendBulkInPage([to, size, seed]: [string, number, number]): Promise<BulkReport> {
  const channel = (window as unknown as TestWindow).e2e.channels.get(to);
  if (channel === undefined) throw new Error(`no channel to ${to}`);
  const data = new Uint8Array(size);
  let x = seed | 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    data[i] = x & 0xff;
  }
  const chunkBytes = channel.maxMessageBytes;
  let chunks = 0;
  let largestChunk = 0;
  let waits = 0;
  for (let at = 0; at < size; at += chunkBytes) {
    const chunk = data.slice(at, at + chunkBytes);
    channel.send(chunk);
    chunks++;
    largestChunk = Math.max(largestChunk, chunk.length);
    let done = false;
    const drained = channel.drained().then(() => (done = true));
    await Promise.resolve();
    if (!done) waits++;
    await drained;
  }
  const digest = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', data)), (b) => b.toString(16).padStart(2, '0')).join('');
  return { digest, chunks, largestChunk, maxMessageBytes: channel.maxMessageBytes, waits };
}

export async function receivedDigestInPage([from, size]: [string, number]): Promise<string> {
  const parts = (window as unknown as TestWindow).e2e.received.get(from) ?? [];
  const all = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    all.set(part.subarray(0, Math.max(0, size - at)), at);
    at += part.length;
  }
  if (at !== size) throw new Error(`received ${at} bytes, expected ${size}`);
  parts.length = 0;
  return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', all)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function receivedAtLeastInPage([from, size]: [string, number]): boolean {
  return ((window as unknown as TestWindow).e2e.received.get(from) ?? []).reduce((n, part) => n + part.length, 0) >= size;
}

export function statusInPage(): RoomStatus {
  const room = (window as unknown as TestWindow).e2e.room;
  if (room === null) throw new Error('not in a room');
  return room.status();
}

export function showCodeInPage(text: string): void {
  const { generate } = (window as unknown as TestWindow).tally;
  const matrix = generate.qrMatrix(text);
  const q = generate.QUIET_ZONE;
  const side = matrix.size + 2 * q;
  const figure = document.createElement('figure');
  figure.dataset['codeText'] = text;
  figure.innerHTML =
    `<svg xmlns="http://www.w3.org/2000/svg" width="440" height="440" viewBox="${-q} ${-q} ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect x="${-q}" y="${-q}" width="${side}" height="${side}" fill="#fff"/><path d="${generate.qrSvgPath(matrix)}" fill="#000"/></svg>`;
  document.getElementById('out')!.replaceChildren(figure);
}

/** Opens this browser's camera and resolves with the first code it reads. */
export async function scanOneCodeInPage(): Promise<string> {
  const { camera, scan } = (window as unknown as TestWindow).tally;
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = await camera.getCameraStream();
  document.body.append(video);
  await video.play();
  return new Promise<string>((done, fail) => {
    const timer = setTimeout(() => {
      stop();
      fail(new Error('no code seen within 30 s'));
    }, 30_000);
    const stop = scan.startScanning(video, (text) => {
      clearTimeout(timer);
      stop();
      video.remove();
      done(text);
    });
  });
}
