/**
 * Linking two phones with no internet: on the room's Wi-Fi or one phone's
 * hotspot, the host shows an offer code, the guest scans it and shows an
 * answer code, the host scans that, and a WebRTC link opens between them.
 *
 *   offer:  created at (4, seconds, big-endian) | compact offer
 *   answer: offer id (4) | compact answer
 *
 * The offer id is the first bytes of the offer body's SHA-256, so an answer
 * names the exact offer it answers without the offer spending bytes on an id.
 * Both codes stay within QR version 10 at level M (199 bytes of body).
 *
 * Pairing proves nothing about membership: the DTLS fingerprints in the codes
 * make the link end-to-end with whoever was scanned, and the sync session's
 * handshake then proves membership before any circle data flows.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesEqual, concatBytes, toHex } from '../records/bytes';
import { err, ok } from '../records/result';
import type { Result } from '../records/result';
import { CodeKind, encodeFrame, expectFrame } from '../qr/frame';
import type { ExpectFrameProblem } from '../qr/frame';
import { decodeCompact, encodeCompact, readSdp, writeSdp } from './compact-sdp';
import type { CompactDescription, CompactProblem, SdpProblem } from './compact-sdp';
import { createPeer, PeerError } from './peer';
import type { Peer, PeerOptions } from './peer';
import type { WebRtcChannel } from './webrtc-channel';
import type { LinkSet } from './webrtc-links';

const FORMAT_VERSION = 1;
const OFFER_ID_BYTES = 4;
const TIME_BYTES = 4;
/** The most body that keeps a framed code at QR version 10, level M. */
export const MAX_PAIR_BODY_BYTES = 199;
const COMPACT_BUDGET = MAX_PAIR_BODY_BYTES - Math.max(OFFER_ID_BYTES, TIME_BYTES);
/** An offer older than this is refused: a photo of an old code must not link anyone. */
export const OFFER_LIFETIME_MS = 10 * 60 * 1000;
/** How long the link may take to open once the host has the answer. */
const HOST_CONNECT_TIMEOUT_MS = 30_000;

export type PairingProblem =
  | ExpectFrameProblem
  | CompactProblem
  | SdpProblem
  | 'not-an-offer'
  | 'not-an-answer'
  | 'expired'
  | 'not-yet-valid'
  | 'other-offer'
  | 'already-answered'
  | 'rejected'
  | 'busy'
  | 'closed'
  | 'failed';

export interface OfferCode {
  readonly text: string;
  readonly offerId: Uint8Array;
}

export interface ScannedOffer {
  readonly description: CompactDescription;
  readonly offerId: Uint8Array;
  readonly createdAt: number;
}

function offerIdOf(body: Uint8Array): Uint8Array {
  return sha256(body).slice(0, OFFER_ID_BYTES);
}

/** Pairing label shared by both phones: the same offer id on each side. */
export function pairLabel(offerId: Uint8Array): string {
  return `pair-${toHex(offerId)}`;
}

export function encodeOfferCode(description: CompactDescription, createdAtMs: number): OfferCode {
  const time = new Uint8Array(TIME_BYTES);
  new DataView(time.buffer).setUint32(0, Math.floor(createdAtMs / 1000));
  const body = concatBytes(time, encodeCompact(description, COMPACT_BUDGET));
  return { text: encodeFrame(CodeKind.PairOffer, FORMAT_VERSION, body), offerId: offerIdOf(body) };
}

export function encodeAnswerCode(offerId: Uint8Array, description: CompactDescription): string {
  if (offerId.length !== OFFER_ID_BYTES) throw new RangeError('an offer id is 4 bytes');
  return encodeFrame(CodeKind.PairAnswer, FORMAT_VERSION, concatBytes(offerId, encodeCompact(description, COMPACT_BUDGET)));
}

