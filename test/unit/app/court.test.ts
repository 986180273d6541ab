import { describe, expect, it } from 'vitest';
import { cancelCourtDate, postCourtDate, signUp, withdrawSignup } from '../../../src/app/defense/court';
import type { CourtDateInput } from '../../../src/app/defense/court';
import { COURT_DETAIL_LIMITS, openCourtDetails, sealCourtDetails } from '../../../src/app/defense/court-details';
import { courtReminders } from '../../../src/app/defense/court-reminders';
import { courtOf } from '../../../src/app/court-view';
import { setLock } from '../../../src/app/lock/app-lock';
import { courtDateExpiry } from '../../../src/domain/alerts';
import { COURT_LIMITS, REMINDER_AHEAD_MS } from '../../../src/domain/court';
import { toBase64Url } from '../../../src/records/bytes';
import type { CborValue } from '../../../src/records/cbor';
import { signingKeysFromSeed } from '../../../src/records/signatures';
import { courtDateBody, courtSignupBody } from '../../../src/records/kinds/court-bodies';
import { makeRecord } from '../../../src/records/make';
import { signAndStore } from '../../../src/app/records';
import { sealExpiring } from '../../../src/app/defense/sealing';
import { CHAIN_STEP_MS } from '../../../src/records/expiry-chain';
import { foundingPhone, joiningPhone, joiningPhoneUnsynced, sync } from '../../fixtures/app';
import type { Phone } from '../../fixtures/app';
import { seedBytes } from '../../fixtures/circle';

const WEAK = { iterations: 1_000, testOnly: { allowWeakIterationsForTests: true } } as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The fixtures' clocks start on 1 November 2026 at noon UTC; the hearing is two days later. */
const HEARING = Date.UTC(2026, 10, 3, 9, 30);
const utcDay = (at: number): number => Math.floor(at / DAY);

const INPUT: CourtDateInput = {
  hearingAt: HEARING,
  court: ' Juzgado de Primera Instancia  nº 4 ',
  room: 'Room 4',
  note: 'For Marta: eviction hearing, bring the rent receipts',
  slots: [
    { help: 'companion', count: 2 },
    { help: 'interpreter', count: 0 },
    { help: 'driver', count: 1 },
  ],
};

async function lock(phone: Phone): Promise<Phone> {
  await setLock(phone.vault, { passphrase: `${phone.name} keeps a long passphrase`, duress: null, autoLock: 5 }, phone.deps, WEAK);
  return phone;
}

const courtOfPhone = (phone: Phone) => courtOf(phone.circle.replica.current());
const keyOf = (phone: Phone) => phone.circle.membership.memberKey;

