import { describe, expect, it } from 'vitest';
import type { CborValue } from '../../../src/records/cbor';
import { makeRecord } from '../../../src/records/make';
import type { NewRecord } from '../../../src/records/make';
import { validateRecord } from '../../../src/records/verify-record';
import { listingPostedBody, listingWithdrawnBody } from '../../../src/records/kinds/listing';
import { circleSettingsBody } from '../../../src/records/kinds/circle-settings';
import { skillAddedBody, skillMarkedBody } from '../../../src/records/kinds/skill-added';
import { cycleThemeBody } from '../../../src/records/kinds/cycle-theme';
import { customSkillRef } from '../../../src/records/kinds/skill-codes';
import { foundCircle, person, T0 } from '../../fixtures/circle';

const circle = foundCircle();
const ana = person(1);
const DAY = 86_400_000;

function record(kind: NewRecord['kind'], body: Map<number, CborValue>, at = T0) {
  return makeRecord({ kind, circle: circle.id, at, body }, ana.signing);
}

function eventOf(kind: NewRecord['kind'], body: Map<number, CborValue>, at = T0) {
  const result = validateRecord(record(kind, body, at).bytes, circle.id);
  return result.ok ? result.value.event : result.error.problem;
}

describe('board records', () => {
  it('carry an offer with its skill, text, estimate and expiry', () => {
    const body = listingPostedBody({ side: 'offer', skill: 'gardening', description: 'Seedlings to share', quarters: 8, expiresAt: T0 + 7 * DAY });
    expect(eventOf('listing.posted', body)).toMatchObject({ kind: 'listing.posted', side: 'offer', skill: 'gardening', quarters: 8 });
  });

  it('carry a need with no estimate and a custom skill', () => {
    const skill = customSkillRef(circle.founding.id);
    const body = listingPostedBody({ side: 'need', skill, description: 'Curtains shortened', quarters: null, expiresAt: T0 + DAY });
    expect(eventOf('listing.posted', body)).toMatchObject({ side: 'need', skill, quarters: null });
  });

  it('refuse an expiry before posting, a bad estimate or an empty text', () => {
    const base = { side: 'offer' as const, skill: 'repair', description: 'Fix things', quarters: 4, expiresAt: T0 + DAY };
    expect(eventOf('listing.posted', listingPostedBody({ ...base, expiresAt: T0 - 1 }))).toBe('invalid-fields');
    expect(eventOf('listing.posted', listingPostedBody({ ...base, quarters: 49 }))).toBe('invalid-fields');
    expect(eventOf('listing.posted', listingPostedBody({ ...base, description: '' }))).toBe('invalid-fields');
  });

  it('withdraw a listing by its id', () => {
    const posted = record('listing.posted', listingPostedBody({ side: 'offer', skill: 'repair', description: 'x', quarters: null, expiresAt: T0 + DAY }));
    expect(eventOf('listing.withdrawn', listingWithdrawnBody(posted.id))).toMatchObject({ kind: 'listing.withdrawn', listing: posted.id });
  });
});

describe('settings records', () => {
  it('carry each reset rule and the limits', () => {
    const rules = [{ kind: 'new-moon' }, { kind: 'full-moon' }, { kind: 'day-of-month', day: 28, utcOffsetMinutes: -300 }] as const;
    for (const resetRule of rules) {
      const body = circleSettingsBody({ resetRule, lowerLimit: -40, upperLimit: 80, limitMode: 'hard' });
      expect(eventOf('circle.settings', body)).toMatchObject({ kind: 'circle.settings', resetRule, lowerLimit: -40, upperLimit: 80, limitMode: 'hard' });
    }
  });

  it('refuse limits on the wrong side of zero, a day past 28 or an odd offset', () => {
    const base = { resetRule: { kind: 'new-moon' } as const, lowerLimit: -40, upperLimit: 80, limitMode: 'soft' as const };
    expect(() => circleSettingsBody({ ...base, upperLimit: -1 })).toThrow();
    expect(() => circleSettingsBody({ ...base, lowerLimit: 1 })).toThrow();
    expect(() => circleSettingsBody({ ...base, resetRule: { kind: 'day-of-month', day: 29, utcOffsetMinutes: 0 } })).toThrow();
    expect(() => circleSettingsBody({ ...base, resetRule: { kind: 'day-of-month', day: 3, utcOffsetMinutes: 7 } })).toThrow();
    // The same, made by hand past the builder's checks, is refused by every phone.
    const forged = new Map<number, CborValue>([[0, 0], [3, 10], [4, 80], [5, 0]]);
    expect(eventOf('circle.settings', forged)).toBe('invalid-fields');
  });
});

describe('skills and themes', () => {
  it('give an added skill a ref from its own record id', () => {
    const made = record('skill.added', skillAddedBody({ name: 'Bike repair', essential: true }));
    const result = validateRecord(made.bytes, circle.id);
    expect(result.ok && result.value.event).toMatchObject({ kind: 'skill.added', name: 'Bike repair', essential: true, skill: customSkillRef(made.id) });
  });

  it('carry a theme for a cycle, negative cycles too', () => {
    expect(eventOf('cycle.theme', cycleThemeBody({ cycle: 332, theme: 'Repair moon' }))).toMatchObject({ cycle: 332, theme: 'Repair moon' });
    expect(eventOf('cycle.theme', cycleThemeBody({ cycle: -12, theme: 'Old moon' }))).toMatchObject({ cycle: -12 });
    expect(eventOf('cycle.theme', cycleThemeBody({ cycle: 5000, theme: 'Far' }))).toBe('invalid-fields');
  });
});

describe('skill marks', () => {
  it('carry a starting or added skill and the flag', () => {
    const custom = customSkillRef(circle.founding.id);
    expect(eventOf('skill.marked', skillMarkedBody({ skill: 'tutoring', essential: true }))).toMatchObject({ kind: 'skill.marked', skill: 'tutoring', essential: true });
    expect(eventOf('skill.marked', skillMarkedBody({ skill: custom, essential: false }))).toMatchObject({ skill: custom, essential: false });
    expect(eventOf('skill.marked', new Map<number, CborValue>([[0, 99], [1, true]]))).toBe('invalid-fields');
  });
});
