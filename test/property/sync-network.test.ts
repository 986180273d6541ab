// Replicas syncing over a simulated network with seeded schedules of new
// records, partitions (links cut with messages in flight lost) and
// reconnections: once the network heals, every replica holds the same
// records and projects the same circle.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seededRandom } from '../../src/domain/random';
import { syntheticCircle } from '../../src/demo/synthetic';
import type { SyntheticCircle } from '../../src/demo/synthetic';
import { memberProfileBody } from '../../src/records/kinds/member-profile';
import { makeRecord } from '../../src/records/make';
import { createMemoryArchive } from '../../src/replica/archive';
import { Replica } from '../../src/replica/replica';
import type { SyncSession } from '../../src/sync/session';
import { SimNetwork } from '../fixtures/sim-network';
import { memberSession } from '../fixtures/sessions';

const START = Date.UTC(2025, 0, 1);

function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function replicasOf(circle: SyntheticCircle): Promise<Replica[]> {
  return Promise.all(
    circle.members.map(async () => {
      const replica = await Replica.open({ circleId: circle.circleId, archive: createMemoryArchive() });
      await replica.addAll(circle.records.map((r) => r.bytes));
      return replica;
    }),
  );
}


function fingerprint(replica: Replica): string {
  const ids = [...replica.doc.getMap('records').keys()].sort();
  const members = [...replica.current().circle.members.values()].map((m) => `${m.key}:${m.name}:${m.since}`).sort();
  return JSON.stringify({ ids, members });
}

async function run(seed: number, size: number, steps: number): Promise<void> {
  const circle = syntheticCircle({ seed: 77, members: size, start: START, days: 30, profileChanges: 0 });
  const replicas = await replicasOf(circle);
  const random = seededRandom(seed);
  const network = new SimNetwork(512);
  const sessions: SyncSession[] = [];
  const connect = (i: number, j: number): void => {
    const link = network.link();
    sessions.push(memberSession(circle, replicas[i]!, i, link.ends[0]), memberSession(circle, replicas[j]!, j, link.ends[1]));
  };
  let clock = START + 40 * 86_400_000;
  const made: string[] = [];

  for (let step = 0; step < steps; step++) {
    const roll = random.next();
    if (roll < 0.15) {
      const i = random.int(0, size);
      clock += 60_000;
      const record = makeRecord(
        { kind: 'member.profile', circle: circle.circleId, at: clock, body: memberProfileBody({ name: `Member ${i} at ${step}` }) },
        circle.members[i]!.signing,
      );
      await replicas[i]!.add(record.bytes);
      made.push(record.id);
    } else if (roll < 0.3) {
      const i = random.int(0, size);
      const j = random.int(0, size);
      if (i !== j) connect(i, j);
    } else if (roll < 0.38) {
      const open = network.links.filter((l) => l.open);
      if (open.length > 0) network.cut(random.pick(open));
    } else {
      for (let k = random.int(1, 8); k > 0; k--) network.deliverOne((count) => random.int(0, count));
    }
    await settle();
  }

  // Heal: every old link drops, then each replica syncs with its neighbour in a ring, twice around.
  for (const link of network.links) network.cut(link);
  await settle();
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < size; i++) {
      connect(i, (i + 1) % size);
      for (let guard = 0; guard < 100_000 && network.deliverOne(() => 0); guard++) await settle();
      await settle();
    }
  }
  await settle();
  await Promise.all(replicas.map((replica) => replica.whenVerified()));
  const expected = fingerprint(replicas[0]!);
  for (const replica of replicas) {
    expect(fingerprint(replica)).toBe(expected);
    // Nothing made anywhere was lost on the way.
    for (const id of made) expect(replica.has(id)).toBe(true);
  }
  expect(sessions.some((s) => s.current().recordsIn > 0)).toBe(true);
}

describe('sync over a lossy, partitioned network', () => {
  it('converges: a few replicas, many seeded schedules', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 2, max: 6 }), async (seed, size) => {
        await run(seed, size, 120);
      }),
      { seed: 2026, numRuns: 12 },
    );
  }, 120_000);

  it('converges: thirty replicas at a gathering', async () => {
    await run(30_303, 30, 400);
  }, 180_000);
});