async function posted(ana: Phone, input: CourtDateInput = INPUT): Promise<string> {
  const result = await postCourtDate(ana.circle, input, ana.deps);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('posting a court date', () => {
  it('asks for the app lock first', async () => {
    const ana = await foundingPhone('Ana', 201);
    expect(await postCourtDate(ana.circle, INPUT, ana.deps)).toEqual({ ok: false, error: 'lock-required' });
    expect(courtOfPhone(ana).dates.size).toBe(0);
  });

  it('stores the details sealed; another member opens them after sync and signs up', async () => {
    const ana = await lock(await foundingPhone('Ana', 202));
    const bo = await joiningPhone(ana, 'Bo', 203);
    const id = await posted(ana);
    const date = courtOfPhone(ana).dates.get(id)!;
    expect(date.slots).toEqual([
      { help: 'companion', count: 2, filled: [], waiting: [] },
      { help: 'driver', count: 1, filled: [], waiting: [] },
    ]);
    expect(date.expiresAt).toBe(Date.UTC(2026, 10, 5));
    const stored = new TextDecoder().decode(date.sealedDetails);
    expect(stored.includes('Juzgado')).toBe(false);
    expect(stored.includes('Marta')).toBe(false);

    await sync(ana, bo);
    const seenByBo = courtOfPhone(bo).dates.get(id)!;
    expect(openCourtDetails(bo.circle, seenByBo, bo.deps.now())).toEqual({ hearingAt: HEARING, court: 'Juzgado de Primera Instancia nº 4', room: 'Room 4', note: INPUT.note });
    const signup = await signUp(bo.circle, id, 'companion', bo.deps);
    expect(signup.ok).toBe(true);
    await sync(ana, bo);
    expect(courtOfPhone(ana).dates.get(id)!.slots[0]!.filled.map((place) => place.member)).toEqual([keyOf(bo)]);
  });

  it('answers bad input with what is wrong, and stores nothing', async () => {
    const ana = await lock(await foundingPhone('Ana', 204));
    const now = ana.deps.now();
    const bad: ReadonlyArray<readonly [Partial<CourtDateInput>, string]> = [
      [{ hearingAt: Number.NaN }, 'hearing-time'],
      [{ hearingAt: now - HOUR }, 'hearing-past'],
      [{ hearingAt: now }, 'hearing-past'],
      [{ hearingAt: now + COURT_LIMITS.aheadMs + DAY }, 'hearing-too-far'],
      [{ court: '   ' }, 'court'],
      [{ court: 'x'.repeat(COURT_DETAIL_LIMITS.courtChars + 1) }, 'court'],
      [{ room: 'x'.repeat(COURT_DETAIL_LIMITS.roomChars + 1) }, 'room'],
      [{ note: 'a\u0000b' }, 'note'],
      [{ slots: [] }, 'slots'],
      [{ slots: [{ help: 'companion', count: 0 }] }, 'slots'],
      [{ slots: [{ help: 'companion', count: 9 }] }, 'slots-too-many'],
      [{ slots: [{ help: 'companion', count: 8 }, { help: 'driver', count: 5 }] }, 'slots-too-many'],
      [{ slots: [{ help: 'lawyer' as 'driver', count: 1 }] }, 'slots'],
      [{ slots: [{ help: 'companion', count: 1.5 }] }, 'slots'],
    ];
    for (const [change, problem] of bad) expect(await postCourtDate(ana.circle, { ...INPUT, ...change }, ana.deps)).toEqual({ ok: false, error: problem });
    expect(courtOfPhone(ana).dates.size).toBe(0);
  });

  it('does not count a date with no slots, absurd counts or a bad expiry that another program signed', async () => {
    const ana = await lock(await foundingPhone('Ana', 206));
    const sealed = sealCourtDetails(ana.circle, INPUT, ana.deps);
    if (!sealed.ok) throw new Error(sealed.error);
    const expires = courtDateExpiry(HEARING);
    const raw = (slots: Map<number, number>, expiresAt = expires) =>
      new Map<number, CborValue>([
        [0, slots],
        [1, expiresAt],
        [2, sealed.value],
      ]);
    for (const body of [raw(new Map()), raw(new Map([[0, 9]])), raw(new Map([[0, 8], [2, 5]])), raw(new Map([[0, 1]]), expires + 1)]) {
      await signAndStore(ana.circle, 'court.date', body, ana.deps);
    }
    const court = courtOfPhone(ana);
    expect(court.dates.size).toBe(0);
    expect(court.problems.map((problem) => problem.reason).sort()).toEqual(['bad-expiry', 'bad-slots', 'bad-slots', 'bad-slots']);
  });

  it('takes the longest details in the widest characters', async () => {
    const ana = await lock(await foundingPhone('Ana', 205));
    const wide = (chars: number) => '😀'.repeat(chars);
    const id = await posted(ana, { ...INPUT, court: wide(COURT_DETAIL_LIMITS.courtChars), room: wide(COURT_DETAIL_LIMITS.roomChars), note: wide(COURT_DETAIL_LIMITS.noteChars) });
    expect(openCourtDetails(ana.circle, courtOfPhone(ana).dates.get(id)!, ana.deps.now())).toMatchObject({ note: wide(COURT_DETAIL_LIMITS.noteChars) });
  });
});

describe('signing up, withdrawing, cancelling', () => {
  async function circleWithDate(seed: number) {
    const ana = await lock(await foundingPhone('Ana', seed));
    const bo = await joiningPhone(ana, 'Bo', seed + 1);
    const cy = await joiningPhone(ana, 'Cy', seed + 2);
    const id = await posted(ana, { ...INPUT, slots: [{ help: 'companion', count: 1 }] });
    await sync(ana, bo);
    await sync(ana, cy);
    await sync(bo, cy);
    return { ana, bo, cy, id };
  }

  it('refuses a full slot, a second sign-up, help not asked for and unknown dates', async () => {
    const { bo, cy, id } = await circleWithDate(210);
    expect((await signUp(bo.circle, id, 'companion', bo.deps)).ok).toBe(true);
    expect(await signUp(bo.circle, id, 'companion', bo.deps)).toEqual({ ok: false, error: 'already-signed-up' });
    await sync(bo, cy);
    expect(await signUp(cy.circle, id, 'companion', cy.deps)).toEqual({ ok: false, error: 'slot-full' });
    expect(await signUp(cy.circle, id, 'driver', cy.deps)).toEqual({ ok: false, error: 'help-not-wanted' });
    expect(await signUp(cy.circle, toBase64Url(seedBytes('court', 1)), 'companion', cy.deps)).toEqual({ ok: false, error: 'unknown-date' });
  });

  it('refuses a sign-up from a phone that is not a member (yet)', async () => {
    const { ana, id } = await circleWithDate(213);
    const newcomer = await joiningPhoneUnsynced(ana, 'Dee', 216);
    expect(await signUp(newcomer.circle, id, 'companion', newcomer.deps)).toEqual({ ok: false, error: 'not-a-member' });
  });

  it('does not count a sign-up forged by someone outside the circle', async () => {
    const { ana, id } = await circleWithDate(217);
    const stranger = signingKeysFromSeed(seedBytes('stranger', 3));
    const forged = makeRecord({ kind: 'court.signup', circle: ana.circle.replica.circleId, at: ana.deps.now(), body: courtSignupBody(id, 'companion') }, stranger);
    await ana.circle.replica.add(forged.bytes);
    const court = courtOfPhone(ana);
    expect(court.dates.get(id)!.slots[0]!.filled).toEqual([]);
    expect(court.problems.map((problem) => [problem.id, problem.reason])).toEqual([[forged.id, 'not-a-member']]);
  });

  it('lets only the one who signed up withdraw, and frees the place', async () => {
    const { bo, cy, id } = await circleWithDate(220);
    const signup = await signUp(bo.circle, id, 'companion', bo.deps);
    if (!signup.ok) throw new Error(signup.error);
    await sync(bo, cy);
    expect(await withdrawSignup(cy.circle, signup.value, cy.deps)).toEqual({ ok: false, error: 'not-the-signer' });
    expect((await withdrawSignup(bo.circle, signup.value, bo.deps)).ok).toBe(true);
    expect(await withdrawSignup(bo.circle, signup.value, bo.deps)).toEqual({ ok: false, error: 'unknown-signup' });
    await sync(bo, cy);
    expect((await signUp(cy.circle, id, 'companion', cy.deps)).ok).toBe(true);
  });

  it('lets only the author cancel; a cancelled or past date takes no sign-up', async () => {
    const { ana, bo, id } = await circleWithDate(230);
    expect(await cancelCourtDate(bo.circle, id, bo.deps)).toEqual({ ok: false, error: 'not-the-author' });
    expect((await cancelCourtDate(ana.circle, id, ana.deps)).ok).toBe(true);
    expect(await cancelCourtDate(ana.circle, id, ana.deps)).toEqual({ ok: false, error: 'already-cancelled' });
    await sync(ana, bo);
    expect(await signUp(bo.circle, id, 'companion', bo.deps)).toEqual({ ok: false, error: 'date-closed' });

    const other = await posted(ana);
    await sync(ana, bo);
    bo.deps.set(courtDateExpiry(HEARING));
    expect(await signUp(bo.circle, other, 'companion', bo.deps)).toEqual({ ok: false, error: 'date-closed' });
    ana.deps.set(courtDateExpiry(HEARING));
    expect(await cancelCourtDate(ana.circle, other, ana.deps)).toEqual({ ok: false, error: 'date-closed' });
  });
});

describe('sealed details that do not open', () => {
  it('say why, and the rest of the date still counts', async () => {
    const ana = await lock(await foundingPhone('Ana', 240));
    const oz = await lock(await foundingPhone('Oz', 241));
    const id = await posted(ana);
    const date = courtOfPhone(ana).dates.get(id)!;
    expect(openCourtDetails(oz.circle, date, oz.deps.now())).toBe('not-for-this-circle');
    const altered = date.sealedDetails.slice();
    altered[40] = altered[40]! ^ 0xff;
    expect(openCourtDetails(ana.circle, { ...date, sealedDetails: altered }, ana.deps.now())).toBe('not-for-this-circle');
    expect(openCourtDetails(ana.circle, { ...date, sealedDetails: date.sealedDetails.slice(0, 30) }, ana.deps.now())).toBe('damaged');
  });

  it('are damaged when the sealed time disagrees with the public expiry', async () => {
    const ana = await lock(await foundingPhone('Ana', 242));
    const expiresAt = courtDateExpiry(HEARING + 5 * DAY);
    const fields = new Map<number, CborValue>([
      [0, 'Juzgado nº 4'],
      [1, ''],
      [2, ''],
      [3, HEARING],
    ]);
    const sealed = sealExpiring(ana.circle, 'court.details', fields, expiresAt, ana.deps);
    if (typeof sealed === 'string') throw new Error(sealed);
    const record = await signAndStore(ana.circle, 'court.date', courtDateBody({ slots: [{ help: 'companion', count: 1 }], expiresAt, sealedDetails: sealed }, ana.deps.now()), ana.deps);
    const date = courtOfPhone(ana).dates.get(record.id)!;
    expect(date.slots[0]!.count).toBe(1);
    expect(openCourtDetails(ana.circle, date, ana.deps.now())).toBe('damaged');
  });
});

describe('the expiry of court details', () => {
  it('opens on every phone until the date expires, and on none after', async () => {
    const ana = await lock(await foundingPhone('Ana', 245));
    const bo = await joiningPhone(ana, 'Bo', 246);
    const id = await posted(ana);
    await sync(ana, bo);
    const date = courtOfPhone(bo).dates.get(id)!;
    expect(openCourtDetails(bo.circle, date, date.expiresAt - 60_000)).toMatchObject({ room: 'Room 4' });
    bo.deps.set(date.expiresAt + CHAIN_STEP_MS);
    expect(openCourtDetails(bo.circle, date, bo.deps.now())).toBe('expired');
    // Once the chain has stepped past the expiry, no earlier time brings the key back.
    expect(openCourtDetails(bo.circle, date, date.expiresAt - 60_000)).toBe('expired');
  });

  it('cannot be sealed on a phone with no expiry chain, which says so', async () => {
    const ana = await lock(await foundingPhone('Ana', 247));
    const id = await posted(ana);
    ana.circle.expiry.chain = null;
    expect(await postCourtDate(ana.circle, INPUT, ana.deps)).toEqual({ ok: false, error: 'no-chain' });
    expect(openCourtDetails(ana.circle, courtOfPhone(ana).dates.get(id)!, ana.deps.now())).toBe('no-chain');
    expect(courtOfPhone(ana).dates.size).toBe(1);
  });
});

describe('reminders', () => {
  it('show the author and those going, from two days before until after the hearing, only on an unlocked phone', async () => {
    const ana = await lock(await foundingPhone('Ana', 250));
    const bo = await lock(await joiningPhone(ana, 'Bo', 251));
    const cy = await joiningPhone(ana, 'Cy', 252);
    const id = await posted(ana);
    await sync(ana, bo);
    await sync(ana, cy);
    expect((await signUp(bo.circle, id, 'companion', bo.deps)).ok).toBe(true);
    await sync(ana, bo);
    const remind = (phone: Phone) => courtReminders(phone.circle, courtOfPhone(phone), phone.deps, utcDay);

    bo.deps.set(HEARING - REMINDER_AHEAD_MS - 1);
    expect(remind(bo)).toEqual([]);
    bo.deps.set(Date.UTC(2026, 10, 2, 10));
    expect(remind(bo)).toEqual([{ date: id, day: 'tomorrow', details: expect.objectContaining({ room: 'Room 4' }) as unknown, help: 'companion', filled: 1, wanted: 3 }]);
    bo.deps.set(Date.UTC(2026, 10, 3, 7));
    expect(remind(bo)).toMatchObject([{ day: 'today', help: 'companion' }]);
    ana.deps.set(Date.UTC(2026, 10, 3, 7));
    expect(remind(ana)).toMatchObject([{ day: 'today', help: null, filled: 1, wanted: 3 }]);
    // Cy is not going; and without a lock no details are opened for a reminder.
    cy.deps.set(Date.UTC(2026, 10, 3, 7));
    expect(remind(cy)).toEqual([]);
    bo.deps.set(HEARING + 2 * HOUR);
    expect(remind(bo)).toEqual([]);

    bo.deps.set(Date.UTC(2026, 10, 3, 7));
    bo.deps.keyring.lock();
    expect(remind(bo)).toEqual([]);
  });
});
