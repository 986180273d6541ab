/**
 * The three kinds of address a host candidate carries, as bytes and back:
 * IPv4, IPv6, and the random mDNS names ("<uuid>.local") that browsers show
 * instead of a private address until a page may use the camera. Parsing is
 * strict, so one address has one encoding and anything odd is refused.
 */

export type AddressKind = 'ipv4' | 'ipv6' | 'mdns';

export interface AddressBytes {
  readonly kind: AddressKind;
  readonly bytes: Uint8Array;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const MDNS = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.local$/i;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

function ipv4Bytes(text: string): Uint8Array | null {
  return IPV4.test(text) ? Uint8Array.from(text.split('.'), Number) : null;
}

/** RFC 4291 text forms, with "::" and a trailing dotted IPv4; no zone ids. */
function ipv6Bytes(text: string): Uint8Array | null {
  if (text.length > 45) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = ipv4Bytes(piece);
        if (v4 === null) return null;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (HEX_GROUP.test(piece)) {
        out.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (head === null || tail === null) return null;
  // A trailing dotted part is only allowed at the very end.
  if (halves.length === 2 && halves[0]!.includes('.')) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    bytes[i * 2] = group >> 8;
    bytes[i * 2 + 1] = group & 0xff;
  });
  return bytes;
}

function mdnsBytes(text: string): Uint8Array | null {
  if (!MDNS.test(text)) return null;
  const hex = text.slice(0, 36).replaceAll('-', '');
  return Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
}

export function addressToBytes(text: string): AddressBytes | null {
  const v4 = ipv4Bytes(text);
  if (v4 !== null) return { kind: 'ipv4', bytes: v4 };
  const mdns = mdnsBytes(text);
  if (mdns !== null) return { kind: 'mdns', bytes: mdns };
  const v6 = ipv6Bytes(text);
  return v6 === null ? null : { kind: 'ipv6', bytes: v6 };
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** RFC 5952: lowercase, no leading zeros, the longest run of two or more zero groups as "::". */
function formatIpv6(bytes: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const text = (from: number, to: number): string => groups.slice(from, to).map((g) => g.toString(16)).join(':');
  if (bestStart < 0) return text(0, 8);
  return `${text(0, bestStart)}::${text(bestStart + bestLength, 8)}`;
}

/** Throws on a length that does not match the kind: callers check lengths when they read. */
export function addressFromBytes(kind: AddressKind, bytes: Uint8Array): string {
  switch (kind) {
    case 'ipv4':
      if (bytes.length !== 4) throw new RangeError('an IPv4 address is 4 bytes');
      return Array.from(bytes).join('.');
    case 'ipv6':
      if (bytes.length !== 16) throw new RangeError('an IPv6 address is 16 bytes');
      return formatIpv6(bytes);
    case 'mdns': {
      if (bytes.length !== 16) throw new RangeError('an mDNS name is 16 bytes');
      const h = hex(bytes);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}.local`;
    }
  }
}