/** What a guest's phone checks in a scanned offer, against its own clock. */
export function readOfferCode(text: string, now: number): Result<ScannedOffer, PairingProblem> {
  const frame = expectFrame(text, CodeKind.PairOffer, [FORMAT_VERSION]);
  if (!frame.ok) return frame;
  const body = frame.value.body;
  if (body.length < TIME_BYTES) return err('truncated');
  const createdAt = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(0) * 1000;
  const description = decodeCompact(body.subarray(TIME_BYTES));
  if (!description.ok) return description;
  if (description.value.setup !== 'actpass') return err('not-an-offer');
  // Phones' clocks differ a little; a code from far ahead is as suspect as an old one.
  if (now - createdAt > OFFER_LIFETIME_MS) return err('expired');
  if (createdAt - now > OFFER_LIFETIME_MS) return err('not-yet-valid');
  return ok({ description: description.value, offerId: offerIdOf(body), createdAt });
}

/** What the host's phone checks in a scanned answer: that it answers this very offer. */
export function readAnswerCode(text: string, offerId: Uint8Array): Result<CompactDescription, PairingProblem> {
  const frame = expectFrame(text, CodeKind.PairAnswer, [FORMAT_VERSION]);
  if (!frame.ok) return frame;
  const body = frame.value.body;
  if (body.length < OFFER_ID_BYTES) return err('truncated');
  const description = decodeCompact(body.subarray(OFFER_ID_BYTES));
  if (!description.ok) return description;
  if (description.value.setup === 'actpass') return err('not-an-answer');
  if (!bytesEqual(body.subarray(0, OFFER_ID_BYTES), offerId)) return err('other-offer');
  return ok(description.value);
}

export interface PairingOptions {
  /** Each link that opens joins this set, labelled with pairLabel. */
  readonly links?: LinkSet;
  readonly now?: () => number;
  /** Stands in for createPeer in tests. */
  readonly createPeer?: (options: PeerOptions) => Peer;
  readonly gatherTimeoutMs?: number;
}

export interface HostPairing {
  readonly role: 'host';
  /** The offer code to show; made once ICE gathering is done. */
  offerCode(): Promise<Result<string, PairingProblem>>;
  /** Takes a scanned answer; on a problem, the host can keep scanning. */
  acceptAnswer(text: string): Promise<Result<void, PairingProblem>>;
  /** Resolves when the link opens; rejects with a PeerError. */
  channel(): Promise<WebRtcChannel>;
  cancel(): void;
}

export interface GuestPairing {
  readonly role: 'guest';
  /** Takes a scanned offer and gives the answer code to show; a failed scan can be retried. */
  acceptOffer(text: string): Promise<Result<string, PairingProblem>>;
  /** Resolves when the link opens; rejects with a PeerError. */
  channel(): Promise<WebRtcChannel>;
  cancel(): void;
}

export function startPairing(role: 'host', options?: PairingOptions): HostPairing;
export function startPairing(role: 'guest', options?: PairingOptions): GuestPairing;
export function startPairing(role: 'host' | 'guest', options: PairingOptions = {}): HostPairing | GuestPairing {
  return role === 'host' ? startHost(options) : startGuest(options);
}

/** Gives an opened link its label in the host's or guest's set of links. */
function joinLinks(channel: Promise<WebRtcChannel>, label: () => string, links: LinkSet | undefined): Promise<WebRtcChannel> {
  return channel.then((opened) => {
    links?.add(label(), opened);
    return opened;
  });
}

