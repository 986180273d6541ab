// The harness itself: the built app loads in Chromium, and the network
// namespace gives WebRTC what later sync tests rely on.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, launchBrowser } from './lib/browser';
import type { LaunchedBrowser } from './lib/browser';
import { expectAccessible } from './lib/axe';

interface PeerWindow {
  peer: {
    pc: RTCPeerConnection;
    channel: Promise<RTCDataChannel>;
    firstMessage: Promise<string>;
  };
}

/**
 * Runs in the page. Without a remote description it makes the offer; with one
 * it answers. Either way it returns its own description once ICE gathering is
 * complete, so no trickle is needed.
 */
async function startPeer(remote: RTCSessionDescriptionInit | null): Promise<RTCSessionDescriptionInit> {
  const deadline = <T>(promise: Promise<T>, what: string): Promise<T> =>
    Promise.race([
      promise,
      new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`timed out: ${what}`)), 20_000)),
    ]);
  const pc = new RTCPeerConnection({ iceServers: [] });
  const channel =
    remote === null
      ? Promise.resolve(pc.createDataChannel('smoke'))
      : new Promise<RTCDataChannel>((done) => pc.addEventListener('datachannel', (event) => done(event.channel)));
  const firstMessage = channel.then(
    (dc) => new Promise<string>((done) => dc.addEventListener('message', (event) => done(String(event.data)))),
  );
  (window as unknown as PeerWindow).peer = {
    pc,
    channel: deadline(channel, 'data channel'),
    firstMessage: deadline(firstMessage, 'first message'),
  };
  const gathered = new Promise<void>((done) => {
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'complete') done();
    });
  });
  if (remote === null) {
    await pc.setLocalDescription(await pc.createOffer());
  } else {
    await pc.setRemoteDescription(remote);
    await pc.setLocalDescription(await pc.createAnswer());
  }
  if (pc.iceGatheringState !== 'complete') await deadline(gathered, 'ICE gathering');
  const local = pc.localDescription;
  if (local === null) throw new Error('no local description');
  return { type: local.type, sdp: local.sdp };
}

function candidateTypes(description: RTCSessionDescriptionInit): string[] {
  return (description.sdp ?? '')
    .split(/\r?\n/)
    .filter((line) => line.startsWith('a=candidate:'))
    .map((line) => /\btyp (\w+)/.exec(line)?.[1] ?? 'unknown');
}

describe('smoke', () => {
  const baseUrl = inject('baseUrl');
  let launched: LaunchedBrowser | undefined;
  const browser = (): LaunchedBrowser => {
    if (launched === undefined) throw new Error('browser did not launch');
    return launched;
  };

  beforeAll(async () => {
    launched = await launchBrowser();
  });
  afterAll(async () => {
    await launched?.close();
  });

  test('the built app loads, has a Tally title, is accessible and logs no errors', async () => {
    const page = await browser().newPage();
    const errors = collectPageErrors(page);
    await page.goto(baseUrl, { waitUntil: 'load' });
    await page.locator('#app').filter({ hasText: /\S/ }).waitFor();
    // Screens prefix their own name, as in "Welcome to Tally · Tally".
    expect(await page.title()).toMatch(/(^| · )Tally$/);
    await expectAccessible(page, 'first screen');
    expect(errors).toEqual([]);
  });

  test('runs in a network namespace of its own, on a veth pair', () => {
    expect(process.env['TALLY_IN_NETNS']).toBe('1');
    const links = execFileSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.split(':')[1]?.trim().split('@')[0]);
    expect(links.sort()).toEqual(['lo', 'v0', 'v1']);
    const routes = execFileSync('ip', ['route'], { encoding: 'utf8' });
    expect(routes).toContain('default via 10.233.0.2 dev v0');
    expect(routes).toMatch(/10\.233\.0\.0\/24 dev v0/);
  });

  test('a WebRTC data channel opens between two pages with host candidates only', async () => {
    const pages: Page[] = [await browser().newPage(), await browser().newPage()];
    const [offerer, answerer] = pages as [Page, Page];
    await Promise.all(pages.map((page) => page.goto(baseUrl)));

    const offer = await offerer.evaluate(startPeer, null);
    const answer = await answerer.evaluate(startPeer, offer);
    for (const description of [offer, answer]) {
      const types = candidateTypes(description);
      expect(types.length).toBeGreaterThan(0);
      expect(new Set(types)).toEqual(new Set(['host']));
    }

    await offerer.evaluate(async (remote) => {
      const { pc, channel } = (window as unknown as PeerWindow).peer;
      await pc.setRemoteDescription(remote);
      const dc = await channel;
      if (dc.readyState !== 'open') {
        await new Promise((done) => dc.addEventListener('open', done, { once: true }));
      }
      dc.send('hello across the veth');
    }, answer);
    const received = await answerer.evaluate(() => (window as unknown as PeerWindow).peer.firstMessage);
    expect(received).toBe('hello across the veth');
    await Promise.all(pages.map((page) => page.close()));
  });
});
