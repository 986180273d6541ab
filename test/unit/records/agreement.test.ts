import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { toBase64Url } from '../../../src/records/bytes';
import { AGREEMENT_LIMITS, agreementSignedBody, agreementTextHash, agreementVersionBody } from '../../../src/records/kinds/agreement';
import type { AgreementVersionFields } from '../../../src/records/kinds/agreement';
import { normalizeText } from '../../../src/records/kinds/tool-fields';
import { AGREEMENT_TEMPLATE_EN, AGREEMENT_TEMPLATE_ES } from '../../../src/domain/agreement-template';
import { recordMaker, withEntry } from '../../fixtures/record-kinds';
import { foundCircle, person, seedBytes, T0 } from '../../fixtures/circle';

const circle = foundCircle();
const ana = person(1);
const { record, eventOf } = recordMaker(circle, ana);

const first: AgreementVersionFields = { text: 'We answer alerts.\n\nWe keep each other’s information private.', revises: null, merges: [] };
const versionBytes = [1, 2, 3].map((n) => seedBytes('version', n));
const [idA, idB, idC] = versionBytes.map(toBase64Url) as [string, string, string];
const bytesOf = (id: string): Uint8Array => versionBytes.find((bytes) => toBase64Url(bytes) === id)!;

describe('agreement versions', () => {
  it('carry the text, what they revise and merge, and the hash of the text computed on reading', () => {
    const made = record('agreement.version', agreementVersionBody(first));
    const textHash = toBase64Url(sha256(new TextEncoder().encode(first.text)));
    expect(agreementTextHash(first.text)).toBe(textHash);
    expect(eventOf('agreement.version', agreementVersionBody(first))).toEqual({ kind: 'agreement.version', id: made.id, author: ana.key, at: T0, ...first, textHash });
    const edit = { text: `${first.text}\n\nWe decide at the assembly.`, revises: made.id, merges: [idB, idA] };
    expect(eventOf('agreement.version', agreementVersionBody(edit))).toMatchObject({ revises: made.id, merges: [idA, idB].sort() });
  });

  it('take 6,000 characters, and only normalized text', () => {
    const longest = 'a'.repeat(AGREEMENT_LIMITS.textChars);
    expect(eventOf('agreement.version', agreementVersionBody({ ...first, text: longest }))).toMatchObject({ text: longest });
    expect(eventOf('agreement.version', agreementVersionBody({ ...first, text: '✊'.repeat(AGREEMENT_LIMITS.textChars) }))).toMatchObject({ kind: 'agreement.version' });
    expect(() => agreementVersionBody({ ...first, text: 'a'.repeat(6_001) })).toThrow('text');
    expect(() => agreementVersionBody({ ...first, text: '' })).toThrow('text');
    expect(() => agreementVersionBody({ ...first, text: 'Windows\r\nline ends' })).toThrow('text');
    expect(() => agreementVersionBody({ ...first, text: 'Cafe\u0301' })).toThrow('text');
    expect(normalizeText('Cafe\u0301\r\nok')).toBe('Café\nok');
    const body = agreementVersionBody(first);
    expect(eventOf('agreement.version', withEntry(body, 0, 'a'.repeat(6_001)))).toBe('invalid-fields');
    expect(eventOf('agreement.version', withEntry(body, 0, 'Two\r\nlines'))).toBe('invalid-fields');
    expect(eventOf('agreement.version', withEntry(body, 0, 'Two\rlines'))).toBe('invalid-fields');
    expect(eventOf('agreement.version', withEntry(body, 0, 'Cafe\u0301'))).toBe('invalid-fields');
    expect(eventOf('agreement.version', withEntry(body, 0, 'Ends with a blank line\n'))).toBe('invalid-fields');
    expect(eventOf('agreement.version', withEntry(body, 0, ''))).toBe('invalid-fields');
    expect(eventOf('agreement.version', withEntry(body, 0, undefined))).toBe('invalid-fields');
  });

  it('refuse a bad parent, bad merges and extra keys', () => {
    const body = agreementVersionBody({ ...first, revises: idC });
    expect(eventOf('agreement.version', withEntry(body, 1, null))).toBe('invalid-fields');
    expect(eventOf('agreement.version', withEntry(body, 1, new Uint8Array(31)))).toBe('invalid-fields');
    const [low, high] = [idA, idB].sort();
    expect(eventOf('agreement.version', withEntry(body, 2, [bytesOf(low!), bytesOf(high!)]))).toMatchObject({ merges: [low, high] });
    expect(eventOf('agreement.version', withEntry(body, 2, [bytesOf(high!), bytesOf(low!)]))).toBe('invalid-fields');
    expect(eventOf('agreement.version', withEntry(body, 2, [bytesOf(idA), bytesOf(idA)]))).toBe('invalid-fields');
    expect(eventOf('agreement.version', withEntry(body, 2, []))).toBe('invalid-fields');
    expect(eventOf('agreement.version', withEntry(body, 2, [new Uint8Array(31)]))).toBe('invalid-fields');
    // A version merging what it revises, or merging with no parent, is not one a phone of ours makes.
    expect(eventOf('agreement.version', withEntry(body, 2, [bytesOf(idC)]))).toBe('invalid-fields');
    expect(eventOf('agreement.version', withEntry(withEntry(body, 1, undefined), 2, [bytesOf(idB)]))).toBe('invalid-fields');
    expect(eventOf('agreement.version', withEntry(body, 3, 'extra'))).toBe('invalid-fields');
    expect(() => agreementVersionBody({ ...first, merges: [idA] })).toThrow('merges');
    expect(() => agreementVersionBody({ ...first, revises: idA, merges: [idA] })).toThrow('merges');
    expect(() => agreementVersionBody({ ...first, revises: idA, merges: [idB, idB] })).toThrow('merges');
  });
});

