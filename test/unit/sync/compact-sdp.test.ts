import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCompact, encodeCompact, MAX_COMPACT_BYTES, readSdp, writeSdp } from '../../../src/sync/compact-sdp';
import type { CompactDescription } from '../../../src/sync/compact-sdp';
import { addressFromBytes, addressToBytes } from '../../../src/sync/webrtc-address';

const FIXTURES = join(import.meta.dirname, '../../fixtures/sdp');
const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.sdp'))
  .map((name) => ({ name, sdp: readFileSync(join(FIXTURES, name), 'utf8') }));

function described(sdp: string): CompactDescription {
  const read = readSdp(sdp);
  if (!read.ok) throw new Error(`fixture did not read: ${read.error}`);
  return read.value.description;
}

/**
 * The grammar a rebuilt description must follow: RFC 8866 lines in order,
 * one data-channel media section with what RFC 8841 and RFC 8839 require,
 * and host candidates in RFC 8839's candidate-attribute form.
 */
function expectValidDataChannelSdp(sdp: string): void {
  expect(sdp.endsWith('\r\n')).toBe(true);
  const lines = sdp.slice(0, -2).split('\r\n');
  for (const line of lines) expect(line).toMatch(/^[a-z]=[\x20-\x7e]*$/);
  expect(lines.slice(0, 4).map((line) => line[0])).toEqual(['v', 'o', 's', 't']);
  expect(lines[0]).toBe('v=0');
  expect(lines[1]).toMatch(/^o=- \d{1,20} \d+ IN IP4 \S+$/);
  const mediaAt = lines.findIndex((line) => line.startsWith('m='));
  expect(lines.filter((line) => line.startsWith('m='))).toEqual(['m=application 9 UDP/DTLS/SCTP webrtc-datachannel']);
  const media = lines.slice(mediaAt + 1);
  expect(media[0]).toMatch(/^c=IN IP4 0\.0\.0\.0$/);
  const attributes = media.slice(1);
  for (const line of attributes) expect(line.startsWith('a=')).toBe(true);
  const one = (name: string): string => {
    const found = attributes.filter((line) => line.startsWith(`a=${name}:`));
    expect(found, name).toHaveLength(1);
    return found[0]!.slice(name.length + 3);
  };
  expect(one('ice-ufrag')).toMatch(/^[A-Za-z0-9+/]{4,256}$/);
  expect(one('ice-pwd')).toMatch(/^[A-Za-z0-9+/]{22,256}$/);
  expect(one('fingerprint')).toMatch(/^sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  expect(one('setup')).toMatch(/^(actpass|active|passive)$/);
  expect(one('mid')).toMatch(/^[A-Za-z0-9]+$/);
  expect(one('sctp-port')).toBe('5000');
  expect(one('max-message-size')).toMatch(/^\d+$/);
  const bundle = lines.find((line) => line.startsWith('a=group:BUNDLE '));
  expect(bundle).toBe(`a=group:BUNDLE ${one('mid')}`);
  const candidates = attributes.filter((line) => line.startsWith('a=candidate:'));
  expect(candidates.length).toBeGreaterThan(0);
  for (const line of candidates) {
    expect(line).toMatch(/^a=candidate:[A-Za-z0-9+/]{1,32} 1 udp \d{1,10} \S+ \d{1,5} typ host$/);
  }
  expect(attributes).toContain('a=end-of-candidates');
}

describe('compact SDP on offers and answers recorded from Chromium', () => {
  it('has the recorded fixtures: offers and answers with mDNS, IPv4 and IPv6 candidates', () => {
    expect(fixtures.map((f) => f.name).sort()).toEqual([
      'chromium-ipv4-answer.sdp',
      'chromium-ipv4-offer.sdp',
      'chromium-ipv6-answer.sdp',
      'chromium-ipv6-offer.sdp',
      'chromium-mdns-answer.sdp',
      'chromium-mdns-offer.sdp',
    ]);
  });

  for (const { name, sdp } of fixtures) {
    it(`${name}: fits in ${MAX_COMPACT_BYTES} bytes, round-trips, and rebuilds into a valid SDP`, () => {
      const description = described(sdp);
      const bytes = encodeCompact(description);
      expect(bytes.length).toBeLessThanOrEqual(MAX_COMPACT_BYTES);
      const decoded = decodeCompact(bytes);
      expect(decoded).toEqual({ ok: true, value: description });
      const rebuilt = writeSdp(description);
      expectValidDataChannelSdp(rebuilt);
      // Read back, the rebuilt text says the same thing.
      expect(readSdp(rebuilt)).toEqual({ ok: true, value: { description, mid: '0' } });
    });
  }

  it('keeps what a link needs from the original: credentials, fingerprint, role, UDP host candidates best first', () => {
    const sdp = fixtures.find((f) => f.name === 'chromium-ipv6-offer.sdp')!.sdp;
    const description = described(sdp);
    expect(sdp).toContain(`a=ice-ufrag:${description.ufrag}\r\n`);
    expect(sdp).toContain(`a=ice-pwd:${description.pwd}\r\n`);
    expect(description.setup).toBe('actpass');
    const fingerprint = [...description.fingerprint].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(':');
    expect(sdp).toContain(`a=fingerprint:sha-256 ${fingerprint}\r\n`);
    // Four UDP candidates; the TCP ones (port 9, active) cannot be dialled and are left out.
    expect(description.candidates.map((c) => c.kind)).toEqual(['ipv6', 'ipv6', 'ipv4', 'ipv4']);
    for (const c of description.candidates) expect(sdp).toContain(` ${c.address} ${c.port} typ host`);
    const answer = described(fixtures.find((f) => f.name === 'chromium-mdns-answer.sdp')!.sdp);
    expect(answer.setup).toBe('active');
    expect(answer.candidates).toHaveLength(1);
    expect(answer.candidates[0]!.address).toMatch(/^[0-9a-f-]{36}\.local$/);
  });

  it('sizes: credentials and fingerprint take 64 bytes; an IPv4 candidate 7, an IPv6 or mDNS one 19', () => {
    const sizes = Object.fromEntries(fixtures.map(({ name, sdp }) => [name, encodeCompact(described(sdp)).length]));
    expect(sizes).toEqual({
      'chromium-ipv4-answer.sdp': 64 + 2 * 7,
      'chromium-ipv4-offer.sdp': 64 + 2 * 7,
      'chromium-ipv6-answer.sdp': 64 + 2 * 19 + 2 * 7,
      'chromium-ipv6-offer.sdp': 64 + 2 * 19 + 2 * 7,
      'chromium-mdns-answer.sdp': 64 + 19,
      'chromium-mdns-offer.sdp': 64 + 19,
    });
  });

  it('leaves out the worst candidates when there are more than fit', () => {
    const base = described(fixtures.find((f) => f.name === 'chromium-ipv4-offer.sdp')!.sdp);
    const many: CompactDescription = {
      ...base,
      candidates: Array.from({ length: 40 }, (_, i) => ({ kind: 'ipv6' as const, address: `fd00::${(i + 1).toString(16)}`, port: 5000 + i })),
    };
    const bytes = encodeCompact(many);
    expect(bytes.length).toBeLessThanOrEqual(MAX_COMPACT_BYTES);
    const decoded = decodeCompact(bytes);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.value.candidates).toEqual(many.candidates.slice(0, decoded.value.candidates.length));
    expect(decoded.value.candidates.length).toBe(Math.floor((MAX_COMPACT_BYTES - 64) / 19));
    expect(encodeCompact(many, 100).length).toBeLessThanOrEqual(100);
  });
});