function startHost(options: PairingOptions): HostPairing {
  const now = options.now ?? (() => Date.now());
  const make = options.createPeer ?? createPeer;
  const peer = make({
    initiator: true,
    iceServers: [],
    connectTimeoutMs: HOST_CONNECT_TIMEOUT_MS,
    ...(options.gatherTimeoutMs === undefined ? {} : { gatherTimeoutMs: options.gatherTimeoutMs }),
  });
  let offer: { readonly offerId: Uint8Array; readonly createdAt: number; readonly mid: string } | null = null;
  let answered = false;
  let expiry: ReturnType<typeof setTimeout> | null = null;

  const code = (async (): Promise<Result<string, PairingProblem>> => {
    const local = await peer.localDescription();
    if (!local.ok) return local;
    const read = readSdp(local.value.sdp ?? '');
    if (!read.ok) {
      // Typically 'no-candidates': this phone is on no network at all.
      peer.close();
      return read;
    }
    const createdAt = now();
    const made = encodeOfferCode(read.value.description, createdAt);
    offer = { offerId: made.offerId, createdAt, mid: read.value.mid };
    expiry = setTimeout(() => {
      if (!answered) peer.close();
    }, OFFER_LIFETIME_MS);
    return ok(made.text);
  })();
  const opened = joinLinks(peer.channel(), () => pairLabel(offer?.offerId ?? new Uint8Array()), options.links);
  const clearExpiry = (): void => {
    if (expiry !== null) clearTimeout(expiry);
  };
  // Handles the rejection too, so a link that never opens is not reported as unhandled.
  opened.then(clearExpiry, clearExpiry);

  return {
    role: 'host',
    offerCode: () => code,
    async acceptAnswer(text) {
      if (offer === null) return err('busy');
      if (answered) return err('already-answered');
      if (now() - offer.createdAt > OFFER_LIFETIME_MS) return err('expired');
      const answer = readAnswerCode(text, offer.offerId);
      if (!answer.ok) return answer;
      answered = true;
      const accepted = await peer.acceptRemote({ type: 'answer', sdp: writeSdp(answer.value, offer.mid) });
      if (accepted.ok) return ok(undefined);
      // Refused by the browser, so not answered: the member may scan again.
      answered = false;
      return err(accepted.error === 'closed' ? 'closed' : 'rejected');
    },
    channel: () => opened,
    cancel: () => peer.close(),
  };
}

/**
 * The guest's side of one attempt: the offer in, the answer code out.
 *
 * The guest takes the offer without its candidates, so it sends no checks of
 * its own and only answers the host's, which start once the host has scanned
 * the answer. Chromium gives up on checks that go unanswered (measured: a
 * link still opened after two minutes, not after four), and a member may take
 * that long to scan; a guest that only answers waits as long as the offer
 * lives. The host reaches the guest on the candidates in the answer; made
 * while the guest's camera is still on from scanning, they are plain
 * addresses rather than mDNS names that a venue's Wi-Fi might not resolve.
 */
async function answerOffer(peer: Peer, offer: ScannedOffer): Promise<Result<string, PairingProblem>> {
  const accepted = await peer.acceptRemote({ type: 'offer', sdp: writeSdp({ ...offer.description, candidates: [] }) });
  if (!accepted.ok) return err(accepted.error === 'closed' ? 'closed' : 'rejected');
  const local = await peer.localDescription();
  if (!local.ok) return local;
  const read = readSdp(local.value.sdp ?? '');
  if (!read.ok) return read;
  return ok(encodeAnswerCode(offer.offerId, read.value.description));
}

function startGuest(options: PairingOptions): GuestPairing {
  const now = options.now ?? (() => Date.now());
  const make = options.createPeer ?? createPeer;
  let peer: Peer | null = null;
  let busy = false;
  let cancelled = false;
  let label = '';
  let resolveLink: (channel: WebRtcChannel) => void = () => undefined;
  let rejectLink: (error: unknown) => void = () => undefined;
  const linked = new Promise<WebRtcChannel>((resolve, reject) => {
    resolveLink = resolve;
    rejectLink = reject;
  });
  linked.catch(() => undefined);
  const opened = joinLinks(linked, () => label, options.links);
  opened.catch(() => undefined);

  return {
    role: 'guest',
    async acceptOffer(text) {
      if (cancelled) return err('closed');
      if (busy || peer !== null) return err('busy');
      const offer = readOfferCode(text, now());
      if (!offer.ok) return offer;
      busy = true;
      try {
        const attempt = make({
          initiator: false,
          iceServers: [],
          // The host still has to scan our answer; the attempt may not outlive the offer.
          connectTimeoutMs: Math.max(1, offer.value.createdAt + OFFER_LIFETIME_MS - now()),
          ...(options.gatherTimeoutMs === undefined ? {} : { gatherTimeoutMs: options.gatherTimeoutMs }),
        });
        const answer = await answerOffer(attempt, offer.value);
        if (!answer.ok || cancelled) {
          attempt.close();
          return cancelled ? err('closed') : answer;
        }
        peer = attempt;
        label = pairLabel(offer.value.offerId);
        attempt.channel().then(resolveLink, rejectLink);
        return answer;
      } finally {
        busy = false;
      }
    },
    channel: () => opened,
    cancel() {
      cancelled = true;
      if (peer !== null) peer.close();
      else rejectLink(new PeerError('closed'));
    },
  };
}
