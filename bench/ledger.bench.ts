// The ledger's budgets, in Node, over the synthetic circle grown to 20,000
// countersigned exchanges in three years (signing them is setup, not measured).
//   ledger.balances_20k_ms  current-cycle balances from the verified events
//                           alone (cycleBalances), median of 9 after 3 warm-ups
//   ledger.index_build_20k_ms  the whole incremental ledger built from scratch
//                           (what a membership change costs), for context
//   ledger.increment_ms     after one new exchange: the circle view updated
//                           (CircleViewBuilder.update) and the cycle's balances read
//   qr.exchange_bytes       the largest draft a member can make (longest note,
//                           a custom skill, twelve hours), in bytes
import { CircleViewBuilder } from '../src/app/circle-view';
import { projectCircle } from '../src/domain/circle';
import { cycleIndexer } from '../src/domain/cycle-lookup';
import type { CircleEvent, ExchangeConfirmed } from '../src/domain/events';
import { balancesForCycle, LedgerIndex } from '../src/domain/ledger';
import { cycleBalances } from '../src/domain/ledger-current';
import { DEMO_OPTIONS, syntheticCircle } from '../src/demo/synthetic';
import { MAX_NOTE_BYTES } from '../src/records/kinds/exchange';
import { makeExchangeDraft } from '../src/records/make';
import { customSkillRef } from '../src/records/kinds/skill-codes';
import { readTrustedRecord } from '../src/records/validate';
import type { ReplicaSnapshot } from '../src/replica/replica';
import { report } from './lib/print';
import { median, note, summary, timeRuns } from './lib/stats';

const EXCHANGES = 20_000;
const started = performance.now();
const circle = syntheticCircle({ ...DEMO_OPTIONS, profileChanges: 0, ledger: { exchanges: EXCHANGES, listings: 2_000 } });
const events: CircleEvent[] = circle.records.map((record) => {
  const read = readTrustedRecord(record.bytes);
  if (read === undefined) throw new Error(`synthetic record ${record.id} does not read back`);
  return read.event;
});
const confirmations = events.filter((e): e is ExchangeConfirmed => e.kind === 'exchange.confirmed');
note(`setup: ${circle.records.length} records (${confirmations.length} countersignatures) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const membership = projectCircle(events);
const cycleOf = cycleIndexer({ kind: 'new-moon' });
const lastExchange = confirmations.reduce((latest, c) => Math.max(latest, c.draft.at), 0);
const current = cycleOf(lastExchange);

let counted = 0;
const balanceRuns = timeRuns(
  () => {
    counted = cycleBalances(confirmations, membership, cycleOf, current).size;
  },
  3,
  9,
);
const full = LedgerIndex.build(confirmations, membership, cycleOf);
const fullBalances = balancesForCycle(full, current);
if (counted === 0 || counted !== fullBalances.size) throw new Error('the current cycle’s balances disagree with the full ledger');
note(`balances: cycle ${current}, ${counted} members with a balance; runs (ms): ${summary(balanceRuns)}`);
report('ledger.balances_20k_ms', median(balanceRuns), 'ms');

const buildRuns = timeRuns(() => void LedgerIndex.build(confirmations, membership, cycleOf), 1, 5);
report('ledger.index_build_20k_ms', median(buildRuns), 'ms');

// One more exchange arrives: the snapshot grows by one event and the view updates.
const snapshotOf = (log: readonly CircleEvent[]): ReplicaSnapshot => ({
  circle: membership,
  events: log,
  rejected: [],
  recordCount: log.length,
  restoredCount: 0,
  storageFailed: false,
  unverified: 0,
});
const increments: number[] = [];
for (let i = 0; i < 9; i++) {
  const builder = new CircleViewBuilder();
  const log = events.filter((e) => e !== confirmations[confirmations.length - 1 - i]);
  builder.update(snapshotOf(log));
  const withOne = [...log, confirmations[confirmations.length - 1 - i]!];
  const before = performance.now();
  const view = builder.update(snapshotOf(withOne));
  const members = balancesForCycle(view.ledger, current).size;
  increments.push(performance.now() - before);
  if (members === 0) throw new Error('the updated view lost the cycle’s balances');
}
note(`increment runs (ms): ${summary(increments, 3)}`);
report('ledger.increment_ms', median(increments), 'ms', 3);

const largest = makeExchangeDraft(
  {
    circle: circle.circleId,
    at: lastExchange,
    role: 'provider',
    quarters: 48,
    skill: customSkillRef(circle.records[0]!.id),
    note: 'ñ'.repeat(MAX_NOTE_BYTES / 2),
    seats: 40,
  },
  circle.members[0]!.signing,
);
report('qr.exchange_bytes', largest.bytes.length, 'bytes', 0);
