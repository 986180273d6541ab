import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../../src/records/bytes';
import {
  areaNamedBody,
  caretakerVolunteerBody,
  labelClaimedBody,
  toolsSettingsBody,
  TUTORIAL_LIMITS,
  tutorialWrittenBody,
} from '../../../src/records/kinds/tool-circle';
import type { TutorialFields } from '../../../src/records/kinds/tool-circle';
import { recordMaker, withEntry } from '../../fixtures/record-kinds';
import { foundCircle, person, seedBytes, seededRandom, T0 } from '../../fixtures/circle';

const circle = foundCircle();
const ana = person(1);
const tool = toBase64Url(seedBytes('tool', 1));
const tools = Array.from({ length: 21 }, (_, i) => toBase64Url(seedBytes('tool', i + 1)));

const { record, eventOf } = recordMaker(circle, ana);


describe('caretakers and areas', () => {
  it('carry a volunteer’s yes or no', () => {
    expect(eventOf('caretaker.volunteer', caretakerVolunteerBody(true))).toMatchObject({ kind: 'caretaker.volunteer', willing: true, author: ana.key });
    expect(eventOf('caretaker.volunteer', caretakerVolunteerBody(false))).toMatchObject({ willing: false });
    expect(eventOf('caretaker.volunteer', new Map([[0, 1]]))).toBe('invalid-fields');
    expect(eventOf('caretaker.volunteer', withEntry(caretakerVolunteerBody(true), 1, true))).toBe('invalid-fields');
  });

  it('name an area in at most 40 characters', () => {
    const made = record('area.named', areaNamedBody('North end, by the bakery'));
    expect(eventOf('area.named', areaNamedBody('North end, by the bakery'))).toEqual({ kind: 'area.named', id: made.id, author: ana.key, at: T0, name: 'North end, by the bakery' });
    expect(() => areaNamedBody('x'.repeat(41))).toThrow(RangeError);
    expect(() => areaNamedBody('')).toThrow(RangeError);
    expect(eventOf('area.named', new Map([[0, 'x'.repeat(41)]]))).toBe('invalid-fields');
    expect(eventOf('area.named', new Map([[0, ' Padded']]))).toBe('invalid-fields');
  });
});

describe('labels', () => {
  it('carry 16 bytes and read back as 22 characters of base64url', () => {
    const label = toBase64Url(seededRandom('label')(16));
    expect(label).toMatch(/^[A-Za-z0-9_-]{22}$/u);
    expect(eventOf('label.claimed', labelClaimedBody(label, tool))).toMatchObject({ kind: 'label.claimed', label, tool });
  });

  it('refuse a label of the wrong length and a bad tool id', () => {
    expect(() => labelClaimedBody(toBase64Url(new Uint8Array(15)), tool)).toThrow(RangeError);
    expect(() => labelClaimedBody(toBase64Url(new Uint8Array(17)), tool)).toThrow(RangeError);
    expect(() => labelClaimedBody(toBase64Url(new Uint8Array(16)), 'short')).toThrow(RangeError);
    const body = labelClaimedBody(toBase64Url(new Uint8Array(16)), tool);
    expect(eventOf('label.claimed', withEntry(body, 0, new Uint8Array(15)))).toBe('invalid-fields');
    expect(eventOf('label.claimed', withEntry(body, 0, new Uint8Array(32)))).toBe('invalid-fields');
    expect(eventOf('label.claimed', withEntry(body, 1, new Uint8Array(16)))).toBe('invalid-fields');
  });
});

describe('the library’s rules', () => {
  it('carry the tools one may hold and the hours a freed tool is held', () => {
    expect(eventOf('tools.settings', toolsSettingsBody({ maxHeld: 3, holdHours: 48 }))).toMatchObject({ kind: 'tools.settings', maxHeld: 3, holdHours: 48 });
    expect(eventOf('tools.settings', toolsSettingsBody({ maxHeld: 50, holdHours: 720 }))).toMatchObject({ maxHeld: 50, holdHours: 720 });
  });

  it('refuse values out of range', () => {
    for (const fields of [{ maxHeld: 0, holdHours: 1 }, { maxHeld: 51, holdHours: 1 }, { maxHeld: 1, holdHours: 0 }, { maxHeld: 1, holdHours: 721 }]) {
      expect(() => toolsSettingsBody(fields)).toThrow(RangeError);
    }
    expect(eventOf('tools.settings', new Map([[0, 0], [1, 24]]))).toBe('invalid-fields');
    expect(eventOf('tools.settings', new Map([[0, 3], [1, 721]]))).toBe('invalid-fields');
    expect(eventOf('tools.settings', new Map([[0, 3], [1, 24], [2, 1]]))).toBe('invalid-fields');
  });
});

