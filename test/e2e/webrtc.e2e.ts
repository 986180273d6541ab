// The WebRTC carriers between real Chromiums in the test's network namespace:
// through the stock signaling server (scripts/signal.mjs) bound to the veth
// address, and paired by QR codes through fake cameras with no server at all.
// A test-only page (lib/webrtc.ts) exposes the carriers; the sync session that
// will run over them is not involved: these tests stop at the Channel.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { versionForText } from '../../src/qr/generate';
import { deriveRoom } from '../../src/sync/room';
import { blankCamera, pointCameraAt } from './lib/app';
import { collectPageErrors, launchBrowser } from './lib/browser';
import type { LaunchedBrowser } from './lib/browser';
import { startStaticServer } from './lib/server';
import type { StaticServer } from './lib/server';
import {
  buildTestPage,
  joinInPage,
  openTestPage,
  receivedAtLeastInPage,
  receivedDigestInPage,
  scanOneCodeInPage,
  sendBulkInPage,
  showCodeInPage,
  startGarbageServer,
  startSignalServer,
  statusInPage,
  testHost,
} from './lib/webrtc';
import type { SignalServer, TestWindow } from './lib/webrtc';

const MIB = 1024 * 1024;
const LINK_TIMEOUT_MS = 30_000;

const baseFixtures = join(import.meta.dirname, '../fixtures/sdp');
const fixtures = readdirSync(baseFixtures)
  .filter((name) => name.endsWith('.sdp'))
  .map((name) => ({ name, sdp: readFileSync(join(baseFixtures, name), 'utf8') }));

const secretOf = (fill: number): number[] => Array.from({ length: 32 }, (_, i) => (fill * 31 + i) & 0xff);
/** Chromium logs each refused WebSocket connection; those are expected while a server is down. */
const unexpected = (errors: readonly string[]): string[] => errors.filter((e) => !/WebSocket connection to 'ws:\/\/[^']+' failed/.test(e));

