import { describe, expect, it } from 'vitest';
import { createCircle } from '../../../src/app/circles';
import { acceptWelcome, approveJoin, currentJoinRequest, reviewJoinRequest, startJoin } from '../../../src/app/join';
import type { AppDeps } from '../../../src/app/deps';
import { Keyring } from '../../../src/replica/keyring';
import { toBase64Url } from '../../../src/records/bytes';
import { freshVault, invite, testDeps } from '../../fixtures/app';

async function founder(deps: AppDeps) {
  const vault = await freshVault();
  const created = await createCircle(vault, { circleName: 'Calle Sol', displayName: 'Rosa' }, deps);
  if (!created.ok) throw new Error('could not create');
  return { vault, circle: created.value };
}

describe('joining through the app layer', () => {
  it('takes a newcomer in with two codes, and the member sees them admitted', async () => {
    const memberDeps = testDeps(1);
    const { circle } = await founder(memberDeps);
    const newcomerVault = await freshVault();
    const newcomerDeps = testDeps(2);
    const request = await startJoin(newcomerVault, '  Kofi  ', newcomerDeps);
    expect(request.ok && request.value.name).toBe('Kofi');
    if (!request.ok) return;

    const review = reviewJoinRequest(request.value.code, circle.replica.current().circle);
    expect(review.ok && review.value.fingerprint).toBe(request.value.fingerprint);
    if (!review.ok) return;
    const welcome = await approveJoin(circle, review.value.request, memberDeps);

    const joined = await acceptWelcome(newcomerVault, welcome.code, newcomerDeps);
    expect(joined.ok).toBe(true);
    if (!joined.ok) return;
    expect(joined.value.circle.membership.circleId).toBe(circle.membership.circleId);
    expect(joined.value.circle.membership.circleName).toBe('Calle Sol');
    expect(joined.value.admitterFingerprint).toMatch(/^\d{3} \d{3}$/);
    expect(await newcomerVault.pendingJoin()).toBeUndefined();

    await new Promise((resolve) => setTimeout(resolve, 0));
    const members = circle.replica.current().circle.members;
    expect([...members.values()].map((m) => m.name).sort()).toEqual(['Kofi', 'Rosa']);
    const kofi = members.get(toBase64Url(review.value.request.signingKey))!;
    expect(kofi.admittedBy).toBe(circle.membership.memberKey);
  });

  it('keeps a join request across a reload of the app', async () => {
    const vault = await freshVault();
    const request = await startJoin(vault, 'Leila', testDeps(3));
    expect(request.ok).toBe(true);
    const again = await currentJoinRequest(vault, new Keyring());
    expect(again?.code).toBe(request.ok ? request.value.code : '');
  });

  it('forgets a cancelled join request, so its welcome no longer opens', async () => {
    const memberDeps = testDeps(22);
    const { circle } = await founder(memberDeps);
    const vault = await freshVault();
    const { welcome } = await invite(circle, vault, 'Hana', testDeps(23), memberDeps);
    await vault.cancelPendingJoin();
    expect(await currentJoinRequest(vault, new Keyring())).toBeUndefined();
    expect(await acceptWelcome(vault, welcome.code, testDeps(24))).toEqual({ ok: false, error: 'no-pending-request' });
  });

  it('refuses a used welcome shown again, with nothing changed', async () => {
    const memberDeps = testDeps(4);
    const { circle } = await founder(memberDeps);
    const newcomerVault = await freshVault();
    const { welcome } = await invite(circle, newcomerVault, 'Omar', testDeps(5), memberDeps);
    expect((await acceptWelcome(newcomerVault, welcome.code, testDeps(6))).ok).toBe(true);
    const memberships = await newcomerVault.memberships();

    const replay = await acceptWelcome(newcomerVault, welcome.code, testDeps(7));
    expect(replay).toEqual({ ok: false, error: 'already-used' });
    expect(await newcomerVault.memberships()).toEqual(memberships);
  });

  it('refuses an expired welcome and keeps the request for a new one', async () => {
    const memberDeps = testDeps(8);
    const { circle } = await founder(memberDeps);
    const newcomerVault = await freshVault();
    const newcomerDeps = testDeps(9);
    const { welcome } = await invite(circle, newcomerVault, 'Vera', newcomerDeps, memberDeps);
    newcomerDeps.advance(15 * 60 * 1000 + 1);
    expect(await acceptWelcome(newcomerVault, welcome.code, newcomerDeps)).toEqual({ ok: false, error: 'expired' });
    expect((await newcomerVault.pendingJoin())?.name).toBe('Vera');
    expect(await newcomerVault.memberships()).toEqual([]);
  });

  it('refuses a welcome made for someone else', async () => {
    const memberDeps = testDeps(10);
    const { circle } = await founder(memberDeps);
    const a = await freshVault();
    const b = await freshVault();
    await startJoin(b, 'Bea', testDeps(12));
    const { welcome: welcomeForA } = await invite(circle, a, 'Ana', testDeps(11), memberDeps);
    expect(await acceptWelcome(b, welcomeForA.code, testDeps(13))).toEqual({ ok: false, error: 'not-for-you' });
    expect(await b.memberships()).toEqual([]);
  });

  it('answers a welcome with no join request waiting', async () => {
    const memberDeps = testDeps(14);
    const { circle } = await founder(memberDeps);
    const { welcome } = await invite(circle, await freshVault(), 'Yusuf', testDeps(15), memberDeps);
    const empty = await freshVault();
    expect(await acceptWelcome(empty, welcome.code, testDeps(16))).toEqual({ ok: false, error: 'no-pending-request' });
  });

  it('tells a member when the newcomer is already in the circle', async () => {
    const memberDeps = testDeps(17);
    const { circle } = await founder(memberDeps);
    const vault = await freshVault();
    const request = await startJoin(vault, 'Wen', testDeps(18));
    if (!request.ok) throw new Error('no request');
    const first = reviewJoinRequest(request.value.code, circle.replica.current().circle);
    if (!first.ok) throw new Error('no review');
    expect(first.value.alreadyMember).toBe(false);
    await approveJoin(circle, first.value.request, memberDeps);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const second = reviewJoinRequest(request.value.code, circle.replica.current().circle);
    expect(second.ok && second.value.alreadyMember).toBe(true);
  });

  it('refuses codes that are not join requests', async () => {
    const { circle } = await founder(testDeps(19));
    const state = circle.replica.current().circle;
    expect(reviewJoinRequest('hello', state)).toEqual({ ok: false, error: 'not-tally' });
    const { welcome } = await invite(circle, await freshVault(), 'Zoe', testDeps(20), testDeps(21));
    expect(reviewJoinRequest(welcome.code, state)).toEqual({ ok: false, error: 'wrong-kind' });
  });
});

describe('creating a circle', () => {
  it('refuses an empty or overlong name and stores nothing', async () => {
    const vault = await freshVault();
    const deps = testDeps(30);
    expect(await createCircle(vault, { circleName: ' ', displayName: 'Ana' }, deps)).toEqual({
      ok: false,
      error: { field: 'circleName', problem: 'empty' },
    });
    expect(await createCircle(vault, { circleName: 'Ok', displayName: 'x'.repeat(41) }, deps)).toEqual({
      ok: false,
      error: { field: 'displayName', problem: 'too-long' },
    });
    expect(await vault.memberships()).toEqual([]);
  });
});
