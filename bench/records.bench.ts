// records.verify_per_s: records a phone can check per second when they arrive
// from a peer: validateRecord in full (canonical CBOR decode, the kind's rules,
// the circle, the record id hash and the Ed25519 signature), in Node.
// records.batch_verify_per_s: the same checks through validateRecords, as a
// sync checks arriving records: shapes here, all signatures in one batch given
// to the platform's Ed25519 (Web Crypto), in 512-record batches like a slice.
// records.trusted_read_per_s: readTrustedRecord, what a phone does for each
// record of its own archive when the app opens: it decodes and parses but does
// not verify, which is why opening does not slow down with years of records.
// Each figure is the median over passes across the same 2,000 distinct records
// (each record is checked once per pass), after a warm-up on 200 other ones.
import { readTrustedRecord } from '../src/records/validate';
import { validateRecord, validateRecords } from '../src/records/verify-record';
import { benchCircle } from './lib/circle';
import { report } from './lib/print';
import { median, note, summary, timeRuns } from './lib/stats';

const WARMUP_RECORDS = 200;
const MEASURED_RECORDS = 2_000;
const VERIFY_PASSES = 5;
const READ_PASSES = 9;

const circle = benchCircle(WARMUP_RECORDS + MEASURED_RECORDS);
const warmup = circle.records.slice(0, WARMUP_RECORDS).map((record) => record.bytes);
const measured = circle.records.slice(WARMUP_RECORDS).map((record) => record.bytes);

function verifyAll(batch: readonly Uint8Array[]): void {
  for (const bytes of batch) {
    // Every record is valid: a rejection would mean the figure counts cheap early exits.
    if (!validateRecord(bytes, circle.circleId).ok) throw new Error('a synthetic record was rejected');
  }
}

function readAll(batch: readonly Uint8Array[]): void {
  for (const bytes of batch) {
    if (readTrustedRecord(bytes) === undefined) throw new Error('a synthetic record did not read back');
  }
}

verifyAll(warmup);
const verifyMs = timeRuns(() => verifyAll(measured), 0, VERIFY_PASSES);
note(`records: validateRecord passes over ${measured.length} records (ms): ${summary(verifyMs)}`);
report('records.verify_per_s', measured.length / (median(verifyMs) / 1000), 'records/s', 0);

const BATCH = 512;
async function verifyInBatches(batch: readonly Uint8Array[]): Promise<number> {
  const started = performance.now();
  for (let from = 0; from < batch.length; from += BATCH) {
    const results = await validateRecords(batch.slice(from, from + BATCH).map((bytes) => ({ bytes })), circle.circleId);
    if (!results.every((result) => result.ok)) throw new Error('a synthetic record was rejected');
  }
  return performance.now() - started;
}
await verifyInBatches(warmup);
const batchMs: number[] = [];
for (let pass = 0; pass < VERIFY_PASSES; pass++) batchMs.push(await verifyInBatches(measured));
note(`records: validateRecords passes over ${measured.length} records (ms): ${summary(batchMs)}`);
report('records.batch_verify_per_s', measured.length / (median(batchMs) / 1000), 'records/s', 0);

readAll(warmup);
const readMs = timeRuns(() => readAll(measured), 3, READ_PASSES);
note(`records: readTrustedRecord passes over ${measured.length} records (ms): ${summary(readMs)}`);
report('records.trusted_read_per_s', measured.length / (median(readMs) / 1000), 'records/s', 0);