describe('reading an SDP refuses what cannot be compacted', () => {
  const offer = fixtures.find((f) => f.name === 'chromium-ipv4-offer.sdp')!.sdp;
  const cases: [string, string, string][] = [
    ['audio as well', offer + 'm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n', 'not-data-channel'],
    ['no media', 'v=0\r\ns=-\r\n', 'not-data-channel'],
    ['a short password', offer.replace(/a=ice-pwd:\S+/, 'a=ice-pwd:short'), 'bad-credentials'],
    ['a ufrag with a space', offer.replace(/a=ice-ufrag:\S+/, 'a=ice-ufrag:ab cd'), 'bad-credentials'],
    ['a SHA-1 fingerprint', offer.replace(/a=fingerprint:sha-256 \S+/, 'a=fingerprint:sha-1 AB:CD'), 'bad-fingerprint'],
    ['a cut fingerprint', offer.replace(/(a=fingerprint:sha-256 \S+):[0-9A-F]{2}\r\n/, '$1\r\n'), 'bad-fingerprint'],
    ['no setup', offer.replace(/a=setup:\S+\r\n/, ''), 'bad-setup'],
    ['a made-up setup', offer.replace(/a=setup:\S+/, 'a=setup:holdconn'), 'bad-setup'],
    ['only TCP candidates', offer.replace(/a=candidate:\S+ 1 udp [^\r]*\r\n/g, ''), 'no-candidates'],
    ['an enormous text', offer + 'a=x:'.concat('y'.repeat(20_000)), 'too-large'],
  ];
  for (const [what, sdp, problem] of cases) {
    it(`${what}: ${problem}`, () => {
      expect(readSdp(sdp)).toEqual({ ok: false, error: problem });
    });
  }

  it('skips candidates it cannot use rather than failing', () => {
    const odd = offer.replace(
      'a=ice-ufrag',
      'a=candidate:1 1 udp 1 10.0.0.1 0 typ host\r\na=candidate:2 1 udp 1 fe80::1%eth0 5000 typ host\r\n' +
        'a=candidate:3 1 udp 1 203.0.113.5 5000 typ srflx raddr 0.0.0.0 rport 0\r\na=candidate:4 2 udp 1 10.0.0.2 5000 typ host\r\na=ice-ufrag',
    );
    const read = readSdp(odd);
    if (!read.ok) throw new Error(read.error);
    expect(read.value.description.candidates.map((c) => c.address)).toEqual(['10.233.0.1', '10.233.0.2']);
  });
});

