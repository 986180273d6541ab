/**
 * Reading y-protocols' variable-length integers and byte arrays from untrusted
 * bytes: bounded, and failing with null instead of reading past the end (an
 * unbounded varint read is how an empty or cut message hung older decoders).
 */
export interface ByteReader {
  readonly bytes: Uint8Array;
  offset: number;
}

const MAX_VARINT_BYTES = 5;

export function readVarUint(reader: ByteReader): number | null {
  let value = 0;
  for (let i = 0; i < MAX_VARINT_BYTES; i++) {
    if (reader.offset >= reader.bytes.length) return null;
    const byte = reader.bytes[reader.offset++]!;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) return value;
  }
  return null;
}

export function readVarBytes(reader: ByteReader, maxLength: number): Uint8Array | null {
  const length = readVarUint(reader);
  if (length === null || length > maxLength || reader.offset + length > reader.bytes.length) return null;
  const bytes = reader.bytes.subarray(reader.offset, reader.offset + length);
  reader.offset += length;
  return bytes;
}
