import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { base45Decode } from '../../../src/qr/base45';
import { CodeKind, encodeFrame } from '../../../src/qr/frame';
import { versionForText } from '../../../src/qr/generate';
import { bytesEqual, toHex } from '../../../src/records/bytes';
import { err, ok } from '../../../src/records/result';
import { encodeCompact, readSdp } from '../../../src/sync/compact-sdp';
import type { CompactDescription } from '../../../src/sync/compact-sdp';
import { memoryLink } from '../../../src/sync/memory-channel';
import type { Peer, PeerOptions } from '../../../src/sync/peer';
import {
  encodeAnswerCode,
  encodeOfferCode,
  OFFER_LIFETIME_MS,
  pairLabel,
  readAnswerCode,
  readOfferCode,
  startPairing,
} from '../../../src/sync/pairing';
import type { WebRtcChannel } from '../../../src/sync/webrtc-channel';
import { createLinkSet } from '../../../src/sync/webrtc-links';

const FIXTURES = join(import.meta.dirname, '../../fixtures/sdp');
const sdpOf = (name: string): string => readFileSync(join(FIXTURES, `chromium-${name}.sdp`), 'utf8');
function described(name: string): CompactDescription {
  const read = readSdp(sdpOf(name));
  if (!read.ok) throw new Error(read.error);
  return read.value.description;
}
const T0 = Date.UTC(2026, 2, 1, 19, 30);

