/**
 * An offer or answer for a data-channel-only session, cut to what WebRTC
 * needs, so that it fits a QR code a phone reads from a screen:
 *
 *   setup (1) | ufrag length (1) | ufrag | pwd length (1) | pwd
 *   | fingerprint hash (1: sha-256) | fingerprint (32)
 *   | candidates: kind (1: 4 IPv4, 6 IPv6, 16 mDNS) | address (4 or 16) | port (2, big-endian)
 *
 * Everything else in a browser's SDP (session ids, the data channel's SCTP
 * port, message size, candidate priorities and foundations) is the same for
 * every data-channel session or ours to choose, and is written back by
 * writeSdp. Only UDP host candidates travel: codes are for people in one
 * room, with no STUN or TURN.
 */
import { err, ok } from '../records/result';
import type { Result } from '../records/result';
import { addressFromBytes, addressToBytes } from './webrtc-address';
import type { AddressKind } from './webrtc-address';

export type Setup = 'actpass' | 'active' | 'passive';

export interface HostCandidate {
  readonly kind: AddressKind;
  readonly address: string;
  readonly port: number;
}

export interface CompactDescription {
  readonly setup: Setup;
  readonly ufrag: string;
  readonly pwd: string;
  /** SHA-256 of the DTLS certificate: what makes the link end-to-end with whoever showed the code. */
  readonly fingerprint: Uint8Array;
  /** Best first. */
  readonly candidates: readonly HostCandidate[];
}

/** A compact description never exceeds this; candidates beyond it are left out, worst first. */
export const MAX_COMPACT_BYTES = 200;
export const FINGERPRINT_BYTES = 32;
const MAX_SDP_CHARS = 16 * 1024;
const SETUPS: readonly Setup[] = ['actpass', 'active', 'passive'];
const SHA_256 = 1;
const KIND_CODES: Readonly<Record<AddressKind, number>> = { ipv4: 4, ipv6: 6, mdns: 16 };
const ADDRESS_BYTES: Readonly<Record<AddressKind, number>> = { ipv4: 4, ipv6: 16, mdns: 16 };
/** RFC 8839 ice-char; lengths: ufrag 4-256 and pwd 22-256 by the RFC, capped lower here to keep codes small. */
const ICE_CHARS = /^[A-Za-z0-9+/]*$/;
const UFRAG_LENGTH = { min: 4, max: 32 } as const;
const PWD_LENGTH = { min: 22, max: 64 } as const;

export type SdpProblem = 'too-large' | 'not-data-channel' | 'bad-credentials' | 'bad-fingerprint' | 'bad-setup' | 'no-candidates';
export type CompactProblem = 'too-large' | 'truncated' | 'bad-setup' | 'bad-credentials' | 'bad-fingerprint' | 'bad-candidate' | 'no-candidates';

export interface ReadSdp {
  readonly description: CompactDescription;
  /** The data channel's media id, which an answer must repeat. */
  readonly mid: string;
}

function validCredential(value: string, limits: { readonly min: number; readonly max: number }): boolean {
  return value.length >= limits.min && value.length <= limits.max && ICE_CHARS.test(value);
}

