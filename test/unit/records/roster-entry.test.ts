import { describe, expect, it } from 'vitest';
import { ROSTER_LIMITS, rosterEntryBody } from '../../../src/records/kinds/roster-entry';
import type { RosterFields } from '../../../src/records/kinds/roster-entry';
import { fieldKey, openFields, sealFields } from '../../../src/records/sealed-field';
import { recordMaker, withEntry } from '../../fixtures/record-kinds';
import { foundCircle, person, seedBytes, seededRandom } from '../../fixtures/circle';

const circle = foundCircle();
const ana = person(1);
const { eventOf } = recordMaker(circle, ana);

const FULL: RosterFields = {
  roles: ['caller', 'housing'],
  skills: ['legal', 'interpreting'],
  languages: ['Spanish', 'Tagalog'],
  housing: { capacity: 2, nights: 7, accessible: true },
  sealedContacts: seedBytes('sealed', 1).slice(0, 60),
};

describe('roster entries', () => {
  it('carry roles, skills, languages, a housing pledge and sealed contacts', () => {
    expect(eventOf('roster.entry', rosterEntryBody(FULL))).toMatchObject({ kind: 'roster.entry', author: ana.key, ...FULL });
    const bare = { roles: [], skills: [], languages: [], housing: null, sealedContacts: null };
    expect(eventOf('roster.entry', rosterEntryBody(bare))).toMatchObject(bare);
  });

  it('encode a set of roles one way whatever order they were chosen in', () => {
    const a = rosterEntryBody({ ...FULL, roles: ['housing', 'caller'] });
    const b = rosterEntryBody(FULL);
    expect(a.get(0)).toEqual(b.get(0));
  });

  it('refuse to build what breaks the rules', () => {
    expect(() => rosterEntryBody({ ...FULL, housing: null })).toThrow('housing');
    expect(() => rosterEntryBody({ ...FULL, roles: ['caller'] })).toThrow('housing');
    expect(() => rosterEntryBody({ ...FULL, housing: { capacity: 0, nights: 7, accessible: false } })).toThrow('housing');
    expect(() => rosterEntryBody({ ...FULL, languages: ['Spanish', 'Spanish'] })).toThrow('languages');
    expect(() => rosterEntryBody({ ...FULL, languages: Array.from({ length: 9 }, (_, i) => `L${i}`) })).toThrow('languages');
    expect(() => rosterEntryBody({ ...FULL, sealedContacts: new Uint8Array(ROSTER_LIMITS.sealedBytes + 1) })).toThrow('contacts');
  });

  it('reject bodies a phone of ours could not have made', () => {
    const body = rosterEntryBody(FULL);
    expect(eventOf('roster.entry', withEntry(body, 0, [3, 0]))).toBe('invalid-fields');
    expect(eventOf('roster.entry', withEntry(body, 0, [0, 0, 3]))).toBe('invalid-fields');
    expect(eventOf('roster.entry', withEntry(body, 0, [0, 9]))).toBe('invalid-fields');
    expect(eventOf('roster.entry', withEntry(body, 1, 'legal'))).toBe('invalid-fields');
    expect(eventOf('roster.entry', withEntry(body, 2, [7]))).toBe('invalid-fields');
    expect(eventOf('roster.entry', withEntry(body, 2, [' Spanish'])))
      .toBe('invalid-fields');
    expect(eventOf('roster.entry', withEntry(body, 3, undefined))).toBe('invalid-fields');
    expect(eventOf('roster.entry', withEntry(body, 3, new Map([[0, 2], [1, 7], [2, 1]])))).toBe('invalid-fields');
    expect(eventOf('roster.entry', withEntry(body, 3, new Map<number, boolean | number>([[0, 2], [1, 91], [2, true]])))).toBe('invalid-fields');
    expect(eventOf('roster.entry', withEntry(body, 4, 'phone'))).toBe('invalid-fields');
    expect(eventOf('roster.entry', withEntry(body, 4, new Uint8Array(ROSTER_LIMITS.sealedBytes + 1)))).toBe('invalid-fields');
    expect(eventOf('roster.entry', withEntry(body, 9, 1))).toBe('invalid-fields');
  });
});

describe('sealed fields', () => {
  const key = fieldKey(seedBytes('circle secret', 1));
  const context = { circle: circle.id, author: ana.signing.publicKey, purpose: 'roster.contacts' };
  const fields = new Map([[0, '+34 600 12 34 56']]);
  const sealed = sealFields(key, context, fields, seededRandom('nonce'));

  it('open with the circle key for the same author and purpose', () => {
    expect(openFields(key, context, sealed)).toEqual({ ok: true, value: fields });
    expect(new TextDecoder().decode(sealed).includes('600')).toBe(false);
  });

  it('do not open under another circle, for another author or purpose, or altered', () => {
    const problem = { ok: false, error: 'not-for-this-circle' };
    expect(openFields(fieldKey(seedBytes('circle secret', 2)), context, sealed)).toEqual(problem);
    expect(openFields(key, { ...context, author: person(2).signing.publicKey }, sealed)).toEqual(problem);
    expect(openFields(key, { ...context, purpose: 'alert.details' }, sealed)).toEqual(problem);
    const flipped = sealed.slice();
    flipped[30] = flipped[30]! ^ 1;
    expect(openFields(key, context, flipped)).toEqual(problem);
    expect(openFields(key, context, sealed.slice(0, 20))).toEqual({ ok: false, error: 'damaged' });
  });
});
