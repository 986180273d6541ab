import { describe, expect, it } from 'vitest';
import { askForHousing, closeRequest, endStay, hostsFor, HOUSING_NOTE_CHARS, localDay, openHousingNote, recordStay } from '../../../src/app/defense/housing';
import type { HousingRequestInput } from '../../../src/app/defense/housing';
import { phoneToCall, saveRosterEntry } from '../../../src/app/defense/roster';
import { sealAsMember } from '../../../src/app/defense/sealing';
import { rosterOf } from '../../../src/app/defense-view';
import { housingOf } from '../../../src/app/housing-view';
import { setLock } from '../../../src/app/lock/app-lock';
import { DAYS_AHEAD, MAX_NIGHTS, MAX_PEOPLE } from '../../../src/domain/housing';
import { signingKeysFromSeed } from '../../../src/records/signatures';
import { housingStayBody } from '../../../src/records/kinds/housing-bodies';
import { makeRecord } from '../../../src/records/make';
import { foundingPhone, joiningPhone, sync } from '../../fixtures/app';
import type { Phone } from '../../fixtures/app';
import { seedBytes } from '../../fixtures/circle';

const WEAK = { iterations: 1_000, testOnly: { allowWeakIterationsForTests: true } } as const;
const MINUTE = 60_000;

async function lock(phone: Phone): Promise<Phone> {
  await setLock(phone.vault, { passphrase: `${phone.name} keeps a long passphrase`, duress: null, autoLock: 5 }, phone.deps, WEAK);
  return phone;
}

/** Ana asks, Bo pledged to host two people for a week, Cy is a member too; all locked and synced. */
async function circleWithHost(seed: number) {
  const ana = await lock(await foundingPhone('Ana', seed));
  const bo = await lock(await joiningPhone(ana, 'Bo', seed + 1));
  const cy = await lock(await joiningPhone(ana, 'Cy', seed + 2));
  const pledged = await saveRosterEntry(
    bo.circle,
    { roles: ['housing'], skills: [], languages: [], housing: { capacity: 2, nights: 7, accessible: false }, contacts: { phone: '+34 600 11 22 33', address: '', notes: '' } },
    bo.deps,
  );
  expect(pledged.ok).toBe(true);
  const syncAll = async (): Promise<void> => {
    await sync(ana, bo);
    await sync(ana, cy);
    await sync(ana, bo);
  };
  await syncAll();
  const tick = (): void => {
    for (const phone of [ana, bo, cy]) phone.deps.advance(MINUTE);
  };
  tick();
  const today = localDay(ana.deps.now());
  const ask: HousingRequestInput = { people: 1, nights: 3, from: today, accessible: false, neighbour: false, note: ' Evicted on Friday,  two bags only ' };
  return { ana, bo, cy, syncAll, tick, today, ask };
}

function idOf<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`refused: ${String(result.error)}`);
  return result.value;
}

function housingSeenBy(phone: Phone) {
  return housingOf(phone.circle.replica.current());
}

