import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { describe, expect, it } from 'vitest';
import { concatBytes, toBase64Url, toHex, utf8 } from '../../../src/records/bytes';
import { encodeCbor } from '../../../src/records/cbor';
import type { CborValue } from '../../../src/records/cbor';
import {
  createSignalInbox,
  deriveRoom,
  MAX_SEALED_CHARS,
  newPeerId,
  openSignal,
  ReplayGuard,
  sealSignal,
  SIGNAL_MAX_AGE_MS,
} from '../../../src/sync/room';
import type { RoomKeys, Signal } from '../../../src/sync/room';

const T0 = Date.UTC(2026, 0, 15, 18, 0);

function seeded(seed: number): (length: number) => Uint8Array {
  let state = seed;
  return (length) =>
    Uint8Array.from({ length }, () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state >> 16;
    });
}

const secretA = new Uint8Array(32).fill(1);
const secretB = new Uint8Array(32).fill(2);
const alice = 'a1a1a1a1a1a1a1a1';
const bruno = 'b2b2b2b2b2b2b2b2';

/** Seals any CBOR value with the room key: what a member's buggy or hostile phone could send. */
function sealRaw(room: RoomKeys, value: CborValue, random = seeded(99)): string {
  const nonce = random(24);
  return toBase64Url(concatBytes(nonce, xchacha20poly1305(room.key, nonce, utf8(room.name)).encrypt(encodeCbor(value))));
}

