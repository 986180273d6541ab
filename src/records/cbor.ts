/**
 * A strict subset of deterministically encoded CBOR (RFC 8949 section 4.2).
 *
 * Signatures are checked over the exact bytes received, so a value must have
 * exactly one encoding: the decoder refuses anything the encoder would not have
 * written (long-form integers, unsorted or duplicate map keys, indefinite
 * lengths, floats, tags, malformed UTF-8). Maps take unsigned integer keys only,
 * which keeps records compact and makes key order simply numeric order.
 */
import { fromUtf8, utf8 } from './bytes';

export type CborValue =
  | number
  | string
  | boolean
  | null
  | Uint8Array
  | readonly CborValue[]
  | CborMap;
export type CborMap = ReadonlyMap<number, CborValue>;

export type CborResult = { readonly ok: true; readonly value: CborValue } | { readonly ok: false; readonly error: string };

const MAX_DEPTH = 16;
const LONE_SURROGATE = /\p{Cs}/u;

export function encodeCbor(value: CborValue): Uint8Array {
  const out: number[] = [];
  write(out, value, 0);
  return Uint8Array.from(out);
}

function writeHead(out: number[], major: number, n: number): void {
  const m = major << 5;
  if (n < 24) out.push(m | n);
  else if (n < 0x100) out.push(m | 24, n);
  else if (n < 0x10000) out.push(m | 25, n >> 8, n & 0xff);
  else if (n < 0x100000000) out.push(m | 26, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  else {
    const high = Math.floor(n / 0x100000000);
    const low = n >>> 0;
    out.push(m | 27, 0, (high >>> 16) & 0xff, (high >>> 8) & 0xff, high & 0xff);
    out.push((low >>> 24) & 0xff, (low >>> 16) & 0xff, (low >>> 8) & 0xff, low & 0xff);
  }
}

function write(out: number[], value: CborValue, depth: number): void {
  if (depth > MAX_DEPTH) throw new RangeError('CBOR value nested too deeply');
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`CBOR encodes safe integers only, got ${value}`);
    if (value >= 0) writeHead(out, 0, value);
    else writeHead(out, 1, -1 - value);
  } else if (typeof value === 'string') {
    // UTF-8 cannot carry a lone surrogate: it would silently become U+FFFD, and two
    // different strings would share one encoding.
    if (LONE_SURROGATE.test(value)) throw new RangeError('CBOR text must be well-formed Unicode');
    const bytes = utf8(value);
    writeHead(out, 3, bytes.length);
    for (const b of bytes) out.push(b);
  } else if (typeof value === 'boolean') {
    out.push(value ? 0xf5 : 0xf4);
  } else if (value === null) {
    out.push(0xf6);
  } else if (value instanceof Uint8Array) {
    writeHead(out, 2, value.length);
    for (const b of value) out.push(b);
  } else if (Array.isArray(value)) {
    writeHead(out, 4, value.length);
    for (const item of value as readonly CborValue[]) write(out, item, depth + 1);
  } else {
    const map = value as CborMap;
    const keys = [...map.keys()].sort((a, b) => a - b);
    writeHead(out, 5, keys.length);
    for (const key of keys) {
      if (!Number.isSafeInteger(key) || key < 0) throw new RangeError(`CBOR map keys are unsigned integers, got ${key}`);
      writeHead(out, 0, key);
      write(out, map.get(key)!, depth + 1);
    }
  }
}

class DecodeError extends Error {}

/** Decodes exactly one canonical value that fills the whole input. */
export function decodeCbor(bytes: Uint8Array): CborResult {
  const reader = { bytes, offset: 0 };
  try {
    const value = read(reader, 0);
    if (reader.offset !== bytes.length) return { ok: false, error: 'trailing bytes after the value' };
    return { ok: true, value };
  } catch (error) {
    if (error instanceof DecodeError) return { ok: false, error: error.message };
    throw error;
  }
}

interface Reader {
  readonly bytes: Uint8Array;
  offset: number;
}

function take(reader: Reader, n: number): Uint8Array {
  if (n > reader.bytes.length - reader.offset) throw new DecodeError('truncated');
  const slice = reader.bytes.subarray(reader.offset, reader.offset + n);
  reader.offset += n;
  return slice;
}

function readArgument(reader: Reader, info: number): number {
  if (info < 24) return info;
  let n: number;
  let min: number;
  if (info === 24) {
    n = take(reader, 1)[0]!;
    min = 24;
  } else if (info === 25) {
    const b = take(reader, 2);
    n = (b[0]! << 8) | b[1]!;
    min = 0x100;
  } else if (info === 26) {
    const b = take(reader, 4);
    n = ((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!;
    min = 0x10000;
  } else if (info === 27) {
    const b = take(reader, 8);
    const high = ((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!;
    const low = ((b[4]! << 24) >>> 0) + (b[5]! << 16) + (b[6]! << 8) + b[7]!;
    if (high > 0x1fffff) throw new DecodeError('integer beyond the safe range');
    n = high * 0x100000000 + low;
    min = 0x100000000;
  } else {
    throw new DecodeError('indefinite or reserved length');
  }
  if (n < min) throw new DecodeError('integer not in its shortest form');
  return n;
}

function read(reader: Reader, depth: number): CborValue {
  if (depth > MAX_DEPTH) throw new DecodeError('nested too deeply');
  const initial = take(reader, 1)[0]!;
  const major = initial >> 5;
  const info = initial & 31;
  switch (major) {
    case 0:
      return readArgument(reader, info);
    case 1: {
      // -1 - n must stay a safe integer, or the value could not be encoded back.
      const n = readArgument(reader, info);
      if (n >= Number.MAX_SAFE_INTEGER) throw new DecodeError('integer beyond the safe range');
      return -1 - n;
    }
    case 2:
      return take(reader, readArgument(reader, info)).slice();
    case 3: {
      const text = fromUtf8(take(reader, readArgument(reader, info)));
      if (text === null) throw new DecodeError('malformed UTF-8 text');
      return text;
    }
    case 4: {
      const length = readArgument(reader, info);
      // Every item takes at least one byte: a huge declared length cannot allocate.
      if (length > reader.bytes.length - reader.offset) throw new DecodeError('truncated');
      const items: CborValue[] = [];
      for (let i = 0; i < length; i++) items.push(read(reader, depth + 1));
      return items;
    }
    case 5: {
      const length = readArgument(reader, info);
      if (length * 2 > reader.bytes.length - reader.offset) throw new DecodeError('truncated');
      const map = new Map<number, CborValue>();
      let previous = -1;
      for (let i = 0; i < length; i++) {
        const keyHead = take(reader, 1)[0]!;
        if (keyHead >> 5 !== 0) throw new DecodeError('map key is not an unsigned integer');
        const key = readArgument(reader, keyHead & 31);
        if (key <= previous) throw new DecodeError('map keys not in ascending order');
        previous = key;
        map.set(key, read(reader, depth + 1));
      }
      return map;
    }
    case 7:
      if (initial === 0xf4) return false;
      if (initial === 0xf5) return true;
      if (initial === 0xf6) return null;
      throw new DecodeError('unsupported simple value or float');
    default:
      throw new DecodeError('tags are not allowed');
  }
}
