import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeCbor } from '../../../src/records/cbor';
import type { CborValue } from '../../../src/records/cbor';
import { sign, verify } from '../../../src/records/signatures';
import { makeExchangeDraft, makeRecord } from '../../../src/records/make';
import { validateRecord } from '../../../src/records/verify-record';
import { exchangeConfirmedBody, MAX_NOTE_BYTES, parseExchangeDraft } from '../../../src/records/kinds/exchange';
import type { DraftFields } from '../../../src/records/kinds/exchange';
import { customSkillRef } from '../../../src/records/kinds/skill-codes';
import { flipBit, foundCircle, person, T0 } from '../../fixtures/circle';
import { versionForText } from '../../../src/qr/generate';
import { draftCode } from '../../../src/app/exchange';

const circle = foundCircle();
const ana = person(1);
const bilal = person(2);
const fields: DraftFields = { circle: circle.id, at: T0 + 1000, role: 'provider', quarters: 6, skill: 'repair', note: 'Fixed the bike', seats: 1 };

function confirm(draftBytes: Uint8Array, by = bilal, at = T0 + 2000) {
  return makeRecord({ kind: 'exchange.confirmed', circle: circle.id, at, body: exchangeConfirmedBody(draftBytes) }, by.signing);
}

describe('exchange drafts', () => {
  it('round-trips and names the first party, the role and the hours', () => {
    const draft = makeExchangeDraft(fields, ana.signing);
    const parsed = parseExchangeDraft(draft.bytes, verify);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toMatchObject({ id: draft.id, author: ana.key, role: 'provider', quarters: 6, skill: 'repair', note: 'Fixed the bike', seats: 1 });
  });

  it('stays within 200 bytes with the longest note, so its code stays at QR version 10', () => {
    const longest = 'ñ'.repeat(MAX_NOTE_BYTES / 2);
    const draft = makeExchangeDraft(
      { ...fields, note: longest, skill: customSkillRef(circle.founding.id), quarters: 48, seats: 40, at: Date.UTC(2199, 0, 1) },
      ana.signing,
    );
    expect(draft.bytes.length).toBeLessThanOrEqual(200);
    expect(versionForText(draftCode(draft.bytes))).toBeLessThanOrEqual(10);
  });

  it('refuses bad hours, a receiver serving a group, and an overlong note before signing', () => {
    for (const quarters of [0, -4, 49, 1.5]) expect(() => makeExchangeDraft({ ...fields, quarters }, ana.signing)).toThrow();
    expect(() => makeExchangeDraft({ ...fields, role: 'receiver', seats: 3 }, ana.signing)).toThrow();
    expect(() => makeExchangeDraft({ ...fields, note: 'x'.repeat(41) }, ana.signing)).toThrow();
  });

  it('rejects a draft whose fields break the rules even when properly signed', () => {
    const payload = (quarters: number): Uint8Array =>
      encodeCbor(
        new Map<number, CborValue>([
          [0, 1], [1, circle.id], [2, ana.signing.publicKey], [3, T0], [4, 0], [5, quarters], [6, 1], [7, ''], [8, 1],
        ]),
      );
    for (const quarters of [0, 49, 400]) {
      const body = payload(quarters);
      const bytes = encodeCbor([body, sign('exchange-draft', body, ana.signing.secretKey)]);
      expect(parseExchangeDraft(bytes, verify)).toEqual({ ok: false, error: 'invalid-fields' });
    }
  });

  it('rejects every single flipped bit (a tampered code)', () => {
    const draft = makeExchangeDraft(fields, ana.signing);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: draft.bytes.length * 8 - 1 }), (bit) => {
        const result = parseExchangeDraft(flipBit(draft.bytes, bit), verify);
        return !result.ok || result.value.id !== draft.id;
      }),
      { seed: 31, numRuns: 400 },
    );
  });

  it('does not accept a draft signature as a record signature or the other way round', () => {
    const draft = makeExchangeDraft(fields, ana.signing);
    const record = confirm(draft.bytes);
    // The record's own bytes are not a draft.
    expect(parseExchangeDraft(record.bytes, verify).ok).toBe(false);
  });
});

describe('confirmed exchanges', () => {
  it('validate with both signatures and carry the draft', () => {
    const draft = makeExchangeDraft(fields, ana.signing);
    const result = validateRecord(confirm(draft.bytes).bytes, circle.id);
    expect(result.ok).toBe(true);
    if (!result.ok || result.value.event.kind !== 'exchange.confirmed') return;
    expect(result.value.event.author).toBe(bilal.key);
    expect(result.value.event.draft).toMatchObject({ id: draft.id, author: ana.key, at: T0 + 1000 });
  });

  it('are refused when both sides are the same member', () => {
    const draft = makeExchangeDraft(fields, ana.signing);
    expect(validateRecord(confirm(draft.bytes, ana).bytes, circle.id)).toMatchObject({ ok: false, error: { problem: 'invalid-fields' } });
  });

  it('are refused when the draft comes from another circle', () => {
    const other = foundCircle({ nonceCounter: 5 });
    const draft = makeExchangeDraft({ ...fields, circle: other.id }, ana.signing);
    expect(validateRecord(confirm(draft.bytes).bytes, circle.id)).toMatchObject({ ok: false, error: { problem: 'invalid-fields' } });
  });

  it('are refused when the draft inside was altered', () => {
    const draft = makeExchangeDraft(fields, ana.signing);
    const altered = flipBit(draft.bytes, draft.bytes.length * 8 - 20);
    expect(validateRecord(confirm(altered).bytes, circle.id).ok).toBe(false);
  });

  it('give two different records when two members countersign one draft, both naming the same draft', () => {
    const draft = makeExchangeDraft(fields, ana.signing);
    const first = validateRecord(confirm(draft.bytes, bilal).bytes, circle.id);
    const second = validateRecord(confirm(draft.bytes, person(3)).bytes, circle.id);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.value.id).not.toBe(second.value.id);
    const drafts = [first.value.event, second.value.event].map((e) => (e.kind === 'exchange.confirmed' ? e.draft.id : ''));
    expect(drafts).toEqual([draft.id, draft.id]);
  });
});
