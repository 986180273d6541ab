import { describe, expect, it } from 'vitest';
import type { CborValue } from '../../../src/records/cbor';
import { toBase64Url, utf8 } from '../../../src/records/bytes';
import { makeRecord } from '../../../src/records/make';
import { readTrustedRecord } from '../../../src/records/validate';
import { validateRecord } from '../../../src/records/verify-record';
import { checkToolFields, photoType, TOOL_LIMITS, toolRegisteredBody } from '../../../src/records/kinds/tool-registered';
import type { ToolFields } from '../../../src/records/kinds/tool-registered';
import { foundCircle, person, seedBytes, seededRandom, T0 } from '../../fixtures/circle';

const circle = foundCircle();
const ana = person(1);
const areaId = toBase64Url(seedBytes('area', 1));

const drill: ToolFields = {
  name: 'Cordless drill (18 V)',
  category: 'power-tools',
  area: areaId,
  accessories: ['Battery', 'Charger', 'Bit case'],
  careNotes: 'Charge the battery before returning it.\n\nKeep the bits in their case.',
  replacementValue: 120,
  loanDays: 7,
  photo: null,
};

function jpeg(length: number): Uint8Array {
  const bytes = seededRandom('jpeg')(length);
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return bytes;
}

function png(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...utf8('IHDR')], 0);
  return bytes;
}

function webp(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  const size = length - 8;
  bytes.set([...utf8('RIFF'), size & 0xff, (size >> 8) & 0xff, (size >> 16) & 0xff, size >>> 24, ...utf8('WEBPVP8 ')], 0);
  return bytes;
}

function register(body: Map<number, CborValue>) {
  return makeRecord({ kind: 'tool.registered', circle: circle.id, at: T0, body }, ana.signing);
}

function eventOf(body: Map<number, CborValue>) {
  const result = validateRecord(register(body).bytes, circle.id);
  return result.ok ? result.value.event : result.error.problem;
}

/** A body with one field replaced (or added), past the builder's checks. */
function forged(key: number, value: CborValue | undefined): Map<number, CborValue> {
  const body = new Map(toolRegisteredBody(drill));
  if (value === undefined) body.delete(key);
  else body.set(key, value);
  return body;
}