describe('pairing codes', () => {
  for (const kind of ['mdns', 'ipv4', 'ipv6']) {
    it(`${kind}: an offer and its answer round-trip and fit QR version 10 at level M`, () => {
      const offer = encodeOfferCode(described(`${kind}-offer`), T0);
      expect(versionForText(offer.text)).toBeLessThanOrEqual(10);
      const scanned = readOfferCode(offer.text, T0 + 1000);
      if (!scanned.ok) throw new Error(scanned.error);
      expect(scanned.value.description).toEqual(described(`${kind}-offer`));
      expect(bytesEqual(scanned.value.offerId, offer.offerId)).toBe(true);
      expect(scanned.value.createdAt).toBe(T0);

      const answer = encodeAnswerCode(offer.offerId, described(`${kind}-answer`));
      expect(versionForText(answer)).toBeLessThanOrEqual(10);
      expect(readAnswerCode(answer, offer.offerId)).toEqual(ok(described(`${kind}-answer`)));
    });
  }

  it('a description with more candidates than fit still makes a version-10 code, keeping the best ones', () => {
    const many: CompactDescription = {
      ...described('ipv6-offer'),
      candidates: Array.from({ length: 30 }, (_, i) => ({ kind: 'mdns' as const, address: `${'0'.repeat(7)}${(i % 10).toString()}-0000-4000-8000-${String(i).padStart(12, '0')}.local`, port: 40000 + i })),
    };
    const offer = encodeOfferCode(many, T0);
    expect(versionForText(offer.text)).toBe(10);
    const scanned = readOfferCode(offer.text, T0);
    if (!scanned.ok) throw new Error(scanned.error);
    expect(scanned.value.description.candidates).toEqual(many.candidates.slice(0, scanned.value.description.candidates.length));
    expect(versionForText(encodeAnswerCode(offer.offerId, { ...many, setup: 'active' }))).toBe(10);
  });

  it('each offer has its own id, taken from its content', () => {
    const a = encodeOfferCode(described('ipv4-offer'), T0);
    const b = encodeOfferCode(described('ipv4-offer'), T0 + 1000);
    const c = encodeOfferCode(described('mdns-offer'), T0);
    expect(new Set([a, b, c].map((o) => toHex(o.offerId))).size).toBe(3);
    expect(pairLabel(a.offerId)).toMatch(/^pair-[0-9a-f]{8}$/);
  });

  describe('bad input is a problem value', () => {
    const offer = encodeOfferCode(described('ipv4-offer'), T0);
    const answer = encodeAnswerCode(offer.offerId, described('ipv4-answer'));
    /** A frame of the right kind around a body we choose: damage the QR code and CRC cannot see. */
    const reframe = (text: string, change: (body: Uint8Array) => Uint8Array): string => {
      const bytes = base45Decode(text)!;
      return encodeFrame(bytes[2]!, bytes[3]!, change(bytes.slice(4, bytes.length - 4)));
    };
    const at = (body: Uint8Array, index: number, value: number): Uint8Array => {
      const copy = body.slice();
      copy[index] = value;
      return copy;
    };
    // Offset of the fingerprint's hash byte in an offer body: time, setup, ufrag, pwd.
    const compact = encodeCompact(described('ipv4-offer'));
    const hashAt = 4 + 2 + compact[1]! + 1 + compact[2 + compact[1]!]!;

    it.each([
      ['a code from another app', 'https://example.com/hello', 'not-tally'],
      ['plain words', 'HELLO WORLD', 'not-tally'],
      ['a truncated code', offer.text.slice(0, offer.text.length - 7), 'damaged'],
      ['a code cut mid-character', offer.text.slice(0, offer.text.length - 1), 'damaged'],
      ['an exchange draft', encodeFrame(CodeKind.ExchangeDraft, 1, new Uint8Array(20)), 'wrong-kind'],
      ['the answer, scanned where the offer was expected', answer, 'wrong-kind'],
      ['a body cut inside the time', reframe(offer.text, (b) => b.slice(0, 3)), 'truncated'],
      ['a body cut inside the fingerprint', reframe(offer.text, (b) => b.slice(0, hashAt + 10)), 'truncated'],
      ['a fingerprint hash we do not know', reframe(offer.text, (b) => at(b, hashAt, 9)), 'bad-fingerprint'],
      ['a blank fingerprint', reframe(offer.text, (b) => { const c = b.slice(); c.fill(0, hashAt + 1, hashAt + 33); return c; }), 'bad-fingerprint'],
      ['a ufrag with a quote in it', reframe(offer.text, (b) => at(b, 6, 0x22)), 'bad-credentials'],
      ['a password of zero length', reframe(offer.text, (b) => at(b, 4 + 2 + compact[1]!, 0)), 'bad-credentials'],
      ['an answer dressed as an offer', reframe(offer.text, (b) => at(b, 4, 1)), 'not-an-offer'],
      ['no candidates at all', reframe(offer.text, (b) => b.slice(0, hashAt + 33)), 'no-candidates'],
      ['an offer older than ten minutes', encodeOfferCode(described('ipv4-offer'), T0 - OFFER_LIFETIME_MS - 1000).text, 'expired'],
      ['an offer from further ahead than any clock drifts', encodeOfferCode(described('ipv4-offer'), T0 + OFFER_LIFETIME_MS + 1000).text, 'not-yet-valid'],
    ])('offer: %s → %s', (_, text, problem) => {
      expect(readOfferCode(text, T0)).toEqual(err(problem));
    });

    it('a format version this phone does not know', () => {
      const bytes = base45Decode(offer.text)!;
      const text = encodeFrame(CodeKind.PairOffer, 2, bytes.slice(4, bytes.length - 4));
      expect(readOfferCode(text, T0)).toEqual(err('unsupported-version'));
    });

    it.each([
      ['an answer for another offer', encodeAnswerCode(encodeOfferCode(described('mdns-offer'), T0).offerId, described('ipv4-answer')), 'other-offer'],
      ['the offer, scanned where the answer was expected', offer.text, 'wrong-kind'],
      ['an offer dressed as an answer', reframe(answer, (b) => at(b, 4, 0)), 'not-an-answer'],
      ['a body shorter than the offer id', reframe(answer, (b) => b.slice(0, 3)), 'truncated'],
      ['a truncated code', answer.slice(0, 40), 'damaged'],
      ['garbage', '%%%%', 'not-tally'],
    ])('answer: %s → %s', (_, text, problem) => {
      expect(readAnswerCode(text, offer.offerId)).toEqual(err(problem));
    });

    it('an enormous paste is refused before any work', () => {
      expect(readOfferCode('A'.repeat(100_000), T0)).toEqual(err('too-large'));
    });
  });
});

/**
 * Peers that link in memory once both descriptions are accepted, standing in
 * for RTCPeerConnection: each side's local description is a recorded one, and
 * a host and guest link when each holds the other's fingerprint.
 */
