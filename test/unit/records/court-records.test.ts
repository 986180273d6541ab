import { describe, expect, it } from 'vitest';
import { courtDateExpiry } from '../../../src/domain/alerts';
import { COURT_LIMITS } from '../../../src/domain/court';
import { toBase64Url } from '../../../src/records/bytes';
import { COURT_SEALED_BYTES } from '../../../src/records/kinds/court';
import { courtDateBody, courtReferenceBody, courtSignupBody } from '../../../src/records/kinds/court-bodies';
import { recordMaker, withEntry } from '../../fixtures/record-kinds';
import { foundCircle, person, seedBytes, T0 } from '../../fixtures/circle';

const DAY = 86_400_000;
const circle = foundCircle();
const ana = person(1);
const { eventOf } = recordMaker(circle, ana);
const DATE = toBase64Url(seedBytes('court-date', 1));
const SIGNUP = toBase64Url(seedBytes('court-signup', 1));
const EXPIRES = courtDateExpiry(T0 + 3 * DAY);
const SEALED = new Uint8Array(80);
const FIELDS = { slots: [{ help: 'companion', count: 2 }, { help: 'interpreter', count: 1 }], expiresAt: EXPIRES, sealedDetails: SEALED } as const;
const dateBody = courtDateBody(FIELDS, T0);
const slotsMap = (entries: ReadonlyArray<readonly [number, unknown]>) => new Map(entries) as Map<number, number>;

describe('court records', () => {
  it('carry a date’s slots, its expiry and its sealed details', () => {
    expect(eventOf('court.date', dateBody)).toMatchObject({ kind: 'court.date', author: ana.key, at: T0, ...FIELDS });
    const everyKind = [{ help: 'companion', count: 3 }, { help: 'interpreter', count: 3 }, { help: 'driver', count: 3 }, { help: 'childcare', count: 3 }] as const;
    expect(eventOf('court.date', courtDateBody({ ...FIELDS, slots: everyKind }, T0))).toMatchObject({ slots: everyKind });
  });

  it('carry sign-ups, withdrawals and cancellations naming their record', () => {
    expect(eventOf('court.signup', courtSignupBody(DATE, 'childcare'))).toMatchObject({ kind: 'court.signup', author: ana.key, date: DATE, help: 'childcare' });
    expect(eventOf('court.signup.withdrawn', courtReferenceBody(SIGNUP))).toMatchObject({ kind: 'court.signup.withdrawn', signup: SIGNUP });
    expect(eventOf('court.cancelled', courtReferenceBody(DATE))).toMatchObject({ kind: 'court.cancelled', date: DATE });
  });

  it('reject slots that are not a map of known kinds to counts', () => {
    for (const slots of [slotsMap([[4, 1]]), slotsMap([[0, -1]]), slotsMap([[0, '2']]), slotsMap([[0, null]]), slotsMap([[0, new Uint8Array(1)]])]) {
      expect(eventOf('court.date', withEntry(dateBody, 0, slots))).toBe('invalid-fields');
    }
    expect(eventOf('court.date', withEntry(dateBody, 0, [[0, 2]]))).toBe('invalid-fields');
    expect(eventOf('court.date', withEntry(dateBody, 0, undefined))).toBe('invalid-fields');
  });

  it('leave the limits on slots and expiry to the projection, so the first download stays small', () => {
    // domain/court lists these as bad-slots and bad-expiry and does not count them (test/unit/domain/court.test.ts).
    expect(eventOf('court.date', withEntry(dateBody, 0, slotsMap([])))).toMatchObject({ slots: [] });
    expect(eventOf('court.date', withEntry(dateBody, 0, slotsMap([[0, 9]])))).toMatchObject({ slots: [{ help: 'companion', count: 9 }] });
    expect(eventOf('court.date', withEntry(dateBody, 1, EXPIRES + 1))).toMatchObject({ expiresAt: EXPIRES + 1 });
  });

  it('reject an expiry that is not a time', () => {
    for (const expiresAt of [-DAY, 'soon', null, new Uint8Array(8), undefined]) expect(eventOf('court.date', withEntry(dateBody, 1, expiresAt))).toBe('invalid-fields');
  });

  it('reject sealed details that are too short, oversized or missing', () => {
    for (const sealed of [new Uint8Array(COURT_SEALED_BYTES.min - 1), new Uint8Array(COURT_SEALED_BYTES.max + 1), new Uint8Array(60_000), 'details', undefined]) {
      expect(eventOf('court.date', withEntry(dateBody, 2, sealed))).not.toMatchObject({ kind: 'court.date' });
    }
    expect(eventOf('court.date', withEntry(dateBody, 2, new Uint8Array(COURT_SEALED_BYTES.max)))).toMatchObject({ kind: 'court.date' });
  });

  it('reject malformed sign-ups, withdrawals and cancellations', () => {
    const signup = courtSignupBody(DATE, 'driver');
    for (const id of [new Uint8Array(31), new Uint8Array(33), DATE, null, undefined]) {
      expect(eventOf('court.signup', withEntry(signup, 0, id))).toBe('invalid-fields');
      expect(eventOf('court.signup.withdrawn', withEntry(courtReferenceBody(SIGNUP), 0, id))).toBe('invalid-fields');
      expect(eventOf('court.cancelled', withEntry(courtReferenceBody(DATE), 0, id))).toBe('invalid-fields');
    }
    for (const help of [4, -1, true, 'driver', undefined]) expect(eventOf('court.signup', withEntry(signup, 1, help))).toBe('invalid-fields');
  });

  it('reject keys no phone of ours writes, in every kind', () => {
    expect(eventOf('court.date', withEntry(dateBody, 3, 1))).toBe('invalid-fields');
    expect(eventOf('court.signup', withEntry(courtSignupBody(DATE, 'driver'), 2, 'x'))).toBe('invalid-fields');
    expect(eventOf('court.signup.withdrawn', withEntry(courtReferenceBody(SIGNUP), 1, 1))).toBe('invalid-fields');
    expect(eventOf('court.cancelled', withEntry(courtReferenceBody(DATE), 1, 1))).toBe('invalid-fields');
  });

  it('refuse to build what the parsers would refuse', () => {
    expect(() => courtDateBody({ ...FIELDS, slots: [] }, T0)).toThrow(RangeError);
    expect(() => courtDateBody({ ...FIELDS, slots: [{ help: 'driver', count: 9 }] }, T0)).toThrow(RangeError);
    expect(() => courtDateBody({ ...FIELDS, slots: [{ help: 'driver', count: 1 }, { help: 'companion', count: 1 }] }, T0)).toThrow(RangeError);
    expect(() => courtDateBody({ ...FIELDS, slots: [{ help: 'driver', count: 8 }, { help: 'childcare', count: 5 }] }, T0)).toThrow(RangeError);
    expect(() => courtDateBody({ ...FIELDS, expiresAt: EXPIRES + 5 }, T0)).toThrow(RangeError);
    expect(() => courtDateBody({ ...FIELDS, expiresAt: courtDateExpiry(T0 + COURT_LIMITS.aheadMs + 3 * DAY) }, T0)).toThrow(RangeError);
    expect(() => courtDateBody(FIELDS, EXPIRES)).toThrow(RangeError);
    expect(() => courtDateBody({ ...FIELDS, sealedDetails: new Uint8Array(3) }, T0)).toThrow(RangeError);
    expect(() => courtSignupBody(DATE, 'lawyer' as 'driver')).toThrow(RangeError);
    expect(() => courtReferenceBody('short')).toThrow(RangeError);
  });
});
