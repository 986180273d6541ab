import { describe, expect, it } from 'vitest';
import { startSession } from '../../../src/app/sync';
import { inlineGuard } from '../../../src/sync/guard';
import { memoryLink } from '../../../src/sync/memory-channel';
import type { MemoryLink } from '../../../src/sync/memory-channel';
import { SyncSession } from '../../../src/sync/session';
import type { SessionStats } from '../../../src/sync/session';
import { changeDisplayName } from '../../../src/app/circles';
import { foundingPhone, joiningPhoneUnsynced, settle } from '../../fixtures/app';
import type { Phone } from '../../fixtures/app';

function connect(a: Phone, b: Phone, link: MemoryLink = memoryLink(1024)): { a: SyncSession; b: SyncSession; link: MemoryLink } {
  return { a: startSession(a.circle, link.a, inlineGuard, a.deps), b: startSession(b.circle, link.b, inlineGuard, b.deps), link };
}

async function until(session: SyncSession, done: (stats: SessionStats) => boolean, limitMs = 5000): Promise<SessionStats> {
  const started = Date.now();
  while (!done(session.current())) {
    if (Date.now() - started > limitMs) throw new Error(`session stuck: ${JSON.stringify(session.current())}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return session.current();
}

function recordIds(phone: Phone): string[] {
  return [...phone.circle.replica.doc.getMap('records').keys()].sort();
}

describe('a sync session', () => {
  it('brings a newcomer the whole circle and the member the newcomer’s records, in pieces that fit the channel', async () => {
    const ana = await foundingPhone('Ana', 1);
    const kofi = await joiningPhoneUnsynced(ana, 'Kofi', 2);
    await changeDisplayName(ana.circle, 'Ana María', ana.deps);
    expect(kofi.circle.replica.current().circle.circle).toBeNull();
    const { a, b } = connect(ana, kofi);
    await until(b, (s) => s.state === 'synced');
    await until(a, (s) => s.state === 'synced');
    await kofi.circle.replica.whenVerified();
    await settle();
    expect(recordIds(kofi)).toEqual(recordIds(ana));
    expect(kofi.circle.replica.current().circle.members.size).toBe(2);
    expect(b.current().recordsIn).toBeGreaterThan(0);
    expect(b.current().peer).toBe(ana.circle.membership.memberKey);
  });

  it('keeps forwarding new records while the link stays open', async () => {
    const ana = await foundingPhone('Ana', 3);
    const kofi = await joiningPhoneUnsynced(ana, 'Kofi', 4);
    const { b } = connect(ana, kofi);
    await until(b, (s) => s.state === 'synced');
    await changeDisplayName(ana.circle, 'Ana after', ana.deps);
    await until(b, () => kofi.circle.replica.current().circle.members.get(ana.circle.membership.memberKey)?.name === 'Ana after');
  });

  it('refuses a phone of another circle before any circle data flows', async () => {
    const ana = await foundingPhone('Ana', 5);
    const olga = await foundingPhone('Olga', 6);
    const { a, b } = connect(ana, olga);
    expect((await until(a, (s) => s.state === 'closed')).closeReason).toBe('other-circle');
    await until(b, (s) => s.state === 'closed');
    await settle();
    expect(recordIds(olga)).toHaveLength(1);
    expect(recordIds(ana)).toHaveLength(1);
  });
});

describe('a sync session refuses', () => {
  it('a key that holds the circle secret but was never admitted, and sends it no circle data', async () => {
    const ana = await foundingPhone('Ana', 7);
    await changeDisplayName(ana.circle, 'Ana again', ana.deps);
    const mallory = await foundingPhone('Mallory', 8);
    const link = memoryLink(1024);
    const reachedMallory: Uint8Array[] = [];
    link.b.onMessage((m) => reachedMallory.push(m));
    const a = startSession(ana.circle, link.a, inlineGuard, ana.deps);
    // Mallory learned the circle's secret somehow; her key was never admitted.
    const forged = new SyncSession({
      channel: link.b,
      replica: mallory.circle.replica,
      circle: { id: ana.circle.replica.circleId, secret: ana.circle.circleSecret },
      me: mallory.circle.signing,
      myAdmission: null,
      guard: inlineGuard,
      random: mallory.deps.random,
      isMember: () => true,
      admits: () => false,
    });
    expect((await until(a, (s) => s.state === 'closed')).closeReason).toBe('not-a-member');
    await until(forged, (s) => s.state === 'closed');
    // Only Ana's hello (and perhaps her goodbye) reached Mallory: no sync message, no record.
    expect(reachedMallory.length).toBeGreaterThan(0);
    for (const message of reachedMallory) expect([1, 5]).toContain(message[1]);
    expect(mallory.circle.replica.size).toBe(1);
  });

  it('a replayed handshake', async () => {
    const ana = await foundingPhone('Ana', 9);
    const kofi = await joiningPhoneUnsynced(ana, 'Kofi', 10);
    // Record what Kofi's phone sends in a first session.
    const first = memoryLink(1024);
    const recorded: Uint8Array[] = [];
    first.b.onMessage(() => undefined);
    const originalSend = first.b.send.bind(first.b);
    first.b.send = (m) => {
      recorded.push(m.slice());
      originalSend(m);
    };
    const a1 = startSession(ana.circle, first.a, inlineGuard, ana.deps);
    const k1 = startSession(kofi.circle, first.b, inlineGuard, kofi.deps);
    await until(k1, (s) => s.state === 'synced');
    a1.close();
    // Replay Kofi's hello and proof to Ana's phone in a new session.
    const second = memoryLink(1024);
    const a2 = startSession(ana.circle, second.a, inlineGuard, ana.deps);
    for (const message of recorded.slice(0, 2)) second.b.send(message);
    expect((await until(a2, (s) => s.state === 'closed')).closeReason).toBe('bad-proof');
  });

  it('garbage, and a message larger than any update, closing the session with nothing lost', async () => {
    const ana = await foundingPhone('Ana', 11);
    const before = ana.circle.replica.size;
    const garbage = memoryLink(1024);
    const a = startSession(ana.circle, garbage.a, inlineGuard, ana.deps);
    garbage.b.send(Uint8Array.of(7, 7, 7, 7));
    expect((await until(a, (s) => s.state === 'closed')).closeReason).toBe('malformed');

    const flood = memoryLink(64 * 1024);
    const b = startSession(ana.circle, flood.a, inlineGuard, ana.deps);
    // A piece sequence announcing a message far beyond the limit.
    const count = 2000;
    for (let index = 0; index < count && b.current().state !== 'closed'; index++) {
      const piece = new Uint8Array(64 * 1024);
      const view = new DataView(piece.buffer);
      piece[0] = 1;
      view.setUint32(1, 99);
      view.setUint32(5, index);
      view.setUint32(9, count);
      flood.b.send(piece);
      if (index % 50 === 0) await settle();
    }
    expect((await until(b, (s) => s.state === 'closed')).closeReason).toBe('too-large');
    expect(ana.circle.replica.size).toBe(before);
  });

  it('an update a member crafted to break the decoder, keeping every record', async () => {
    const ana = await foundingPhone('Ana', 12);
    const kofi = await joiningPhoneUnsynced(ana, 'Kofi', 13);
    const link = memoryLink(1024);
    const a = startSession(ana.circle, link.a, inlineGuard, ana.deps);
    const k = startSession(kofi.circle, link.b, inlineGuard, kofi.deps);
    await until(k, (s) => s.state === 'synced');
    const before = ana.circle.replica.size;
    // y-protocols update message (kind 2) carrying bytes that are not a Yjs update.
    link.b.send(Uint8Array.of(0, 3, 2, 4, 0xff, 0xff, 0xff, 0xff));
    expect((await until(a, (s) => s.state === 'closed')).closeReason).toBe('bad-update');
    expect(ana.circle.replica.size).toBe(before);
  });
});

describe('a sync session over a link that is cut', () => {
  it('resumes on a new link and converges', async () => {
    const ana = await foundingPhone('Ana', 14);
    for (let i = 0; i < 40; i++) await changeDisplayName(ana.circle, `Ana ${i}`, ana.deps);
    const kofi = await joiningPhoneUnsynced(ana, 'Kofi', 15);
    // One message every two milliseconds, in order, so the cut lands in the middle of the transfer.
    let line: Promise<void> = Promise.resolve();
    const slowly = (task: () => void): void => {
      line = line.then(() => new Promise<void>((resolve) => setTimeout(() => {
        task();
        resolve();
      }, 2)));
    };
    const first = memoryLink(200, slowly);
    startSession(ana.circle, first.a, inlineGuard, ana.deps);
    const k1 = startSession(kofi.circle, first.b, inlineGuard, kofi.deps);
    await until(k1, (s) => s.bytesIn > 600);
    first.cut();
    await until(k1, (s) => s.state === 'closed');
    expect(recordIds(kofi)).not.toEqual(recordIds(ana));
    const { b: k2 } = connect(ana, kofi, memoryLink(200));
    await until(k2, (s) => s.state === 'synced');
    await settle();
    expect(recordIds(kofi)).toEqual(recordIds(ana));
  });
});

describe('compressed messages', () => {
  it('cut off a message that would inflate past the limit, and one sent before the handshake', async () => {
    const { deflate } = await import('../../../src/sync/deflate');
    const { splitMessage } = await import('../../../src/sync/chunks');
    const bomb = await deflate(new Uint8Array(40 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100_000);
    const message = new Uint8Array(bomb.length + 1);
    message[0] = 6;
    message.set(bomb, 1);

    const ana = await foundingPhone('Ana', 16);
    const early = memoryLink(64 * 1024);
    const a = startSession(ana.circle, early.a, inlineGuard, ana.deps);
    for (const piece of splitMessage(message, 64 * 1024, 1)) early.b.send(piece);
    expect((await until(a, (s) => s.state === 'closed')).closeReason).toBe('malformed');

    const kofi = await joiningPhoneUnsynced(ana, 'Kofi', 17);
    const link = memoryLink(64 * 1024);
    const b = startSession(ana.circle, link.a, inlineGuard, ana.deps);
    const k = startSession(kofi.circle, link.b, inlineGuard, kofi.deps);
    await until(k, (s) => s.state === 'synced');
    for (const piece of splitMessage(message, 64 * 1024, 99)) link.b.send(piece);
    expect((await until(b, (s) => s.state === 'closed', 20_000)).closeReason).toBe('too-large');
  }, 30_000);
});
