import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { ownAdmission, startSession } from '../../../src/app/sync';
import { changeDisplayName } from '../../../src/app/circles';
import { inlineGuard } from '../../../src/sync/guard';
import { memoryLink } from '../../../src/sync/memory-channel';
import type { MemoryLink } from '../../../src/sync/memory-channel';
import { awarenessMessage, MAX_AWARENESS_BYTES, readAwarenessMessage } from '../../../src/sync/presence';
import { SyncSession } from '../../../src/sync/session';
import type { SessionStats } from '../../../src/sync/session';
import { foundingPhone, joiningPhoneUnsynced, settle } from '../../fixtures/app';
import type { Phone } from '../../fixtures/app';

async function until(session: SyncSession, done: (stats: SessionStats) => boolean, limitMs = 5000): Promise<SessionStats> {
  const started = Date.now();
  while (!done(session.current())) {
    if (Date.now() - started > limitMs) throw new Error(`session stuck: ${JSON.stringify(session.current())}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return session.current();
}

/** An awareness update for one client, written by hand as a peer could write anything. */
function stateMessage(clientId: number, clock: number, state: unknown, padding = 0): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(state) + ' '.repeat(padding));
  return awarenessMessage(encoding.toUint8Array(encoder));
}

/** What the session layer sends: a whole piece (0) of an awareness message (7). */
function asPiece(body: Uint8Array): Uint8Array {
  return Uint8Array.of(0, 7, ...body);
}

/** A session for Kofi's phone that tells no name, so that only hand-written states reach Ana. */
function silentSession(kofi: Phone, ana: Phone, link: MemoryLink): SyncSession {
  return new SyncSession({
    channel: link.b,
    replica: kofi.circle.replica,
    circle: { id: ana.circle.replica.circleId, secret: ana.circle.circleSecret },
    me: kofi.circle.signing,
    myAdmission: ownAdmission(kofi.circle),
    guard: inlineGuard,
    random: kofi.deps.random,
    isMember: () => true,
    admits: () => true,
  });
}

describe('presence over a session', () => {
  it('each end learns who the other is, by its proven key and the name it gives', async () => {
    const ana = await foundingPhone('Ana', 31);
    const kofi = await joiningPhoneUnsynced(ana, 'Kofi', 32);
    const link = memoryLink(1024);
    const a = startSession(ana.circle, link.a, inlineGuard, ana.deps);
    const b = startSession(kofi.circle, link.b, inlineGuard, kofi.deps);
    const seenByAna = await until(a, (s) => s.presence !== null);
    const seenByKofi = await until(b, (s) => s.presence !== null);
    expect(seenByAna.presence).toEqual({ member: kofi.circle.membership.memberKey, name: 'Kofi' });
    expect(seenByKofi.presence).toEqual({ member: ana.circle.membership.memberKey, name: 'Ana' });
    expect(seenByAna.peer).toBe(kofi.circle.membership.memberKey);
  });

  it('ignores a state that names another member, and keeps the link', async () => {
    const ana = await foundingPhone('Ana', 33);
    await changeDisplayName(ana.circle, 'Ana María', ana.deps);
    const kofi = await joiningPhoneUnsynced(ana, 'Kofi', 34);
    const link = memoryLink(1024);
    const a = startSession(ana.circle, link.a, inlineGuard, ana.deps);
    const b = silentSession(kofi, ana, link);
    await until(b, (s) => s.state === 'synced');
    await until(a, (s) => s.state === 'synced');
    // Kofi's phone presents itself as Ana.
    link.b.send(asPiece(stateMessage(4242, 1, { member: ana.circle.membership.memberKey, name: 'Ana' })));
    // Its own key with an extra field, and two clients at once, are ignored too.
    link.b.send(asPiece(stateMessage(4242, 2, { member: kofi.circle.membership.memberKey, name: 'Kofi', screen: 'x' })));
    await settle();
    expect(a.current().presence).toBeNull();
    expect(a.current().state).toBe('synced');
    // Its own key goes through.
    link.b.send(asPiece(stateMessage(4242, 3, { member: kofi.circle.membership.memberKey, name: 'Kofi' })));
    expect((await until(a, (s) => s.presence !== null)).presence).toEqual({ member: kofi.circle.membership.memberKey, name: 'Kofi' });
    // A second client on the same link is not taken, for any key.
    link.b.send(asPiece(stateMessage(777, 1, { member: kofi.circle.membership.memberKey, name: 'Kofi two' })));
    await settle();
    expect(a.current().presence?.name).toBe('Kofi');
  });

  it('ignores an oversized awareness message: nothing stored, nothing closed', async () => {
    const ana = await foundingPhone('Ana', 35);
    const kofi = await joiningPhoneUnsynced(ana, 'Kofi', 36);
    const link = memoryLink(4096);
    const a = startSession(ana.circle, link.a, inlineGuard, ana.deps);
    const b = silentSession(kofi, ana, link);
    await until(b, (s) => s.state === 'synced');
    // A state that would be taken, but for the blank space that makes it too large.
    const state = { member: kofi.circle.membership.memberKey, name: 'Kofi' };
    const oversized = stateMessage(4242, 1, state, MAX_AWARENESS_BYTES);
    expect(oversized.length).toBeGreaterThan(MAX_AWARENESS_BYTES);
    expect(readAwarenessMessage(stateMessage(4242, 1, state, 100), state.member)?.state).toEqual(state);
    link.b.send(asPiece(oversized));
    // And garbage that is not an awareness update at all.
    link.b.send(asPiece(Uint8Array.of(1, 200, 1, 2)));
    link.b.send(asPiece(Uint8Array.of(9)));
    await settle();
    expect(a.current().presence).toBeNull();
    expect(a.current().state).not.toBe('closed');
    expect(b.current().state).not.toBe('closed');
    // The same state, small, is taken: the link was left open and working.
    link.b.send(asPiece(stateMessage(4242, 2, state)));
    expect((await until(a, (s) => s.presence !== null)).presence).toEqual(state);
  });

  it('drops the peer’s state when the link closes', async () => {
    const ana = await foundingPhone('Ana', 37);
    const kofi = await joiningPhoneUnsynced(ana, 'Kofi', 38);
    const link = memoryLink(1024);
    const a = startSession(ana.circle, link.a, inlineGuard, ana.deps);
    const b = startSession(kofi.circle, link.b, inlineGuard, kofi.deps);
    await until(a, (s) => s.presence !== null);
    await until(b, (s) => s.presence !== null);
    const heard: SessionStats[] = [];
    a.onChange((stats) => heard.push(stats));
    link.cut();
    await until(a, (s) => s.state === 'closed');
    expect(a.current().presence).toBeNull();
    expect(heard.at(-1)?.presence).toBeNull();
    expect((await until(b, (s) => s.state === 'closed')).presence).toBeNull();
  });
});

describe('reading an awareness message', () => {
  const key = 'A'.repeat(43);
  it('takes exactly one client with { member, name } of the proven key', () => {
    expect(readAwarenessMessage(stateMessage(5, 2, { member: key, name: 'Ana' }), key)).toEqual({ clientId: 5, clock: 2, state: { member: key, name: 'Ana' } });
    expect(readAwarenessMessage(stateMessage(5, 3, null), key)).toEqual({ clientId: 5, clock: 3, state: null });
    expect(readAwarenessMessage(stateMessage(5, 2, { member: 'B'.repeat(43), name: 'Ana' }), key)).toBeUndefined();
    expect(readAwarenessMessage(stateMessage(5, 2, { member: key, name: '' }), key)).toBeUndefined();
    expect(readAwarenessMessage(stateMessage(5, 2, [key, 'Ana']), key)).toBeUndefined();
    expect(readAwarenessMessage(stateMessage(5, 2, { member: key, name: 'Ana', cursor: 1 }), key)).toBeUndefined();
    const two = encoding.createEncoder();
    encoding.writeVarUint(two, 2);
    for (const id of [5, 6]) {
      encoding.writeVarUint(two, id);
      encoding.writeVarUint(two, 1);
      encoding.writeVarString(two, JSON.stringify({ member: key, name: 'Ana' }));
    }
    expect(readAwarenessMessage(awarenessMessage(encoding.toUint8Array(two)), key)).toBeUndefined();
    expect(readAwarenessMessage(Uint8Array.of(0, 1, 0), key)).toBeUndefined();
    expect(readAwarenessMessage(Uint8Array.of(), key)).toBeUndefined();
  });
});
