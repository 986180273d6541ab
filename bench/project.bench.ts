// project.30k_ms: how long projectCircle takes over 30,000 records that were
// verified before, which is what a phone recomputes from its archive on every
// open and after every change. Measured: the projectCircle(events) call alone,
// in Node, median of 9 runs after 3 warm-up runs. Not measured: signing the
// records, decoding them (readTrustedRecord) and ordering them, all setup.
import { projectCircle } from '../src/domain/circle';
import type { CircleEvent } from '../src/domain/events';
import { readTrustedRecord } from '../src/records/validate';
import { BENCH_MEMBERS, benchCircle } from './lib/circle';
import { report } from './lib/print';
import { median, note, summary, timeRuns } from './lib/stats';

const RECORDS = 30_000;
const WARMUP = 3;
const RUNS = 9;

const circle = benchCircle(RECORDS);
const verified = circle.records.map((record) => {
  const read = readTrustedRecord(record.bytes);
  if (read === undefined) throw new Error(`synthetic record ${record.id} does not read back`);
  return read;
});
// The replica hands its records over in archive order, which is IndexedDB key
// order, by record id (a hash): effectively shuffled, as on a phone.
verified.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const events: readonly CircleEvent[] = verified.map((record) => record.event);

let members = 0;
let ignored = 0;
const durations = timeRuns(
  () => {
    const state = projectCircle(events);
    members = state.members.size;
    ignored = state.ignored.length;
  },
  WARMUP,
  RUNS,
);
// A projection that dropped records would be fast and wrong.
if (members !== BENCH_MEMBERS) throw new Error(`the projection has ${members} members, not ${BENCH_MEMBERS}`);
note(`project: ${events.length} events, ${members} members, ${ignored} ignored; runs (ms): ${summary(durations)}`);
report('project.30k_ms', median(durations), 'ms');