function fakeNetwork() {
  interface FakePeer {
    readonly local: CompactDescription;
    remote: CompactDescription | null;
    resolve(channel: WebRtcChannel): void;
    reject(error: unknown): void;
    closed: boolean;
  }
  const peers: FakePeer[] = [];
  const remoteSdps: string[] = [];
  let guestFixture = 0;
  const guestAnswers = ['ipv4-answer', 'mdns-answer', 'ipv6-answer'];
  let refuseNextOffer = false;
  const asWebRtc = (channel: ReturnType<typeof memoryLink>['a']): WebRtcChannel => ({
    ...channel,
    stats: () => ({ messagesIn: 0, messagesOut: 0, droppedNotBinary: 0, droppedTooLarge: 0, droppedUnheard: 0 }),
    closeReason: () => null,
  });
  const tryLink = (me: FakePeer): void => {
    const other = peers.find((p) => p !== me && !p.closed && p.remote !== null && me.remote !== null && bytesEqual(p.remote.fingerprint, me.local.fingerprint) && bytesEqual(me.remote.fingerprint, p.local.fingerprint));
    if (other === undefined) return;
    const link = memoryLink();
    me.resolve(asWebRtc(link.a));
    other.resolve(asWebRtc(link.b));
  };
  const createPeer = (options: PeerOptions): Peer => {
    const local = options.initiator ? described('ipv4-offer') : described(guestAnswers[guestFixture++ % guestAnswers.length]!);
    let resolve!: (channel: WebRtcChannel) => void;
    let reject!: (error: unknown) => void;
    const opened = new Promise<WebRtcChannel>((done, fail) => {
      resolve = done;
      reject = fail;
    });
    opened.catch(() => undefined);
    const me: FakePeer = { local, remote: null, resolve, reject, closed: false };
    peers.push(me);
    const localText = (): string => sdpOf(options.initiator ? 'ipv4-offer' : guestAnswers[(guestFixture - 1) % guestAnswers.length]!);
    const remoteSet = { done: false };
    return {
      localDescription: () =>
        Promise.resolve(options.initiator || remoteSet.done ? ok({ type: options.initiator ? 'offer' : 'answer', sdp: localText() }) : err('closed')),
      acceptRemote(description) {
        if (me.closed) return Promise.resolve(err('closed'));
        if (refuseNextOffer && !options.initiator) {
          refuseNextOffer = false;
          return Promise.resolve(err('rejected'));
        }
        remoteSdps.push(description.sdp ?? '');
        // The guest is given the offer without candidates, which readSdp refuses: read the rest.
        const read = readSdp((description.sdp ?? '').replace('a=ice-ufrag', 'a=candidate:1 1 udp 1 10.0.0.9 9999 typ host\r\na=ice-ufrag'));
        if (!read.ok) return Promise.resolve(err('rejected'));
        me.remote = read.value.description;
        remoteSet.done = true;
        tryLink(me);
        return Promise.resolve(ok(undefined));
      },
      addCandidate: () => Promise.resolve(),
      channel: () => opened,
      close() {
        me.closed = true;
        reject(new Error('closed'));
      },
    };
  };
  return { createPeer, peers, remoteSdps, refuseNext: () => (refuseNextOffer = true) };
}

