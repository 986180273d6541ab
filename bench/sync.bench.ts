// Sync over in-memory links, in Node: what the session itself costs.
//   sync.wire_ratio        bytes the sending side put on the wire (handshake,
//                          pieces, y-protocols framing, Yjs encoding) over the
//                          bytes of the records the other side lacked, for the
//                          demo circle's whole history to a newcomer
//   sync.delta_ms          1,000 new records reaching a peer already in sync:
//                          until its document holds them all
//   sync.delta_verified_ms the same, until the peer has also checked every
//                          signature (in slices that keep the screen responsive)
//   sync.gathering_30_ms   thirty phones at a gathering, each with records of
//                          its own, all linked to one host: until every
//                          document holds every record
//   sync.gathering_30_verified_ms  the same, until every phone has checked them;
//                          here one process does the checking of thirty phones
import { DEMO_OPTIONS, syntheticCircle } from '../src/demo/synthetic';
import type { SyntheticCircle } from '../src/demo/synthetic';
import { memberProfileBody } from '../src/records/kinds/member-profile';
import { makeRecord } from '../src/records/make';
import { createMemoryArchive } from '../src/replica/archive';
import { Replica } from '../src/replica/replica';
import { memoryLink } from '../src/sync/memory-channel';
import type { SessionStats } from '../src/sync/session';
import { closeSessions, memberSession } from '../test/fixtures/sessions';
import { report } from './lib/print';
import { median, note, summary } from './lib/stats';

const PIECE = 64 * 1024;

async function until(check: () => boolean, limitMs = 120_000): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > limitMs) throw new Error('sync did not finish');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

async function replicaWith(circle: SyntheticCircle, records: readonly Uint8Array[]): Promise<Replica> {
  const replica = await Replica.open({ circleId: circle.circleId, archive: createMemoryArchive() });
  await replica.importTrusted(records);
  return replica;
}

const synced = (s: SessionStats): boolean => s.state === 'synced';

// The whole demo history to a newcomer who holds the membership records only.
const demo = syntheticCircle(DEMO_OPTIONS);
const all = demo.records.map((r) => r.bytes);
const membershipOnly = all.slice(0, DEMO_OPTIONS.members);
const full = await replicaWith(demo, all);
const newcomer = await replicaWith(demo, membershipOnly);
const lacked = all.slice(DEMO_OPTIONS.members).reduce((sum, bytes) => sum + bytes.length, 0);
const link = memoryLink(PIECE);
const sender = memberSession(demo, full, 0, link.a);
const receiver = memberSession(demo, newcomer, 7, link.b);
await until(() => synced(receiver.current()));
await sender.flushed();
note(`wire: ${link.bytes.a} bytes sent for ${lacked} bytes of records the newcomer lacked`);
report('sync.wire_ratio', link.bytes.a / lacked, 'ratio', 3);

// A thousand new records on one side of an open session.
const deltas: number[] = [];
const deltasVerified: number[] = [];
for (let run = 0; run < 5; run++) {
  const a = await replicaWith(demo, membershipOnly);
  const b = await replicaWith(demo, membershipOnly);
  const pair = memoryLink(PIECE);
  memberSession(demo, a, 0, pair.a);
  const sb = memberSession(demo, b, 1, pair.b);
  await until(() => synced(sb.current()));
  const fresh = Array.from({ length: 1000 }, (_, i) =>
    makeRecord(
      { kind: 'member.profile', circle: demo.circleId, at: DEMO_OPTIONS.start + 3 * 365 * 86_400_000 + run * 10_000 + i, body: memberProfileBody({ name: `Name ${run} ${i}` }) },
      demo.members[0]!.signing,
    ).bytes,
  );
  const entries = b.doc.getMap('records');
  const target = entries.size + 1000;
  const started = performance.now();
  await a.importTrusted(fresh);
  await until(() => entries.size >= target);
  deltas.push(performance.now() - started);
  await until(() => b.size >= target);
  await b.whenVerified();
  deltasVerified.push(performance.now() - started);
}
note(`delta runs (ms): ${summary(deltas)}; verified: ${summary(deltasVerified)}`);
report('sync.delta_ms', median(deltas), 'ms');
report('sync.delta_verified_ms', median(deltasVerified), 'ms');

// Thirty phones at a gathering: one host, twenty-nine guests, ten new records each.
const gathering = syntheticCircle({ seed: 30, members: 30, start: DEMO_OPTIONS.start, days: 30, profileChanges: 0 });
const base = gathering.records.map((r) => r.bytes);
const phones = await Promise.all(gathering.members.map(() => replicaWith(gathering, base)));
const own = phones.map((_, p) =>
  Array.from({ length: 10 }, (_, i) =>
    makeRecord(
      { kind: 'member.profile', circle: gathering.circleId, at: DEMO_OPTIONS.start + 40 * 86_400_000 + p * 100 + i, body: memberProfileBody({ name: `Guest ${p}.${i}` }) },
      gathering.members[p]!.signing,
    ).bytes,
  ),
);
await Promise.all(phones.map((phone, p) => phone.importTrusted(own[p]!)));
const total = base.length + 30 * 10;
const started = performance.now();
for (let guest = 1; guest < phones.length; guest++) {
  const pair = memoryLink(PIECE);
  memberSession(gathering, phones[0]!, 0, pair.a);
  memberSession(gathering, phones[guest]!, guest, pair.b);
}
await until(() => phones.every((phone) => phone.doc.getMap('records').size === total));
report('sync.gathering_30_ms', performance.now() - started, 'ms');
await until(() => phones.every((phone) => phone.size === total));
report('sync.gathering_30_verified_ms', performance.now() - started, 'ms');
closeSessions();