function parseFingerprint(value: string): Uint8Array | null {
  const match = /^sha-256 ((?:[0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2})$/.exec(value.trim());
  if (match === null) return null;
  return Uint8Array.from(match[1]!.split(':'), (pair) => parseInt(pair, 16));
}

interface RankedCandidate extends HostCandidate {
  readonly priority: number;
}

/** `foundation component transport priority address port typ type ...` (RFC 8839). */
function parseCandidate(value: string): RankedCandidate | null {
  const parts = value.trim().split(/\s+/);
  if (parts.length < 8 || parts[6] !== 'typ') return null;
  const [, component, transport = '', priorityText = '', addressText = '', portText = '', , type] = parts;
  if (component !== '1' || transport.toLowerCase() !== 'udp' || type !== 'host') return null;
  const priority = Number(priorityText);
  const port = Number(portText);
  if (!/^\d{1,10}$/.test(priorityText) || !/^\d{1,5}$/.test(portText) || port < 1 || port > 65535) return null;
  const address = addressToBytes(addressText);
  if (address === null) return null;
  return { kind: address.kind, address: addressFromBytes(address.kind, address.bytes), port, priority };
}

/**
 * Reads this browser's own offer or answer. Only one kind of session is
 * understood: a single data-channel media section.
 */
export function readSdp(sdp: string): Result<ReadSdp, SdpProblem> {
  if (sdp.length > MAX_SDP_CHARS) return err('too-large');
  const lines = sdp.split(/\r?\n/);
  const media = lines.filter((line) => line.startsWith('m='));
  if (media.length !== 1 || !/^m=application \d+ UDP\/DTLS\/SCTP webrtc-datachannel$/.test(media[0]!)) {
    return err('not-data-channel');
  }
  const attribute = (name: string): string | undefined => {
    const found = lines.find((line) => line.startsWith(`a=${name}:`));
    return found?.slice(name.length + 3);
  };
  const ufrag = attribute('ice-ufrag') ?? '';
  const pwd = attribute('ice-pwd') ?? '';
  if (!validCredential(ufrag, UFRAG_LENGTH) || !validCredential(pwd, PWD_LENGTH)) return err('bad-credentials');
  const fingerprint = parseFingerprint(attribute('fingerprint') ?? '');
  if (fingerprint === null) return err('bad-fingerprint');
  const setup = attribute('setup') as Setup | undefined;
  if (setup === undefined || !SETUPS.includes(setup)) return err('bad-setup');
  const mid = attribute('mid') ?? '0';
  const seen = new Set<string>();
  const candidates = lines
    .filter((line) => line.startsWith('a=candidate:'))
    .map((line) => parseCandidate(line.slice('a=candidate:'.length)))
    .filter((candidate): candidate is RankedCandidate => {
      if (candidate === null) return false;
      const key = `${candidate.address} ${candidate.port}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => b.priority - a.priority)
    .map(({ kind, address, port }) => ({ kind, address, port }));
  if (candidates.length === 0) return err('no-candidates');
  return ok({ description: { setup, ufrag, pwd, fingerprint, candidates }, mid });
}

/**
 * Keeps the best candidates that fit in maxBytes. Throws on a description
 * readSdp or decodeCompact would not have produced: that is a bug.
 */
export function encodeCompact(description: CompactDescription, maxBytes = MAX_COMPACT_BYTES): Uint8Array {
  const { setup, ufrag, pwd, fingerprint } = description;
  if (!validCredential(ufrag, UFRAG_LENGTH) || !validCredential(pwd, PWD_LENGTH)) throw new RangeError('bad ICE credentials');
  if (fingerprint.length !== FINGERPRINT_BYTES) throw new RangeError('a fingerprint is 32 bytes');
  const out: number[] = [SETUPS.indexOf(setup), ufrag.length];
  for (const c of ufrag) out.push(c.charCodeAt(0));
  out.push(pwd.length);
  for (const c of pwd) out.push(c.charCodeAt(0));
  out.push(SHA_256, ...fingerprint);
  for (const candidate of description.candidates) {
    const address = addressToBytes(candidate.address);
    if (address === null || address.kind !== candidate.kind) throw new RangeError('bad candidate address');
    if (out.length + 1 + address.bytes.length + 2 > maxBytes) continue;
    out.push(KIND_CODES[address.kind], ...address.bytes, candidate.port >> 8, candidate.port & 0xff);
  }
  if (out.length > maxBytes) throw new RangeError('credentials alone exceed the size limit');
  return Uint8Array.from(out);
}

function kindOfCode(code: number): AddressKind | null {
  for (const kind of ['ipv4', 'ipv6', 'mdns'] as const) if (KIND_CODES[kind] === code) return kind;
  return null;
}

/** Reads a compact description from a scanned code; every malformed field is a problem value. */
export function decodeCompact(bytes: Uint8Array): Result<CompactDescription, CompactProblem> {
  if (bytes.length > MAX_COMPACT_BYTES) return err('too-large');
  let at = 0;
  const take = (n: number): Uint8Array | null => {
    if (at + n > bytes.length) return null;
    const part = bytes.subarray(at, at + n);
    at += n;
    return part;
  };
  const setupByte = take(1);
  if (setupByte === null) return err('truncated');
  const setup = SETUPS[setupByte[0]!];
  if (setup === undefined) return err('bad-setup');
  const credential = (limits: { readonly min: number; readonly max: number }): Result<string, CompactProblem> => {
    const length = take(1);
    const text = length === null ? null : take(length[0]!);
    if (text === null) return err('truncated');
    const value = String.fromCharCode(...text);
    return validCredential(value, limits) ? ok(value) : err('bad-credentials');
  };
  const ufrag = credential(UFRAG_LENGTH);
  if (!ufrag.ok) return ufrag;
  const pwd = credential(PWD_LENGTH);
  if (!pwd.ok) return pwd;
  const hash = take(1);
  if (hash === null) return err('truncated');
  if (hash[0] !== SHA_256) return err('bad-fingerprint');
  const fingerprintBytes = take(FINGERPRINT_BYTES);
  if (fingerprintBytes === null) return err('truncated');
  const fingerprint = fingerprintBytes.slice();
  // No certificate hashes to one repeated byte; such a value is a placeholder or damage.
  if (fingerprint.every((b) => b === fingerprint[0])) return err('bad-fingerprint');
  const candidates: HostCandidate[] = [];
  while (at < bytes.length) {
    const kind = kindOfCode(take(1)![0]!);
    if (kind === null) return err('bad-candidate');
    const address = take(ADDRESS_BYTES[kind]);
    const portBytes = take(2);
    if (address === null || portBytes === null) return err('truncated');
    const port = (portBytes[0]! << 8) | portBytes[1]!;
    if (port === 0) return err('bad-candidate');
    candidates.push({ kind, address: addressFromBytes(kind, address), port });
  }
  if (candidates.length === 0) return err('no-candidates');
  return ok({ setup, ufrag: ufrag.value, pwd: pwd.value, fingerprint, candidates });
}

function fingerprintText(fingerprint: Uint8Array): string {
  return Array.from(fingerprint, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(':');
}

/** Host type preference 126, local preference falling with rank, component 1 (RFC 8445 5.1.2.1). */
function hostPriority(rank: number): number {
  return 126 * 2 ** 24 + (65535 - rank) * 2 ** 8 + 255;
}

/**
 * A complete SDP for a data-channel-only session, as a browser would accept
 * it as the remote description. `mid` must match the offer's media id: an
 * answer names the same section as the offer it answers. A description with
 * no candidates is allowed here (see pairing.ts) though never read from a code.
 */
export function writeSdp(description: CompactDescription, mid = '0'): string {
  // Stable for the same description, so the text is reproducible in tests.
  const sessionId = description.fingerprint.subarray(0, 6).reduce((n, b) => n * 256 + b, 0) + 1;
  const lines = [
    'v=0',
    `o=- ${sessionId} 2 IN IP4 127.0.0.1`,
    's=-',
    't=0 0',
    `a=group:BUNDLE ${mid}`,
    'm=application 9 UDP/DTLS/SCTP webrtc-datachannel',
    'c=IN IP4 0.0.0.0',
    ...description.candidates.map(
      (c, rank) => `a=candidate:${rank + 1} 1 udp ${hostPriority(rank)} ${c.address} ${c.port} typ host`,
    ),
    // With none listed, the other side learns addresses from the checks it receives.
    ...(description.candidates.length > 0 ? ['a=end-of-candidates'] : []),
    `a=ice-ufrag:${description.ufrag}`,
    `a=ice-pwd:${description.pwd}`,
    `a=fingerprint:sha-256 ${fingerprintText(description.fingerprint)}`,
    `a=setup:${description.setup}`,
    `a=mid:${mid}`,
    'a=sctp-port:5000',
    'a=max-message-size:262144',
  ];
  return lines.join('\r\n') + '\r\n';
}