describe('housing', () => {
  it('asks only with the app lock set, and stores nothing without it', async () => {
    const ana = await foundingPhone('Ana', 91);
    const before = ana.circle.replica.current().events.length;
    const ask = { people: 1, nights: 3, from: localDay(ana.deps.now()), accessible: false, neighbour: false, note: '' };
    expect(await askForHousing(ana.circle, ask, ana.deps)).toEqual({ ok: false, error: 'lock-required' });
    expect(ana.circle.replica.current().events.length).toBe(before);
  });

  it('matches a request with a pledged host, who records the stay; both phones count the crisis buffered', async () => {
    const { ana, bo, syncAll, tick, today, ask } = await circleWithHost(92);
    const request = idOf(await askForHousing(ana.circle, ask, ana.deps));
    await syncAll();

    const seenByBo = housingSeenBy(bo).requests.get(request)!;
    expect(seenByBo).toMatchObject({ status: 'open', people: 1, nights: 3, from: today });
    expect(openHousingNote(bo.circle, seenByBo)).toEqual({ ok: true, value: 'Evicted on Friday, two bags only' });
    // The note travels sealed: its words are nowhere in the record.
    expect(new TextDecoder().decode(seenByBo.sealedNote!).includes('Friday')).toBe(false);

    const anaSnapshot = ana.circle.replica.current();
    const matches = hostsFor(anaSnapshot, housingSeenBy(ana).requests.get(request)!);
    expect(matches.map((match) => match.host)).toEqual([bo.circle.membership.memberKey]);
    expect(phoneToCall(ana.circle, rosterOf(anaSnapshot), bo.circle.membership.memberKey)).toBe('+34600112233');

    tick();
    const stay = idOf(await recordStay(bo.circle, request, { people: 1, nights: 3, from: today }, bo.deps));
    await syncAll();
    for (const phone of [ana, bo]) {
      const housing = housingSeenBy(phone);
      expect(housing.requests.get(request)).toMatchObject({ status: 'housed', stays: [stay] });
      expect(housing.stays.get(stay)).toMatchObject({ host: bo.circle.membership.memberKey, nightsStayed: 3 });
      expect(housing.buffered).toBe(1);
      expect(housing.problems).toEqual([]);
    }
    // Bo now hosts one of two: a second guest for the same nights still fits, a third would not.
    expect(hostsFor(ana.circle.replica.current(), { ...housingSeenBy(ana).requests.get(request)!, id: 'another', people: 1 })).toHaveLength(1);
    expect(hostsFor(ana.circle.replica.current(), { ...housingSeenBy(ana).requests.get(request)!, id: 'another', people: 2 })).toEqual([]);

    tick();
    expect(await endStay(ana.circle, stay, today + 1, ana.deps)).toMatchObject({ ok: true });
    expect(housingSeenBy(ana).stays.get(stay)?.nightsStayed).toBe(1);
    tick();
    expect(await closeRequest(ana.circle, request, 'housed-elsewhere', ana.deps)).toMatchObject({ ok: true });
    expect(housingSeenBy(ana).requests.get(request)?.status).toBe('closed');
    expect(housingSeenBy(ana).buffered).toBe(1);
  });

  it('answers out-of-range fields with which one, and stores nothing', async () => {
    const { ana, bo, ask, today } = await circleWithHost(93);
    const before = ana.circle.replica.current().events.length;
    const bad: ReadonlyArray<readonly [Partial<HousingRequestInput>, string]> = [
      [{ people: 0 }, 'people'],
      [{ people: MAX_PEOPLE + 1 }, 'people'],
      [{ people: 1.5 }, 'people'],
      [{ nights: 0 }, 'nights'],
      [{ nights: MAX_NIGHTS + 1 }, 'nights'],
      [{ from: today + DAYS_AHEAD + 2 }, 'from'],
      [{ from: Number.NaN }, 'from'],
      [{ note: 'x'.repeat(HOUSING_NOTE_CHARS + 1) }, 'note'],
      [{ note: 'a\u0000b' }, 'note'],
    ];
    for (const [change, problem] of bad) expect(await askForHousing(ana.circle, { ...ask, ...change }, ana.deps)).toEqual({ ok: false, error: problem });
    const request = idOf(await askForHousing(ana.circle, ask, ana.deps));
    await sync(ana, bo);
    expect(await recordStay(bo.circle, request, { people: 13, nights: 3, from: today }, bo.deps)).toEqual({ ok: false, error: 'people' });
    expect(await recordStay(bo.circle, request, { people: 1, nights: 61, from: today }, bo.deps)).toEqual({ ok: false, error: 'nights' });
    expect(await endStay(bo.circle, request, today + 1000, bo.deps)).toEqual({ ok: false, error: 'day' });
    expect(await closeRequest(ana.circle, request, 'bored' as 'not-needed', ana.deps)).toEqual({ ok: false, error: 'reason' });
    expect(ana.circle.replica.current().events.length).toBe(before + 1);
  });

  it('refuses a stay for a request that does not exist, is closed, is one’s own or is full, and closing or ending what is someone else’s', async () => {
    const { ana, bo, cy, syncAll, tick, today, ask } = await circleWithHost(94);
    const stayFields = { people: 1, nights: 3, from: today };
    const nothing = 'A'.repeat(43);
    expect(await recordStay(bo.circle, nothing, stayFields, bo.deps)).toEqual({ ok: false, error: 'unknown-request' });
    expect(await recordStay(bo.circle, 'not an id', stayFields, bo.deps)).toEqual({ ok: false, error: 'unknown-request' });

    const request = idOf(await askForHousing(ana.circle, ask, ana.deps));
    await syncAll();
    tick();
    expect(await recordStay(ana.circle, request, stayFields, ana.deps)).toEqual({ ok: false, error: 'by-requester' });
    expect(await closeRequest(bo.circle, request, 'not-needed', bo.deps)).toEqual({ ok: false, error: 'not-the-requester' });
    const stay = idOf(await recordStay(bo.circle, request, stayFields, bo.deps));
    await syncAll();
    tick();
    expect(await recordStay(cy.circle, request, stayFields, cy.deps)).toEqual({ ok: false, error: 'request-full' });
    expect(await endStay(cy.circle, stay, today + 1, cy.deps)).toEqual({ ok: false, error: 'not-host-or-requester' });
    expect(await endStay(bo.circle, stay, today + 3, bo.deps)).toEqual({ ok: false, error: 'bad-day' });
    expect(await endStay(bo.circle, nothing, today + 1, bo.deps)).toEqual({ ok: false, error: 'unknown-stay' });

    const second = idOf(await askForHousing(ana.circle, { ...ask, note: '' }, ana.deps));
    tick();
    idOf(await closeRequest(ana.circle, second, 'not-needed', ana.deps));
    await syncAll();
    tick();
    expect(await closeRequest(ana.circle, second, 'not-needed', ana.deps)).toEqual({ ok: false, error: 'request-closed' });
    expect(await recordStay(cy.circle, second, stayFields, cy.deps)).toEqual({ ok: false, error: 'request-closed' });
    expect(housingSeenBy(cy).problems).toEqual([]);
  });

  it('does not count a stay recorded by someone who is not a member', async () => {
    const { ana, today, ask } = await circleWithHost(95);
    const request = idOf(await askForHousing(ana.circle, ask, ana.deps));
    const stranger = signingKeysFromSeed(seedBytes('stranger', 2));
    const forged = makeRecord({ kind: 'housing.stay', circle: ana.circle.replica.circleId, at: ana.deps.now(), body: housingStayBody(request, { people: 1, nights: 2, from: today }) }, stranger);
    await ana.circle.replica.add(forged.bytes);
    const housing = housingSeenBy(ana);
    expect(housing.requests.get(request)?.status).toBe('open');
    expect(housing.buffered).toBe(0);
    expect(housing.problems.map((problem) => [problem.id, problem.reason])).toEqual([[forged.id, 'not-a-member']]);
  });

  it('says when a sealed note does not open, and keeps the rest of the request', async () => {
    const { ana, ask } = await circleWithHost(96);
    const other = await foundingPhone('Oz', 99);
    const asked = idOf(await askForHousing(ana.circle, ask, ana.deps));
    const request = housingSeenBy(ana).requests.get(asked)!;
    expect(openHousingNote(other.circle, request)).toEqual({ ok: false, error: 'not-for-this-circle' });
    const altered = request.sealedNote!.slice();
    altered[30] = altered[30]! ^ 0xff;
    expect(openHousingNote(ana.circle, { ...request, sealedNote: altered })).toEqual({ ok: false, error: 'not-for-this-circle' });
    expect(openHousingNote(ana.circle, { ...request, sealedNote: new Uint8Array(20) })).toEqual({ ok: false, error: 'damaged' });
    // Authentic, but not what this version writes: a number where the text should be.
    const strange = sealAsMember(ana.circle, 'housing.note', new Map([[0, 5]]), ana.deps.random);
    expect(openHousingNote(ana.circle, { ...request, sealedNote: strange })).toEqual({ ok: false, error: 'damaged' });
    expect(openHousingNote(ana.circle, { ...request, sealedNote: null })).toEqual({ ok: true, value: null });
    expect(request).toMatchObject({ people: 1, nights: 3, status: 'open' });
  });
});