describe('agreement signatures', () => {
  const textHash = agreementTextHash(first.text);

  it('carry the version and the hash of its text', () => {
    expect(eventOf('agreement.signed', agreementSignedBody(idA, textHash))).toMatchObject({ kind: 'agreement.signed', author: ana.key, version: idA, textHash });
  });

  it('refuse a hash of the wrong length, a bad version and extra keys', () => {
    expect(() => agreementSignedBody(idA, textHash.slice(0, 20))).toThrow(RangeError);
    expect(() => agreementSignedBody('not an id', textHash)).toThrow(RangeError);
    const body = agreementSignedBody(idA, textHash);
    expect(eventOf('agreement.signed', withEntry(body, 1, new Uint8Array(31)))).toBe('invalid-fields');
    expect(eventOf('agreement.signed', withEntry(body, 1, new Uint8Array(33)))).toBe('invalid-fields');
    expect(eventOf('agreement.signed', withEntry(body, 1, textHash))).toBe('invalid-fields');
    expect(eventOf('agreement.signed', withEntry(body, 1, undefined))).toBe('invalid-fields');
    expect(eventOf('agreement.signed', withEntry(body, 0, new Uint8Array(16)))).toBe('invalid-fields');
    expect(eventOf('agreement.signed', withEntry(body, 2, 0))).toBe('invalid-fields');
  });
});

describe('the starting template', () => {
  it('is short, plain and already in the form a version carries, in both languages', () => {
    for (const text of [AGREEMENT_TEMPLATE_EN, AGREEMENT_TEMPLATE_ES]) {
      expect(normalizeText(text)).toBe(text);
      const words = text.split(/\s+/u).length;
      expect(words).toBeGreaterThanOrEqual(150);
      expect(words).toBeLessThanOrEqual(280);
      expect(eventOf('agreement.version', agreementVersionBody({ text, revises: null, merges: [] }))).toMatchObject({ text });
    }
  });
});
