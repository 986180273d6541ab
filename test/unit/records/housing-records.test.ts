import { describe, expect, it } from 'vitest';
import { DAYS_AHEAD, DAYS_BACK, dayOf, MAX_NIGHTS, MAX_PEOPLE } from '../../../src/domain/housing';
import { toBase64Url } from '../../../src/records/bytes';
import { MAX_SEALED_NOTE } from '../../../src/records/kinds/housing';
import { housingClosedBody, housingRequestedBody, housingStayBody, housingStayEndedBody } from '../../../src/records/kinds/housing-bodies';
import type { HousingRequestFields } from '../../../src/records/kinds/housing-bodies';
import { validateRecord } from '../../../src/records/verify-record';
import { recordMaker, withEntry } from '../../fixtures/record-kinds';
import { foundCircle, person, seedBytes, T0 } from '../../fixtures/circle';

const circle = foundCircle();
const ana = person(1);
const { eventOf, record } = recordMaker(circle, ana);
const REQUEST = toBase64Url(seedBytes('request', 1));
const STAY = toBase64Url(seedBytes('stay', 1));
const TODAY = dayOf(T0);
const NOTE = new Uint8Array(60).fill(7);
const ASK: HousingRequestFields = { people: 2, nights: 5, from: TODAY + 1, accessible: true, neighbour: false, sealedNote: NOTE };
const STAY_FIELDS = { people: 1, nights: 3, from: TODAY };

