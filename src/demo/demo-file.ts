/**
 * The demo circle's history, signed once at build time and served with the
 * app: "TLYDEMO" and a version byte, then each record as a 4-byte big-endian
 * length and its bytes. Signing thousands of records on a phone would keep a
 * newcomer waiting for a minute.
 */
import { bytesEqual, concatBytes, utf8 } from '../records/bytes';
import { MAX_RECORD_BYTES } from '../records/envelope';

const MAGIC = utf8('TLYDEMO');
const VERSION = 1;
export const DEMO_FILE_NAME = 'demo-circle.bin';
/** Far above the demo's size; a larger file is not ours. */
const MAX_DEMO_BYTES = 16 * 1024 * 1024;

export function encodeDemoFile(records: readonly Uint8Array[]): Uint8Array {
  const parts: Uint8Array[] = [MAGIC, Uint8Array.of(VERSION)];
  for (const record of records) {
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, record.length);
    parts.push(length, record);
  }
  return concatBytes(...parts);
}

export function decodeDemoFile(file: Uint8Array): Uint8Array[] | null {
  if (file.length > MAX_DEMO_BYTES || file.length < MAGIC.length + 1) return null;
  if (!bytesEqual(file.subarray(0, MAGIC.length), MAGIC) || file[MAGIC.length] !== VERSION) return null;
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const records: Uint8Array[] = [];
  let offset = MAGIC.length + 1;
  while (offset < file.length) {
    if (offset + 4 > file.length) return null;
    const length = view.getUint32(offset);
    offset += 4;
    if (length > MAX_RECORD_BYTES || offset + length > file.length) return null;
    records.push(file.slice(offset, offset + length));
    offset += length;
  }
  return records;
}
