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
import { wasMemberAt } from '../src/domain/circle';
import { seededRandom } from '../src/domain/random';
import { DEMO_OPTIONS, syntheticCircle } from '../src/demo/synthetic';
import type { SyntheticCircle } from '../src/demo/synthetic';
import { memberProfileBody } from '../src/records/kinds/member-profile';
import { makeRecord } from '../src/records/make';
import { validateRecord } from '../src/records/validate';
import { createMemoryArchive } from '../src/replica/archive';
import { Replica } from '../src/replica/replica';
import { inlineGuard } from '../src/sync/guard';
import { memoryLink } from '../src/sync/memory-channel';
import { SyncSession } from '../src/sync/session';
import type { SessionStats } from '../src/sync/session';
import type { Channel } from '../src/sync/channel';
import { report } from './lib/print';
import { median, note, summary } from './lib/stats';

const PIECE = 64 * 1024;

function sessionFor(circle: SyntheticCircle, replica: Replica, member: number, channel: Channel): SyncSession {
  const noise = seededRandom(member + 1);
  return new SyncSession({
    channel,
    replica,
    circle: { id: circle.circleId, secret: circle.secret },
    me: circle.members[member]!.signing,
    myAdmission: null,
    guard: inlineGuard,
    random: (length) => noise.bytes(length),
    isMember: (key) => replica.current().circle.members.has(key),
    admits: (admission, key) => {
      const result = validateRecord(admission, circle.circleId);
      return result.ok && result.value.event.kind === 'member.admitted' && result.value.event.member === key &&
        wasMemberAt(replica.current().circle, result.value.event.author, result.value.event.at);
    },
  });
}

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
const sender = sessionFor(demo, full, 0, link.a);
const receiver = sessionFor(demo, newcomer, 7, link.b);
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
  sessionFor(demo, a, 0, pair.a);
  const sb = sessionFor(demo, b, 1, pair.b);
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
  sessionFor(gathering, phones[0]!, 0, pair.a);
  sessionFor(gathering, phones[guest]!, guest, pair.b);
}
await until(() => phones.every((phone) => phone.doc.getMap('records').size === total));
report('sync.gathering_30_ms', performance.now() - started, 'ms');
await until(() => phones.every((phone) => phone.size === total));
report('sync.gathering_30_verified_ms', performance.now() - started, 'ms');