describe('decoding a compact description refuses damage with a problem, never a throw', () => {
  const good = encodeCompact(described(fixtures.find((f) => f.name === 'chromium-ipv6-offer.sdp')!.sdp));

  it('every truncation is a problem', () => {
    for (let length = 0; length < good.length; length++) {
      const decoded = decodeCompact(good.subarray(0, length));
      // A cut exactly between candidates still decodes, with fewer candidates.
      if (decoded.ok) expect(decoded.value.candidates.length).toBeGreaterThan(0);
      else expect(['truncated', 'no-candidates']).toContain(decoded.error);
    }
  });

  const altered = (at: number, value: number): Uint8Array => {
    const copy = good.slice();
    copy[at] = value;
    return copy;
  };
  const ufragLength = good[1]!;
  const pwdAt = 2 + ufragLength;
  const hashAt = pwdAt + 1 + good[pwdAt]!;
  const candidatesAt = hashAt + 33;

  it.each([
    ['a setup byte out of range', altered(0, 3), 'bad-setup'],
    ['a ufrag too short', altered(1, 2), 'bad-credentials'],
    ['a ufrag with a character ICE does not allow', altered(2, 0x21), 'bad-credentials'],
    ['a password with a control character', altered(pwdAt + 3, 0x0a), 'bad-credentials'],
    ['an unknown fingerprint hash', altered(hashAt, 2), 'bad-fingerprint'],
    ['an unknown candidate kind', altered(candidatesAt, 5), 'bad-candidate'],
    ['a fingerprint of one repeated byte', (() => {
      const copy = good.slice();
      copy.fill(0, hashAt + 1, hashAt + 33);
      return copy;
    })(), 'bad-fingerprint'],
    ['port zero', (() => {
      const copy = good.slice();
      copy.fill(0, candidatesAt + 17, candidatesAt + 19);
      return copy;
    })(), 'bad-candidate'],
    ['more than the size limit', new Uint8Array(MAX_COMPACT_BYTES + 1), 'too-large'],
    ['nothing', new Uint8Array(0), 'truncated'],
  ])('%s', (_, bytes, problem) => {
    expect(decodeCompact(bytes)).toEqual({ ok: false, error: problem });
  });

  it('random bytes never throw', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff;
    for (let i = 0; i < 2000; i++) {
      const bytes = Uint8Array.from({ length: next() % 120 }, next);
      expect(() => decodeCompact(bytes)).not.toThrow();
    }
  });
});

describe('candidate addresses', () => {
  it.each([
    ['10.233.0.1', 'ipv4', '10.233.0.1'],
    ['::', 'ipv6', '::'],
    ['::1', 'ipv6', '::1'],
    ['fd00:233::1', 'ipv6', 'fd00:233::1'],
    ['FD00:0233:0000:0000:0000:0000:0000:0001', 'ipv6', 'fd00:233::1'],
    ['1:0:0:2:0:0:0:3', 'ipv6', '1:0:0:2::3'],
    ['2001:db8:0:1:1:1:1:1', 'ipv6', '2001:db8:0:1:1:1:1:1'],
    ['::ffff:192.0.2.1', 'ipv6', '::ffff:c000:201'],
    ['93CB22C3-623D-436B-A478-53FD64500E9A.local', 'mdns', '93cb22c3-623d-436b-a478-53fd64500e9a.local'],
  ])('%s is %s and reads back as %s', (text, kind, canonical) => {
    const bytes = addressToBytes(text);
    expect(bytes?.kind).toBe(kind);
    expect(addressFromBytes(bytes!.kind, bytes!.bytes)).toBe(canonical);
  });

  it.each(['256.1.1.1', '01.2.3.4', '1.2.3', '1:2:3:4:5:6:7:8:9', '1:::2', '1::2::3', 'fe80::1%eth0', ':1:2:3:4:5:6:7', '1.2.3.4::', 'host.local', 'example.com', ''])(
    '%j is refused',
    (text) => {
      expect(addressToBytes(text)).toBeNull();
    },
  );
});