describe('tutorials', () => {
  const first: TutorialFields = {
    replaces: null,
    tools: tools.slice(0, 2),
    title: 'Sharpening a hedge trimmer',
    text: 'Unplug it first.\n\n1. Clamp the blade.\n2. File each tooth, always away from you.',
    photos: [],
  };

  it('carry a first version and an edit that names it', () => {
    const made = record('tutorial.written', tutorialWrittenBody(first));
    expect(eventOf('tutorial.written', tutorialWrittenBody(first))).toEqual({ kind: 'tutorial.written', id: made.id, author: ana.key, at: T0, ...first });
    const edit = { ...first, replaces: made.id, tools: tools.slice(0, 20) };
    expect(eventOf('tutorial.written', tutorialWrittenBody(edit))).toMatchObject({ replaces: made.id, tools: tools.slice(0, 20) });
    expect(eventOf('tutorial.written', tutorialWrittenBody({ ...first, tools: [] }))).toMatchObject({ tools: [] });
  });

  it('take 8,000 characters of text but no more than 24 KB of UTF-8', () => {
    const longest = 'a'.repeat(TUTORIAL_LIMITS.textChars);
    expect(eventOf('tutorial.written', tutorialWrittenBody({ ...first, text: longest }))).toMatchObject({ text: longest });
    expect(() => tutorialWrittenBody({ ...first, text: 'a'.repeat(8_001) })).toThrow(RangeError);
    // 8,000 characters of four bytes each are 32,000 bytes.
    expect(() => tutorialWrittenBody({ ...first, text: '🔧'.repeat(7_000) })).toThrow(RangeError);
    expect(eventOf('tutorial.written', withEntry(tutorialWrittenBody(first), 3, '🔧'.repeat(7_000)))).toBe('invalid-fields');
    expect(eventOf('tutorial.written', tutorialWrittenBody({ ...first, text: '🔧'.repeat(6_000) }))).toMatchObject({ kind: 'tutorial.written' });
  });

  it('carry up to two small photos, and refuse a third, a large one or one that is not a picture', () => {
    const jpeg = (size: number): Uint8Array => {
      const bytes = new Uint8Array(size);
      bytes.set([0xff, 0xd8, 0xff, 0xe0]);
      return bytes;
    };
    const two = [jpeg(900), jpeg(TUTORIAL_LIMITS.photoBytes)];
    expect(eventOf('tutorial.written', tutorialWrittenBody({ ...first, photos: two }))).toMatchObject({ photos: two });
    expect(() => tutorialWrittenBody({ ...first, photos: [...two, jpeg(100)] })).toThrow(RangeError);
    expect(() => tutorialWrittenBody({ ...first, photos: [jpeg(TUTORIAL_LIMITS.photoBytes + 1)] })).toThrow(RangeError);
    expect(() => tutorialWrittenBody({ ...first, photos: [new TextEncoder().encode('<svg/>')] })).toThrow(RangeError);
    const body = tutorialWrittenBody(first);
    expect(eventOf('tutorial.written', withEntry(body, 4, []))).toBe('invalid-fields');
    expect(eventOf('tutorial.written', withEntry(body, 4, [new Uint8Array(40)]))).toBe('invalid-fields');
    expect(eventOf('tutorial.written', withEntry(body, 4, [jpeg(100), jpeg(100), jpeg(100)]))).toBe('invalid-fields');
  });

  it('refuse 21 tools, duplicate tools, a bad title or text', () => {
    expect(() => tutorialWrittenBody({ ...first, tools })).toThrow(RangeError);
    expect(() => tutorialWrittenBody({ ...first, tools: [tool, tool] })).toThrow(RangeError);
    expect(() => tutorialWrittenBody({ ...first, title: 't'.repeat(81) })).toThrow(RangeError);
    expect(() => tutorialWrittenBody({ ...first, text: '' })).toThrow(RangeError);
    expect(() => tutorialWrittenBody({ ...first, text: 'Windows\r\nline ends' })).toThrow(RangeError);
    const body = tutorialWrittenBody(first);
    const ids = tools.map((_, i) => seedBytes('tool', i + 1));
    expect(eventOf('tutorial.written', withEntry(body, 1, ids))).toBe('invalid-fields');
    expect(eventOf('tutorial.written', withEntry(body, 1, [ids[0]!, ids[0]!]))).toBe('invalid-fields');
    expect(eventOf('tutorial.written', withEntry(body, 1, [ids[0]!.slice(1)]))).toBe('invalid-fields');
    expect(eventOf('tutorial.written', withEntry(body, 0, null))).toBe('invalid-fields');
    expect(eventOf('tutorial.written', withEntry(body, 0, new Uint8Array(31)))).toBe('invalid-fields');
    expect(eventOf('tutorial.written', withEntry(body, 2, 'Two\nlines'))).toBe('invalid-fields');
    expect(eventOf('tutorial.written', withEntry(body, 3, 'Ends with a blank line\n'))).toBe('invalid-fields');
    expect(eventOf('tutorial.written', withEntry(body, 4, ''))).toBe('invalid-fields');
  });
});