describe('housing records', () => {
  it('carry a request, with or without a sealed note', () => {
    expect(eventOf('housing.requested', housingRequestedBody(ASK))).toMatchObject({ kind: 'housing.requested', author: ana.key, ...ASK });
    const bare = { ...ASK, neighbour: true, sealedNote: null };
    expect(eventOf('housing.requested', housingRequestedBody(bare))).toMatchObject(bare);
    expect(housingRequestedBody(bare).has(5)).toBe(false);
  });

  it('carry stays, closings and early ends naming their request or stay', () => {
    expect(eventOf('housing.stay', housingStayBody(REQUEST, STAY_FIELDS))).toMatchObject({ kind: 'housing.stay', request: REQUEST, ...STAY_FIELDS });
    expect(eventOf('housing.closed', housingClosedBody(REQUEST, 'housed-elsewhere'))).toMatchObject({ kind: 'housing.closed', request: REQUEST, reason: 'housed-elsewhere' });
    expect(eventOf('housing.closed', housingClosedBody(REQUEST, 'not-needed'))).toMatchObject({ reason: 'not-needed' });
    expect(eventOf('housing.stay.ended', housingStayEndedBody(STAY, TODAY + 2))).toMatchObject({ kind: 'housing.stay.ended', stay: STAY, day: TODAY + 2 });
  });

  it('refuse to build what breaks the rules', () => {
    expect(() => housingRequestedBody({ ...ASK, people: 0 })).toThrow(RangeError);
    expect(() => housingRequestedBody({ ...ASK, nights: MAX_NIGHTS + 1 })).toThrow(RangeError);
    expect(() => housingRequestedBody({ ...ASK, from: -1 })).toThrow(RangeError);
    expect(() => housingRequestedBody({ ...ASK, sealedNote: new Uint8Array(MAX_SEALED_NOTE + 1) })).toThrow('sealed note');
    expect(() => housingStayBody(REQUEST, { ...STAY_FIELDS, people: MAX_PEOPLE + 1 })).toThrow(RangeError);
    expect(() => housingStayBody('short', STAY_FIELDS)).toThrow('record id');
    expect(() => housingClosedBody(REQUEST, 'bored' as 'not-needed')).toThrow('unknown value');
    expect(() => housingStayEndedBody(STAY, 1.5)).toThrow('day');
  });

  it('reject people and nights out of range', () => {
    const ask = housingRequestedBody(ASK);
    const stay = housingStayBody(REQUEST, STAY_FIELDS);
    for (const people of [0, -1, MAX_PEOPLE + 1, '2', null, undefined]) {
      expect(eventOf('housing.requested', withEntry(ask, 0, people))).toBe('invalid-fields');
      expect(eventOf('housing.stay', withEntry(stay, 1, people))).toBe('invalid-fields');
    }
    for (const nights of [0, MAX_NIGHTS + 1, 2 ** 40, true, undefined]) {
      expect(eventOf('housing.requested', withEntry(ask, 1, nights))).toBe('invalid-fields');
      expect(eventOf('housing.stay', withEntry(stay, 2, nights))).toBe('invalid-fields');
    }
    expect(eventOf('housing.requested', withEntry(ask, 0, MAX_PEOPLE))).toMatchObject({ people: MAX_PEOPLE });
    expect(eventOf('housing.stay', withEntry(stay, 2, MAX_NIGHTS))).toMatchObject({ nights: MAX_NIGHTS });
  });

  it('reject days far from the record’s own time', () => {
    const ask = housingRequestedBody(ASK);
    const stay = housingStayBody(REQUEST, STAY_FIELDS);
    const end = housingStayEndedBody(STAY, TODAY);
    const far = [TODAY - DAYS_BACK - 1, TODAY + DAYS_AHEAD + 1, 2 ** 40, -1, String(TODAY)];
    for (const day of far) {
      expect(eventOf('housing.requested', withEntry(ask, 2, day))).toBe('invalid-fields');
      expect(eventOf('housing.stay', withEntry(stay, 3, day))).toBe('invalid-fields');
      expect(eventOf('housing.stay.ended', withEntry(end, 1, day))).toBe('invalid-fields');
    }
    expect(eventOf('housing.stay', withEntry(stay, 3, TODAY - DAYS_BACK))).toMatchObject({ from: TODAY - DAYS_BACK });
  });

  it('reject flags that are not booleans and notes that are not sealed bytes of a sensible size', () => {
    const ask = housingRequestedBody(ASK);
    for (const flag of [0, 1, 'yes', null, undefined]) {
      expect(eventOf('housing.requested', withEntry(ask, 3, flag))).toBe('invalid-fields');
      expect(eventOf('housing.requested', withEntry(ask, 4, flag))).toBe('invalid-fields');
    }
    for (const note of [new Uint8Array(40), new Uint8Array(MAX_SEALED_NOTE + 1), 'a note in the clear', null, new Uint8Array(0)]) {
      expect(eventOf('housing.requested', withEntry(ask, 5, note))).toBe('invalid-fields');
    }
    expect(eventOf('housing.requested', withEntry(ask, 5, new Uint8Array(MAX_SEALED_NOTE)))).toMatchObject({ kind: 'housing.requested' });
  });

  it('reject references that are not 32-byte record ids, and unknown closing reasons', () => {
    const stay = housingStayBody(REQUEST, STAY_FIELDS);
    const close = housingClosedBody(REQUEST, 'not-needed');
    const end = housingStayEndedBody(STAY, TODAY);
    for (const id of [new Uint8Array(31), new Uint8Array(33), REQUEST, null, undefined]) {
      expect(eventOf('housing.stay', withEntry(stay, 0, id))).toBe('invalid-fields');
      expect(eventOf('housing.closed', withEntry(close, 0, id))).toBe('invalid-fields');
      expect(eventOf('housing.stay.ended', withEntry(end, 0, id))).toBe('invalid-fields');
    }
    for (const reason of [2, -1, 'not-needed', undefined]) expect(eventOf('housing.closed', withEntry(close, 1, reason))).toBe('invalid-fields');
    for (const kind of ['housing.requested', 'housing.stay', 'housing.closed', 'housing.stay.ended'] as const) expect(eventOf(kind, new Map())).toBe('invalid-fields');
  });

  it('reject keys no phone of ours writes', () => {
    expect(eventOf('housing.requested', withEntry(housingRequestedBody(ASK), 6, 1))).toBe('invalid-fields');
    expect(eventOf('housing.stay', withEntry(housingStayBody(REQUEST, STAY_FIELDS), 4, 'x'))).toBe('invalid-fields');
    expect(eventOf('housing.closed', withEntry(housingClosedBody(REQUEST, 'not-needed'), 2, 0))).toBe('invalid-fields');
    expect(eventOf('housing.stay.ended', withEntry(housingStayEndedBody(STAY, TODAY), 2, 0))).toBe('invalid-fields');
  });

  it('reject an oversized record of every kind before reading its body', () => {
    const bodies = {
      'housing.requested': housingRequestedBody(ASK),
      'housing.stay': housingStayBody(REQUEST, STAY_FIELDS),
      'housing.closed': housingClosedBody(REQUEST, 'not-needed'),
      'housing.stay.ended': housingStayEndedBody(STAY, TODAY),
    } as const;
    for (const [kind, body] of Object.entries(bodies)) {
      const made = record(kind as keyof typeof bodies, withEntry(body, 0, new Uint8Array(50_000)));
      const result = validateRecord(made.bytes, circle.id);
      expect(result.ok ? 'accepted' : result.error.problem).toBe('too-large');
    }
  });
});