describe('photos', () => {
  it('are recognised by their first bytes as JPEG, PNG or WebP', () => {
    expect(photoType(jpeg(2000))).toBe('jpeg');
    expect(photoType(png(2000))).toBe('png');
    expect(photoType(webp(2000))).toBe('webp');
  });

  it('are nothing else: random bytes, a GIF, an SVG, text, a cut WebP, nothing', () => {
    expect(photoType(seededRandom('noise')(2000))).toBeNull();
    expect(photoType(utf8('GIF89a\u0001\u0000\u0001\u0000'))).toBeNull();
    expect(photoType(utf8('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
    expect(photoType(utf8('a photo of a drill'))).toBeNull();
    expect(photoType(webp(2000).slice(0, 1500))).toBeNull();
    expect(photoType(png(2000).slice(0, 8))).toBeNull();
    expect(photoType(new Uint8Array(0))).toBeNull();
  });
});

describe('tool registrations', () => {
  it('round-trip every field', () => {
    const made = register(toolRegisteredBody(drill));
    const result = validateRecord(made.bytes, circle.id);
    expect(result.ok && result.value.event).toEqual({ kind: 'tool.registered', id: made.id, author: ana.key, at: T0, ...drill });
    expect(readTrustedRecord(made.bytes)?.event).toMatchObject({ kind: 'tool.registered', name: drill.name });
  });

  it('carry a photo of up to 30 KB, and leave out what nobody gave', () => {
    const photo = jpeg(TOOL_LIMITS.photoBytes);
    const bare: ToolFields = { ...drill, area: null, accessories: [], careNotes: '', replacementValue: null, photo };
    expect(eventOf(toolRegisteredBody(bare))).toMatchObject({ area: null, accessories: [], careNotes: '', replacementValue: null, photo });
    for (const category of ['hand-tools', 'other'] as const) expect(eventOf(toolRegisteredBody({ ...drill, category }))).toMatchObject({ category });
  });

  it('name the first field a form must correct', () => {
    expect(checkToolFields(drill)).toBeNull();
    const cases: [Partial<ToolFields>, string][] = [
      [{ name: 'x'.repeat(61) }, 'name'],
      [{ name: '' }, 'name'],
      [{ name: 'Drill\n2' }, 'name'],
      [{ category: 'rockets' as ToolFields['category'] }, 'category'],
      [{ area: 'not-an-id' }, 'area'],
      [{ accessories: Array.from({ length: 17 }, (_, i) => `Part ${i}`) }, 'accessories'],
      [{ accessories: ['Battery', 'Battery'] }, 'accessories'],
      [{ accessories: ['x'.repeat(41)] }, 'accessories'],
      [{ accessories: [''] }, 'accessories'],
      [{ careNotes: 'x'.repeat(601) }, 'care-notes'],
      [{ careNotes: 'Trailing space \nhere' }, 'care-notes'],
      [{ careNotes: 'Tab\there' }, 'care-notes'],
      [{ replacementValue: -1 }, 'replacement-value'],
      [{ replacementValue: 1_000_001 }, 'replacement-value'],
      [{ replacementValue: 9.5 }, 'replacement-value'],
      [{ loanDays: 0 }, 'loan-days'],
      [{ loanDays: 366 }, 'loan-days'],
      [{ loanDays: 2.5 }, 'loan-days'],
      [{ photo: seededRandom('noise')(500) }, 'photo'],
      [{ photo: utf8('GIF89a......') }, 'photo'],
      [{ photo: utf8('<svg xmlns="http://www.w3.org/2000/svg"/>') }, 'photo'],
      [{ photo: jpeg(TOOL_LIMITS.photoBytes + 1) }, 'photo'],
    ];
    for (const [change, problem] of cases) {
      expect(checkToolFields({ ...drill, ...change })).toBe(problem);
      expect(() => toolRegisteredBody({ ...drill, ...change })).toThrow(RangeError);
    }
    expect(checkToolFields({ ...drill, accessories: Array.from({ length: 16 }, (_, i) => `Part ${i}`), loanDays: 365 })).toBeNull();
  });

  it('refuse forged bodies that break the same rules', () => {
    expect(eventOf(forged(0, 'x'.repeat(61)))).toBe('invalid-fields');
    expect(eventOf(forged(1, 12))).toBe('invalid-fields');
    expect(eventOf(forged(2, new Uint8Array(31)))).toBe('invalid-fields');
    expect(eventOf(forged(2, null))).toBe('invalid-fields');
    expect(eventOf(forged(3, Array.from({ length: 17 }, (_, i) => `Part ${i}`)))).toBe('invalid-fields');
    expect(eventOf(forged(3, ['Battery', 7]))).toBe('invalid-fields');
    expect(eventOf(forged(3, 'Battery'))).toBe('invalid-fields');
    expect(eventOf(forged(4, undefined))).toBe('invalid-fields');
    expect(eventOf(forged(5, -3))).toBe('invalid-fields');
    expect(eventOf(forged(5, 1_000_001))).toBe('invalid-fields');
    expect(eventOf(forged(6, 0))).toBe('invalid-fields');
    expect(eventOf(forged(6, 366))).toBe('invalid-fields');
    expect(eventOf(forged(7, seededRandom('noise')(100)))).toBe('invalid-fields');
    expect(eventOf(forged(7, jpeg(TOOL_LIMITS.photoBytes + 1)))).toBe('invalid-fields');
    expect(eventOf(forged(7, null))).toBe('invalid-fields');
    expect(eventOf(forged(8, 1))).toBe('invalid-fields');
  });
});