describe('WebRTC carriers between Chromiums', () => {
  let pageServer: StaticServer | undefined;
  const browsers: LaunchedBrowser[] = [];
  const cameras: string[] = [];
  const signalServers: SignalServer[] = [];
  let pageUrl = '';

  beforeAll(async () => {
    pageServer = await startStaticServer({ root: await buildTestPage() });
    pageUrl = pageServer.url;
    const dir = mkdtempSync(join(process.env['TALLY_E2E_TMPDIR'] ?? tmpdir(), 'webrtc-'));
    for (let i = 0; i < 3; i++) {
      cameras.push(await blankCamera(dir, `phone-${i}`));
      browsers.push(await launchBrowser({ cameraFile: cameras[i]! }));
    }
  });
  afterAll(async () => {
    for (const server of signalServers) await server.kill();
    await Promise.all(browsers.map((b) => b.close()));
    await pageServer?.stop();
  });

  /** One page in each of the first `count` browsers, on the test page. */
  async function phones(count: number): Promise<{ pages: Page[]; errors: () => string[] }> {
    const pages: Page[] = [];
    const collected: string[][] = [];
    for (const browser of browsers.slice(0, count)) {
      const page = await browser.newPage();
      collected.push(collectPageErrors(page));
      await openTestPage(page, pageUrl);
      pages.push(page);
    }
    return { pages, errors: () => unexpected(collected.flat()) };
  }

  async function waitForLinks(page: Page, peerIds: readonly string[]): Promise<void> {
    await page.waitForFunction(
      (ids) => ids.every((id) => (window as unknown as TestWindow).e2e.channels.has(id)),
      peerIds,
      { timeout: LINK_TIMEOUT_MS, polling: 100 },
    );
  }

  /** Every ordered pair sends 1 MiB; each receiver checks the digest. */
  async function sendMegabyteEveryWay(pages: readonly Page[], ids: readonly string[]): Promise<void> {
    const transfers: Promise<void>[] = [];
    pages.forEach((sender, i) => {
      pages.forEach((receiver, j) => {
        if (i === j) return;
        transfers.push(
          (async () => {
            const report = await sender.evaluate(sendBulkInPage, [ids[j]!, MIB, 1000 * i + j] as [string, number, number]);
            expect(report.largestChunk).toBeLessThanOrEqual(report.maxMessageBytes);
            expect(report.chunks).toBe(Math.ceil(MIB / report.maxMessageBytes));
            expect(report.waits).toBeGreaterThan(0);
            await receiver.waitForFunction(receivedAtLeastInPage, [ids[i]!, MIB] as [string, number], { timeout: LINK_TIMEOUT_MS, polling: 100 });
            expect(await receiver.evaluate(receivedDigestInPage, [ids[i]!, MIB] as [string, number])).toBe(report.digest);
          })(),
        );
      });
    });
    await Promise.all(transfers);
  }

  test('Chromium takes every recorded offer and answer back from its compact form', async () => {
    const { pages } = await phones(1);
    const page = pages[0]!;
    const results = await page.evaluate(async (all) => {
      const { compact } = (window as unknown as TestWindow).tally;
      const out: Record<string, string> = {};
      for (const { name, sdp } of all) {
        const read = compact.readSdp(sdp);
        if (!read.ok) {
          out[name] = read.error;
          continue;
        }
        const decoded = compact.decodeCompact(compact.encodeCompact(read.value.description));
        if (!decoded.ok) {
          out[name] = decoded.error;
          continue;
        }
        const pc = new RTCPeerConnection({ iceServers: [] });
        pc.createDataChannel('tally', { negotiated: true, id: 0 });
        try {
          if (name.endsWith('-offer.sdp')) {
            await pc.setRemoteDescription({ type: 'offer', sdp: compact.writeSdp(decoded.value) });
            await pc.setLocalDescription(await pc.createAnswer());
          } else {
            await pc.setLocalDescription(await pc.createOffer());
            const mid = compact.readSdp(pc.localDescription!.sdp);
            await pc.setRemoteDescription({ type: 'answer', sdp: compact.writeSdp(decoded.value, mid.ok ? mid.value.mid : '0') });
          }
          out[name] = 'accepted';
        } catch (error) {
          out[name] = String(error);
        } finally {
          pc.close();
        }
      }
      return out;
    }, fixtures);
    expect(Object.keys(results)).toHaveLength(6);
    for (const [name, result] of Object.entries(results)) expect(result, name).toBe('accepted');
    await page.close();
  });

  test('a data channel as a Channel: text and oversized messages are dropped and counted, early ones wait, closing is reported', async () => {
    const { pages, errors } = await phones(1);
    const page = pages[0]!;
    const result = await page.evaluate(async () => {
      const { dataChannel } = (window as unknown as TestWindow).tally;
      // Two connections in one page, over the namespace's host candidates.
      const [a, b] = [new RTCPeerConnection({ iceServers: [] }), new RTCPeerConnection({ iceServers: [] })] as const;
      // Held by the window, or Chromium may collect them while this function waits.
      Object.assign(window, { loopback: [a, b] });
      a.addEventListener('icecandidate', (event) => void (event.candidate && b.addIceCandidate(event.candidate)));
      b.addEventListener('icecandidate', (event) => void (event.candidate && a.addIceCandidate(event.candidate)));
      const raw = a.createDataChannel('tally', { negotiated: true, id: 0 });
      const wrapped = b.createDataChannel('tally', { negotiated: true, id: 0 });
      await a.setLocalDescription();
      await b.setRemoteDescription(a.localDescription!);
      await b.setLocalDescription();
      await a.setRemoteDescription(b.localDescription!);
      const opened = (dc: RTCDataChannel): Promise<unknown> =>
        dc.readyState === 'open' ? Promise.resolve() : new Promise((done) => dc.addEventListener('open', done, { once: true }));
      await Promise.all([opened(raw), opened(wrapped)]);
      const channel = dataChannel.channelFromDataChannel(wrapped);
      raw.send('text is not part of the protocol');
      raw.send(new Uint8Array(100_000));
      raw.send(Uint8Array.of(1, 2, 3));
      const until = async (check: () => boolean): Promise<void> => {
        for (let i = 0; i < 200 && !check(); i++) await new Promise((done) => setTimeout(done, 25));
      };
      await until(() => channel.stats().messagesIn + channel.stats().droppedNotBinary + channel.stats().droppedTooLarge === 3);
      // Nobody listened yet: the good message waited.
      const got: number[][] = [];
      channel.onMessage((message) => got.push([...message]));
      await until(() => got.length === 1);
      let refused = '';
      try {
        channel.send(new Uint8Array(channel.maxMessageBytes + 1));
      } catch (error) {
        refused = (error as Error).name;
      }
      raw.binaryType = 'arraybuffer';
      const arrived = new Promise<number[]>((done) => raw.addEventListener('message', (event) => done([...new Uint8Array(event.data as ArrayBuffer)]), { once: true }));
      channel.send(Uint8Array.of(4, 5));
      await channel.drained();
      // Closing drops what has not been delivered yet, so wait for it first.
      const echoed = await arrived;
      const reason = new Promise<string>((done) => channel.onClose(done));
      raw.close();
      const closedBy = await reason;
      const late = await new Promise<string>((done) => channel.onClose(done));
      a.close();
      b.close();
      return { stats: channel.stats(), got, refused, echoed, closedBy, late, closeReason: channel.closeReason() };
    });
    expect(result).toEqual({
      stats: { messagesIn: 1, messagesOut: 1, droppedNotBinary: 1, droppedTooLarge: 1, droppedUnheard: 0 },
      got: [[1, 2, 3]],
      refused: 'RangeError',
      echoed: [4, 5],
      closedBy: 'remote-closed',
      late: 'remote-closed',
      closeReason: 'remote-closed',
    });
    await page.close();
    expect(errors()).toEqual([]);
  });

  test('two phones in two browsers link through the local signaling server and carry 1 MiB each way', async () => {
    const server = await startSignalServer(testHost());
    signalServers.push(server);
    expect(server.url).toBe(`ws://${testHost()}:${server.port}`);
    const { pages, errors } = await phones(2);
    const ids = await Promise.all(pages.map((page) => page.evaluate(joinInPage, [[server.url], secretOf(1)] as [string[], number[]])));
    await Promise.all(pages.map((page, i) => waitForLinks(page, ids.filter((_, j) => j !== i))));
    await sendMegabyteEveryWay(pages, ids);
    const status = await pages[0]!.evaluate(statusInPage);
    expect(status.room).toBe(deriveRoom(Uint8Array.from(secretOf(1))).name);
    expect(status.peers).toEqual([{ peerId: ids[1], state: 'open' }]);
    await Promise.all(pages.map((page) => page.close()));
    expect(errors()).toEqual([]);
    await server.kill();
  });

  test('three phones: every pair links and carries 1 MiB; a phone with the wrong secret sees nobody and receives nothing', async () => {
    const server = await startSignalServer(testHost());
    signalServers.push(server);
    const secret = secretOf(2);
    const topic = deriveRoom(Uint8Array.from(secret)).name;
    const { pages, errors } = await phones(3);

    // An outsider from another circle joins the same server first, and also
    // listens on the circle's own topic the way the server sees it.
    const outsider = await browsers[0]!.newPage();
    await openTestPage(outsider, pageUrl);
    await outsider.evaluate(joinInPage, [[server.url], secretOf(3)] as [string[], number[]]);
    await outsider.evaluate(
      async ([url, topic]) => {
        const ws = new WebSocket(url);
        const heard: string[] = [];
        Object.assign(window, { spy: { ws, heard } });
        ws.addEventListener('message', (event) => heard.push(String(event.data)));
        await new Promise((done) => ws.addEventListener('open', done, { once: true }));
        ws.send(JSON.stringify({ type: 'subscribe', topics: [topic] }));
      },
      [server.url, topic] as [string, string],
    );

    const ids = await Promise.all(pages.map((page) => page.evaluate(joinInPage, [[server.url], secret] as [string[], number[]])));
    await Promise.all(pages.map((page, i) => waitForLinks(page, ids.filter((_, j) => j !== i))));
    await sendMegabyteEveryWay(pages, ids);

    // The outsider publishes what it can make without the key.
    await outsider.evaluate((topic) => {
      const { room } = (window as unknown as TestWindow).tally;
      const { ws } = (window as unknown as { spy: { ws: WebSocket } }).spy;
      const wrongKey = { name: topic, key: new Uint8Array(32).fill(5) };
      const random = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));
      for (let i = 0; i < 5; i++) {
        const data = room.sealSignal(wrongKey, { kind: 'announce', from: `00000000000000${i}${i}`, at: Date.now() }, random);
        ws.send(JSON.stringify({ type: 'publish', topic, data }));
      }
      ws.send(JSON.stringify({ type: 'publish', topic, data: 'not sealed at all' }));
    }, topic);
    for (const page of pages) {
      await page.waitForFunction(() => {
        const { ignored } = (window as unknown as TestWindow).e2e.room!.status();
        return ignored.forged === 5 && ignored.malformed === 1;
      });
      expect((await page.evaluate(statusInPage)).peers).toHaveLength(2);
    }

    const seen = await outsider.evaluate(statusInPage);
    expect(seen.peers).toEqual([]);
    expect(Object.values(seen.ignored).every((n) => n === 0)).toBe(true);
    expect(await outsider.evaluate(() => (window as unknown as TestWindow).e2e.channels.size)).toBe(0);

    // What the server relayed: announces, offers, answers and candidates, none readable.
    const heard = await outsider.evaluate(() => (window as unknown as { spy: { heard: string[] } }).spy.heard);
    expect(heard.length).toBeGreaterThan(6);
    for (const text of heard) {
      for (const id of ids) expect(text).not.toContain(id);
      expect(text).not.toMatch(/v=0|candidate|typ host|10\.233\./);
    }
    await outsider.close();
    await Promise.all(pages.map((page) => page.close()));
    expect(errors()).toEqual([]);
    await server.kill();
  });

  test('the server is killed: links stay; restarted, it lets a newcomer in; a garbage server in the list is no obstacle', async () => {
    const host = testHost();
    const secret = secretOf(4);
    const garbage = await startGarbageServer(host, deriveRoom(Uint8Array.from(secret)).name);
    let server = await startSignalServer(host);
    signalServers.push(server);
    const servers = [garbage.url, server.url];
    const { pages, errors } = await phones(3);
    const [a, b, newcomer] = pages as [Page, Page, Page];
    const ids = await Promise.all([a, b].map((page) => page.evaluate(joinInPage, [servers, secret] as [string[], number[]])));
    await waitForLinks(a, [ids[1]!]);
    await waitForLinks(b, [ids[0]!]);

    await server.kill();
    // The link does not need the server: a message each way after it is gone.
    await a.waitForTimeout(1_500);
    for (const [from, to, toPage] of [[a, ids[1]!, b], [b, ids[0]!, a]] as const) {
      const fromId = await from.evaluate(() => (window as unknown as TestWindow).e2e.room!.status().peerId);
      await from.evaluate(([peer]) => (window as unknown as TestWindow).e2e.channels.get(peer)!.send(new TextEncoder().encode('still here')), [to] as [string]);
      await toPage.waitForFunction(
        (peer) => ((window as unknown as TestWindow).e2e.received.get(peer) ?? []).some((m) => new TextDecoder().decode(m) === 'still here'),
        fromId,
        { timeout: 10_000 },
      );
    }
    const downStatus = await a.evaluate(statusInPage);
    expect(downStatus.servers.find((s) => s.url === server.url)!.state).not.toBe('open');
    expect(downStatus.peers).toEqual([{ peerId: ids[1], state: 'open' }]);

    // Back on the same port; the newcomer lists the garbage server first.
    server = await startSignalServer(host, server.port);
    signalServers.push(server);
    const newcomerId = await newcomer.evaluate(joinInPage, [servers, secret] as [string[], number[]]);
    await waitForLinks(newcomer, ids);
    await waitForLinks(a, [ids[1]!, newcomerId]);
    await waitForLinks(b, [ids[0]!, newcomerId]);

    const status = await newcomer.evaluate(statusInPage);
    const junk = status.servers.find((s) => s.url === garbage.url)!;
    expect(garbage.connections()).toBeGreaterThan(0);
    expect(junk.ignored.malformed + junk.ignored['too-large'] + status.ignored.malformed + status.ignored.forged).toBeGreaterThan(0);
    expect(status.servers.find((s) => s.url === server.url)!.state).toBe('open');
    await Promise.all(pages.map((page) => page.close()));
    expect(errors()).toEqual([]);
    await server.kill();
    await garbage.stop();
  }, 120_000);

  test('two phones pair with QR codes through their cameras, with no server, and a channel opens', async () => {
    const { pages, errors } = await phones(2);
    const [hostPage, guestPage] = pages as [Page, Page];

    const offer = await hostPage.evaluate(async () => {
      const w = window as unknown as TestWindow;
      w.e2e = { room: null, channels: new Map(), received: new Map() };
      w.e2e.host = w.tally.pairing.startPairing('host');
      const code = await w.e2e.host.offerCode();
      if (!code.ok) throw new Error(code.error);
      return code.value;
    });
    expect(versionForText(offer)).toBeLessThanOrEqual(10);
    await hostPage.evaluate(showCodeInPage, offer);
    // The host's screen, photographed into the guest's camera.
    expect(await pointCameraAt(hostPage, cameras[1]!)).toBe(offer);

    const scannedOffer = await guestPage.evaluate(scanOneCodeInPage);
    expect(scannedOffer).toBe(offer);
    const answer = await guestPage.evaluate(async (scanned) => {
      const w = window as unknown as TestWindow;
      w.e2e = { room: null, channels: new Map(), received: new Map(), pairedMessages: [] };
      const guest = w.tally.pairing.startPairing('guest');
      w.e2e.guest = guest;
      const code = await guest.acceptOffer(scanned);
      if (!code.ok) throw new Error(code.error);
      void guest.channel().then((channel) => {
        w.e2e.paired = channel;
        channel.onMessage((message) => w.e2e.pairedMessages!.push(new TextDecoder().decode(message)));
      });
      return { scanned, code: code.value };
    }, scannedOffer);
    expect(answer.scanned).toBe(offer);
    expect(versionForText(answer.code)).toBeLessThanOrEqual(10);
    await guestPage.evaluate(showCodeInPage, answer.code);
    expect(await pointCameraAt(guestPage, cameras[0]!)).toBe(answer.code);

    const scannedAnswer = await hostPage.evaluate(scanOneCodeInPage);
    expect(scannedAnswer).toBe(answer.code);
    const maxMessageBytes = await hostPage.evaluate(async (scanned) => {
      const host = (window as unknown as TestWindow).e2e.host!;
      const accepted = await host.acceptAnswer(scanned);
      if (!accepted.ok) throw new Error(accepted.error);
      const channel = await host.channel();
      channel.send(new TextEncoder().encode('hello over a paired link'));
      return channel.maxMessageBytes;
    }, scannedAnswer);
    expect(maxMessageBytes).toBe(64 * 1024);
    await guestPage.waitForFunction(() => (window as unknown as TestWindow).e2e.pairedMessages?.includes('hello over a paired link'), undefined, {
      timeout: LINK_TIMEOUT_MS,
    });
    await Promise.all(pages.map((page) => page.close()));
    expect(errors()).toEqual([]);
  });
});