describe('startPairing', () => {
  it('host shows an offer, guest answers, host scans the answer: both get a link with the same label', async () => {
    const net = fakeNetwork();
    const hostLinks = createLinkSet();
    const guestLinks = createLinkSet();
    const host = startPairing('host', { createPeer: net.createPeer, now: () => T0, links: hostLinks });
    const guest = startPairing('guest', { createPeer: net.createPeer, now: () => T0 + 5000, links: guestLinks });
    const offer = await host.offerCode();
    if (!offer.ok) throw new Error(offer.error);
    const answer = await guest.acceptOffer(offer.value);
    if (!answer.ok) throw new Error(answer.error);
    expect(await host.acceptAnswer(answer.value)).toEqual(ok(undefined));
    const [a, b] = await Promise.all([host.channel(), guest.channel()]);
    const received = new Promise<Uint8Array>((done) => b.onMessage(done));
    a.send(Uint8Array.of(1, 2, 3));
    expect(await received).toEqual(Uint8Array.of(1, 2, 3));
    expect(hostLinks.list().map((l) => l.label)).toEqual(guestLinks.list().map((l) => l.label));
    expect(hostLinks.list()[0]!.label).toMatch(/^pair-[0-9a-f]{8}$/);
  });

  it('the guest dials nothing itself: it takes the offer without candidates and answers the host’s checks', async () => {
    const net = fakeNetwork();
    const host = startPairing('host', { createPeer: net.createPeer, now: () => T0 });
    const guest = startPairing('guest', { createPeer: net.createPeer, now: () => T0 });
    const offer = await host.offerCode();
    if (!offer.ok) throw new Error(offer.error);
    const answer = await guest.acceptOffer(offer.value);
    if (!answer.ok) throw new Error(answer.error);
    expect(await host.acceptAnswer(answer.value)).toEqual(ok(undefined));
    const [toGuest, toHost] = net.remoteSdps;
    expect(toGuest).toContain('a=ice-ufrag:');
    expect(toGuest).not.toMatch(/a=candidate:|a=end-of-candidates/);
    expect(toHost).toMatch(/a=candidate:1 1 udp \d+ 10\.233\.0\.1 \d+ typ host/);
  });

  it('the host keeps scanning past a wrong code, and takes one answer only', async () => {
    const net = fakeNetwork();
    const host = startPairing('host', { createPeer: net.createPeer, now: () => T0 });
    const guest = startPairing('guest', { createPeer: net.createPeer, now: () => T0 });
    const offer = await host.offerCode();
    if (!offer.ok) throw new Error(offer.error);
    const answer = await guest.acceptOffer(offer.value);
    if (!answer.ok) throw new Error(answer.error);
    const stale = encodeAnswerCode(Uint8Array.of(1, 2, 3, 4), described('ipv4-answer'));
    expect(await host.acceptAnswer(stale)).toEqual(err('other-offer'));
    expect(await host.acceptAnswer(offer.value)).toEqual(err('wrong-kind'));
    expect(await host.acceptAnswer('not a tally code')).toEqual(err('not-tally'));
    expect(await host.acceptAnswer(answer.value)).toEqual(ok(undefined));
    expect(await host.acceptAnswer(answer.value)).toEqual(err('already-answered'));
    await host.channel();
  });

  it('an offer is answered within ten minutes or not at all', async () => {
    const net = fakeNetwork();
    let clock = T0;
    const host = startPairing('host', { createPeer: net.createPeer, now: () => clock });
    const guest = startPairing('guest', { createPeer: net.createPeer, now: () => clock });
    const offer = await host.offerCode();
    if (!offer.ok) throw new Error(offer.error);
    const answer = await guest.acceptOffer(offer.value);
    if (!answer.ok) throw new Error(answer.error);
    clock += OFFER_LIFETIME_MS + 1;
    expect(await host.acceptAnswer(answer.value)).toEqual(err('expired'));
    // And a guest who finds the photo of that offer later cannot use it.
    expect(await startPairing('guest', { createPeer: net.createPeer, now: () => clock }).acceptOffer(offer.value)).toEqual(err('expired'));
    host.cancel();
  });

  it('a guest whose browser refuses the offer may scan again; once linked it is busy', async () => {
    const net = fakeNetwork();
    const host = startPairing('host', { createPeer: net.createPeer, now: () => T0 });
    const guest = startPairing('guest', { createPeer: net.createPeer, now: () => T0 });
    const offer = await host.offerCode();
    if (!offer.ok) throw new Error(offer.error);
    expect(await guest.acceptOffer('HELLO')).toEqual(err('not-tally'));
    net.refuseNext();
    expect(await guest.acceptOffer(offer.value)).toEqual(err('rejected'));
    const answer = await guest.acceptOffer(offer.value);
    expect(answer.ok).toBe(true);
    expect(await guest.acceptOffer(offer.value)).toEqual(err('busy'));
  });

  it('a cancelled guest rejects its channel', async () => {
    const guest = startPairing('guest', { createPeer: fakeNetwork().createPeer, now: () => T0 });
    guest.cancel();
    await expect(guest.channel()).rejects.toMatchObject({ problem: 'closed' });
  });

  it('a gathering host keeps every link open: one per guest, each on its own offer', async () => {
    const net = fakeNetwork();
    const links = createLinkSet();
    const opened: WebRtcChannel[] = [];
    for (let i = 0; i < 3; i++) {
      const host = startPairing('host', { createPeer: net.createPeer, now: () => T0, links });
      const guest = startPairing('guest', { createPeer: net.createPeer, now: () => T0 });
      const offer = await host.offerCode();
      if (!offer.ok) throw new Error(offer.error);
      const answer = await guest.acceptOffer(offer.value);
      if (!answer.ok) throw new Error(answer.error);
      expect(await host.acceptAnswer(answer.value)).toEqual(ok(undefined));
      opened.push(await host.channel());
    }
    expect(links.list()).toHaveLength(3);
    opened[1]!.close('done');
    await new Promise((done) => setTimeout(done, 0));
    expect(links.list().map((l) => l.channel)).toEqual([opened[0], opened[2]]);
  });
});