describe('room derivation', () => {
  it('is deterministic, distinct per circle, and shows nothing of the secret', () => {
    const a1 = deriveRoom(secretA);
    const a2 = deriveRoom(secretA.slice());
    const b = deriveRoom(secretB);
    expect(a1).toEqual(a2);
    expect(a1.name).not.toBe(b.name);
    expect(toHex(a1.key)).not.toBe(toHex(b.key));
    expect(a1.name).toMatch(/^tally-[0-9a-f]{32}$/);
    expect(a1.key).toHaveLength(32);
    // The name and the key are independent outputs, neither a piece of the secret.
    expect(a1.name).not.toContain(toHex(secretA).slice(0, 8));
    expect(a1.name.slice(6)).not.toBe(toHex(a1.key).slice(0, 32));
  });

  it('refuses a secret that is not 32 bytes', () => {
    expect(() => deriveRoom(new Uint8Array(16))).toThrow(RangeError);
  });

  it('gives each visit a fresh 8-byte peer id', () => {
    const random = seeded(1);
    const ids = new Set(Array.from({ length: 50 }, () => newPeerId(random)));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('sealed signaling messages', () => {
  const room = deriveRoom(secretA);
  const signals: Signal[] = [
    { kind: 'announce', from: alice, at: T0 },
    { kind: 'announce', from: bruno, to: alice, at: T0 },
    { kind: 'offer', from: alice, to: bruno, at: T0, data: 'v=0\r\n' },
    { kind: 'answer', from: bruno, to: alice, at: T0, data: 'v=0\r\n' },
    { kind: 'candidate', from: alice, to: bruno, at: T0, data: { candidate: 'candidate:1 1 udp 1 10.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 } },
    { kind: 'candidate', from: alice, to: bruno, at: T0, data: { candidate: '', sdpMid: null, sdpMLineIndex: null } },
    { kind: 'bye', from: bruno, at: T0 },
  ];

  it.each(signals.map((signal) => [signal.kind, signal] as const))('%s opens as it was sealed', (_, signal) => {
    const text = sealSignal(room, signal, seeded(3));
    const opened = openSignal(room, text);
    expect(opened.ok && opened.value.signal).toEqual(signal);
  });

  it('shows the server neither peer ids nor contents', () => {
    const text = sealSignal(room, signals[2]!, seeded(3));
    expect(text).not.toContain(alice);
    expect(text).not.toContain('v=0');
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('seals the same signal differently each time (random nonce)', () => {
    const random = seeded(5);
    expect(sealSignal(room, signals[0]!, random)).not.toBe(sealSignal(room, signals[0]!, random));
  });

  describe('an inbox ignores and counts what it must not act on', () => {
    const now = (): number => T0;

    it('forged: sealed with another circle’s key, or altered on the way', () => {
      const inbox = createSignalInbox(room, now);
      const other = sealSignal(deriveRoom(secretB), signals[0]!, seeded(4));
      const good = sealSignal(room, signals[0]!, seeded(6));
      const flipped = good.slice(0, 40) + (good[40] === 'A' ? 'B' : 'A') + good.slice(41);
      expect(inbox.read(other)).toBeNull();
      expect(inbox.read(flipped)).toBeNull();
      expect(inbox.ignored.forged).toBe(2);
    });

    it('forged: sealed for another room with the same key (the room name is bound in)', () => {
      const inbox = createSignalInbox(room, now);
      const elsewhere = sealSignal({ name: 'tally-elsewhere', key: room.key }, signals[0]!, seeded(4));
      expect(inbox.read(elsewhere)).toBeNull();
      expect(inbox.ignored.forged).toBe(1);
    });

    it('replayed: the same message twice (or relayed by two servers) acts once', () => {
      const inbox = createSignalInbox(room, now);
      const text = sealSignal(room, signals[2]!, seeded(7));
      expect(inbox.read(text)).toEqual(signals[2]);
      expect(inbox.read(text)).toBeNull();
      expect(inbox.ignored.replayed).toBe(1);
    });

    it('stale: older than two minutes, or as far ahead', () => {
      const inbox = createSignalInbox(room, now);
      const old = sealSignal(room, { ...signals[0]!, at: T0 - SIGNAL_MAX_AGE_MS - 1 }, seeded(8));
      const ahead = sealSignal(room, { ...signals[0]!, at: T0 + SIGNAL_MAX_AGE_MS + 1 }, seeded(9));
      const edge = sealSignal(room, { ...signals[0]!, at: T0 - SIGNAL_MAX_AGE_MS }, seeded(10));
      expect(inbox.read(old)).toBeNull();
      expect(inbox.read(ahead)).toBeNull();
      expect(inbox.read(edge)).not.toBeNull();
      expect(inbox.ignored.stale).toBe(2);
    });

    it('a replay after the window is stale, not accepted', () => {
      let clock = T0;
      const inbox = createSignalInbox(room, () => clock);
      const text = sealSignal(room, signals[0]!, seeded(11));
      expect(inbox.read(text)).not.toBeNull();
      clock += SIGNAL_MAX_AGE_MS + 1;
      expect(inbox.read(text)).toBeNull();
      expect(inbox.ignored.stale).toBe(1);
    });

    it('too large: refused before any work', () => {
      const inbox = createSignalInbox(room, now);
      expect(inbox.read('A'.repeat(MAX_SEALED_CHARS + 1))).toBeNull();
      expect(inbox.ignored['too-large']).toBe(1);
    });

    it('garbage: not text, not base64url, too short', () => {
      const inbox = createSignalInbox(room, now);
      for (const junk of [null, 42, { type: 'announce' }, ['x'], 'not base64!', '', 'AAAA', 'A'.repeat(50)]) {
        expect(inbox.read(junk)).toBeNull();
      }
      expect(inbox.ignored.malformed + inbox.ignored.forged).toBe(8);
      expect(inbox.ignored.malformed).toBeGreaterThanOrEqual(7);
    });

    it('malformed: opens with the key but is not a signal', () => {
      const inbox = createSignalInbox(room, now);
      const from = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
      const to = Uint8Array.from([8, 7, 6, 5, 4, 3, 2, 1]);
      const fields = (entries: [number, CborValue][]): CborValue => new Map(entries);
      const bad: CborValue[] = [
        'just text',
        fields([[1, 1], [2, 1], [3, from]]),
        fields([[1, 2], [2, 1], [3, from], [5, T0]]),
        fields([[1, 1], [2, 9], [3, from], [5, T0]]),
        fields([[1, 1], [2, 1], [3, from.subarray(0, 4)], [5, T0]]),
        fields([[1, 1], [2, 2], [3, from], [5, T0], [6, 'v=0']]),
        fields([[1, 1], [2, 2], [3, from], [4, to], [5, T0], [6, 'x'.repeat(17_000)]]),
        fields([[1, 1], [2, 4], [3, from], [4, to], [5, T0], [6, ['c', '0']]]),
        fields([[1, 1], [2, 4], [3, from], [4, to], [5, T0], [6, ['c', 5, 0]]]),
        fields([[1, 1], [2, 1], [3, from], [5, T0], [6, 'data on an announce']]),
        fields([[1, 1], [2, 1], [3, from], [5, T0], [9, 'unknown field']]),
      ];
      const random = seeded(12);
      for (const value of bad) expect(inbox.read(sealRaw(room, value, random))).toBeNull();
      expect(inbox.ignored.malformed).toBe(bad.length);
      // The same shape, well formed, goes through.
      expect(inbox.read(sealRaw(room, fields([[1, 1], [2, 1], [3, from], [5, T0]]), random))).toEqual({
        kind: 'announce',
        from: '0102030405060708',
        at: T0,
      });
    });

    it('overloaded: a full memory of recent messages refuses new ones rather than forget and allow a replay', () => {
      const guard = new ReplayGuard(SIGNAL_MAX_AGE_MS, 3);
      let clock = T0;
      const inbox = createSignalInbox(room, () => clock, guard);
      const random = seeded(13);
      for (let i = 0; i < 3; i++) expect(inbox.read(sealSignal(room, { ...signals[0]!, at: clock }, random))).not.toBeNull();
      expect(inbox.read(sealSignal(room, { ...signals[0]!, at: clock }, random))).toBeNull();
      expect(inbox.ignored.overloaded).toBe(1);
      // Once the remembered ones could only be stale, there is room again.
      clock += SIGNAL_MAX_AGE_MS + 1;
      expect(inbox.read(sealSignal(room, { ...signals[0]!, at: clock }, random))).not.toBeNull();
    });
  });
});
