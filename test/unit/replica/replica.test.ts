import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syntheticCircle } from '../../../src/demo/synthetic';
import { createMemoryArchive } from '../../../src/replica/archive';
import { MAX_REMOTE_UPDATE_BYTES, Replica } from '../../../src/replica/replica';
import { memberProfileBody } from '../../../src/records/kinds/member-profile';
import { makeRecord } from '../../../src/records/make';

const circle = syntheticCircle({ seed: 7, members: 6, start: Date.UTC(2025, 0, 1), days: 30, profileChanges: 3 });

async function openReplica(archive = createMemoryArchive()): Promise<Replica> {
  return Replica.open({ circleId: circle.circleId, archive });
}

function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A peer's document that starts from the replica's state and can do anything Yjs allows. */
function peerOf(replica: Replica): Y.Doc {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(replica.doc));
  return peer;
}

function sendFrom(peer: Y.Doc, to: Replica): void {
  const update = Y.encodeStateAsUpdate(peer, Y.encodeStateVector(to.doc));
  const applied = to.applyRemoteUpdate(update);
  expect(applied.ok).toBe(true);
}

describe('replica', () => {
  it('projects the records it holds', async () => {
    const replica = await openReplica();
    await replica.addAll(circle.records.map((r) => r.bytes));
    await settle();
    const snapshot = replica.current();
    expect(snapshot.recordCount).toBe(circle.records.length);
    expect(snapshot.circle.members.size).toBe(6);
    expect(snapshot.circle.circle?.name).toBe(circle.circleName);
  });

  it('puts back records that a peer deletes, and the deletion does not stick', async () => {
    const replica = await openReplica();
    await replica.addAll(circle.records.map((r) => r.bytes));
    const peer = peerOf(replica);
    const victims = circle.records.slice(1, 4).map((r) => r.id);
    peer.transact(() => {
      for (const id of victims) peer.getMap('records').delete(id);
    });
    expect(peer.getMap('records').size).toBe(circle.records.length - 3);
    sendFrom(peer, replica);
    await settle();
    const records = replica.doc.getMap<Uint8Array>('records');
    for (const id of victims) expect(records.has(id)).toBe(true);
    expect(replica.current().restoredCount).toBe(3);
    expect(replica.current().circle.members.size).toBe(6);
    // The restoration travels back: the deleting peer gets the records again.
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(replica.doc, Y.encodeStateVector(peer)));
    for (const id of victims) expect(peer.getMap('records').has(id)).toBe(true);
  });

  it('puts back a record that a peer overwrites with other bytes', async () => {
    const replica = await openReplica();
    await replica.addAll(circle.records.map((r) => r.bytes));
    const target = circle.records[2]!;
    const peer = peerOf(replica);
    peer.getMap('records').set(target.id, Uint8Array.of(1, 2, 3));
    sendFrom(peer, replica);
    await settle();
    expect([...replica.doc.getMap<Uint8Array>('records').get(target.id)!]).toEqual([...target.bytes]);
    expect(replica.current().recordCount).toBe(circle.records.length);
  });

  it('reports and ignores entries that are not valid records, without throwing', async () => {
    const replica = await openReplica();
    await replica.addAll(circle.records.map((r) => r.bytes));
    const peer = peerOf(replica);
    const outsider = makeRecord(
      { kind: 'member.profile', circle: circle.circleId, at: Date.UTC(2025, 0, 5), body: memberProfileBody({ name: 'Mallory' }) },
      { publicKey: new Uint8Array(32).fill(0), secretKey: new Uint8Array(32).fill(1) },
    );
    peer.transact(() => {
      peer.getMap('records').set('garbage', Uint8Array.of(0xff, 0x00));
      peer.getMap('records').set('not-bytes', 'hello');
      peer.getMap('records').set(outsider.id, outsider.bytes);
    });
    sendFrom(peer, replica);
    await settle();
    await replica.whenVerified();
    await settle();
    const rejected = replica.current().rejected;
    expect(rejected.map((r) => r.id).sort()).toEqual([outsider.id, 'garbage', 'not-bytes'].sort());
    expect(rejected.find((r) => r.id === outsider.id)!.problem).toBe('bad-signature');
    expect(replica.current().recordCount).toBe(circle.records.length);
  });

  it('refuses an update over the size limit before reading it, and keeps everything', async () => {
    const replica = await Replica.open({ circleId: circle.circleId, archive: createMemoryArchive(), maxRemoteUpdateBytes: 1024 });
    await replica.addAll(circle.records.map((r) => r.bytes));
    const big = new Y.Doc();
    big.getMap('records').set('big', new Uint8Array(4096));
    const result = replica.applyRemoteUpdate(Y.encodeStateAsUpdate(big));
    expect(result).toEqual({ ok: false, error: 'too-large' });
    expect(replica.doc.getMap('records').has('big')).toBe(false);
    expect(replica.current().recordCount).toBe(circle.records.length);
  });

  it('has a default limit that a real update of years of a large circle stays under', async () => {
    const replica = await openReplica();
    const oversized = new Uint8Array(MAX_REMOTE_UPDATE_BYTES + 1);
    expect(replica.applyRemoteUpdate(oversized)).toEqual({ ok: false, error: 'too-large' });
  });

  it('refuses a malformed update with a clear answer', async () => {
    const replica = await openReplica();
    await replica.addAll(circle.records.map((r) => r.bytes));
    const result = replica.applyRemoteUpdate(Uint8Array.of(0, 1, 2, 3, 200, 200, 200));
    expect(result.ok).toBe(false);
    expect(replica.current().recordCount).toBe(circle.records.length);
  });

  it('reopens from its archive alone and puts the records back into an empty document', async () => {
    const archive = createMemoryArchive();
    const first = await openReplica(archive);
    await first.addAll(circle.records.map((r) => r.bytes));
    const second = await openReplica(archive);
    expect(second.current().recordCount).toBe(circle.records.length);
    expect(second.doc.getMap('records').size).toBe(circle.records.length);
    expect(second.current().circle.members.size).toBe(6);
  });

  it('refuses a record of another circle and stores nothing', async () => {
    const other = syntheticCircle({ seed: 8, members: 2, start: Date.UTC(2025, 0, 1), days: 5, profileChanges: 0 });
    const archive = createMemoryArchive();
    const replica = await openReplica(archive);
    const result = await replica.add(other.records[0]!.bytes);
    expect(result.ok).toBe(false);
    expect(await archive.loadAll()).toEqual([]);
  });

  it('converges with a peer replica that made its own records meanwhile', async () => {
    const a = await openReplica();
    const b = await openReplica();
    await a.addAll(circle.records.slice(0, 5).map((r) => r.bytes));
    await b.addAll(circle.records.slice(3).map((r) => r.bytes));
    a.applyRemoteUpdate(Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)));
    b.applyRemoteUpdate(Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
    await Promise.all([a.whenVerified(), b.whenVerified()]);
    expect(a.current().recordCount).toBe(circle.records.length);
    expect(b.current().recordCount).toBe(circle.records.length);
    expect([...a.current().circle.members.keys()].sort()).toEqual([...b.current().circle.members.keys()].sort());
  });
});
