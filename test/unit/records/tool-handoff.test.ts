import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeCbor } from '../../../src/records/cbor';
import type { CborValue } from '../../../src/records/cbor';
import { toBase64Url } from '../../../src/records/bytes';
import { alreadyChecked } from '../../../src/records/crypto';
import { sign, verify } from '../../../src/records/signatures';
import { LATEST_RECORD_TIME } from '../../../src/records/envelope';
import { makeExchangeDraft, makeHandoffOffer, makeRecord } from '../../../src/records/make';
import { readTrustedRecord } from '../../../src/records/validate';
import { validateRecord, validateRecords } from '../../../src/records/verify-record';
import { parseExchangeDraft } from '../../../src/records/kinds/exchange';
import { MAX_HANDOFF_NOTE_CHARS, parseHandoffOffer, toolHandoffBody } from '../../../src/records/kinds/tool-handoff';
import type { HandoffFields } from '../../../src/records/kinds/tool-handoff';
import { flipBit, foundCircle, person, seedBytes, T0 } from '../../fixtures/circle';

const circle = foundCircle();
const ana = person(1);
const bilal = person(2);
const toolId = toBase64Url(seedBytes('tool', 1));
const previous = toBase64Url(seedBytes('handoff', 1));
const areaId = toBase64Url(seedBytes('area', 1));
const offerFields = { circle: circle.id, tool: toolId, after: previous, at: T0 + 1000 };
const fields: HandoffFields = { role: 'loan', present: 0b101, condition: 'worn', area: areaId, note: 'Blade a bit dull' };

function countersign(offerBytes: Uint8Array, by = bilal, handoff: HandoffFields = fields, at = T0 + 60_000) {
  return makeRecord({ kind: 'tool.handoff', circle: circle.id, at, body: toolHandoffBody(offerBytes, handoff) }, by.signing);
}

function problemOf(record: { bytes: Uint8Array }): string {
  const result = validateRecord(record.bytes, circle.id);
  return result.ok ? 'ok' : result.error.problem;
}

/** A handoff body built by hand, past the builder's checks. */
function forged(entries: readonly (readonly [number, CborValue])[], by = bilal) {
  return makeRecord({ kind: 'tool.handoff', circle: circle.id, at: T0 + 60_000, body: new Map(entries) }, by.signing);
}

describe('handoff offers', () => {
  it('round-trip with the holder, the tool and the handoff they follow', () => {
    const offer = makeHandoffOffer(offerFields, ana.signing);
    const parsed = parseHandoffOffer(offer.bytes, verify);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toMatchObject({ id: offer.id, tool: toolId, after: previous, holder: ana.key, at: T0 + 1000 });
    expect(parsed.value.circle).toEqual(circle.id);
    expect(parsed.value.bytes).toEqual(offer.bytes);
  });

  it('stay within 250 bytes at their largest, so the code stays small', () => {
    const largest = makeHandoffOffer({ ...offerFields, at: LATEST_RECORD_TIME - 1 }, ana.signing);
    expect(largest.bytes.length).toBeLessThanOrEqual(250);
    // Every field is fixed in size but the time, which is at its largest encoding above.
    expect(makeHandoffOffer(offerFields, ana.signing).bytes.length).toBe(largest.bytes.length);
  });

  it('reject every single flipped bit (a tampered code)', () => {
    const offer = makeHandoffOffer(offerFields, ana.signing);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: offer.bytes.length * 8 - 1 }), (bit) => {
        const result = parseHandoffOffer(flipBit(offer.bytes, bit), verify);
        return !result.ok || result.value.id !== offer.id;
      }),
      { seed: 12, numRuns: 400 },
    );
  });

  it('report a changed byte in the signed part as a bad signature', () => {
    const offer = makeHandoffOffer(offerFields, ana.signing);
    // The payload ends with the id of the handoff the offer follows, just before the signature.
    const changed = offer.bytes.slice();
    const at = changed.length - 64 - 2 - 1;
    changed[at] = changed[at]! ^ 0xff;
    expect(parseHandoffOffer(changed, verify)).toEqual({ ok: false, error: 'bad-signature' });
    expect(parseHandoffOffer(changed, alreadyChecked).ok).toBe(true);
  });

  it('cannot pass as an exchange draft, nor a draft as an offer', () => {
    const offer = makeHandoffOffer(offerFields, ana.signing);
    expect(parseExchangeDraft(offer.bytes, verify).ok).toBe(false);
    const draft = makeExchangeDraft({ circle: circle.id, at: T0, role: 'provider', quarters: 4, skill: 'repair', note: '', seats: 1 }, ana.signing);
    expect(parseHandoffOffer(draft.bytes, verify).ok).toBe(false);
    // Even with the same payload shape, the signature's purpose differs.
    const payload = encodeCbor(new Map<number, CborValue>([[0, 1], [1, circle.id], [2, ana.signing.publicKey], [3, T0], [4, seedBytes('tool', 1)], [5, seedBytes('handoff', 1)]]));
    const asDraft = encodeCbor([payload, sign('exchange-draft', payload, ana.signing.secretKey)]);
    expect(parseHandoffOffer(asDraft, verify)).toEqual({ ok: false, error: 'bad-signature' });
    const asRecord = encodeCbor([payload, sign('record', payload, ana.signing.secretKey)]);
    expect(parseHandoffOffer(asRecord, verify)).toEqual({ ok: false, error: 'bad-signature' });
  });

  it('refuse wrong id lengths, extra keys and times outside the record window', () => {
    const signed = (entries: readonly (readonly [number, CborValue])[]) => {
      const payload = encodeCbor(new Map(entries));
      return encodeCbor([payload, sign('tool-handoff', payload, ana.signing.secretKey)]);
    };
    const base: [number, CborValue][] = [[0, 1], [1, circle.id], [2, ana.signing.publicKey], [3, T0], [4, seedBytes('tool', 1)], [5, seedBytes('handoff', 1)]];
    expect(parseHandoffOffer(signed(base), verify).ok).toBe(true);
    const replace = (key: number, value: CborValue) => base.map(([k, v]): [number, CborValue] => [k, k === key ? value : v]);
    expect(parseHandoffOffer(signed(replace(4, seedBytes('tool', 1).slice(0, 31))), verify).ok).toBe(false);
    expect(parseHandoffOffer(signed(replace(5, new Uint8Array(33))), verify).ok).toBe(false);
    expect(parseHandoffOffer(signed(replace(1, new Uint8Array(15))), verify).ok).toBe(false);
    expect(parseHandoffOffer(signed(replace(2, ana.signing.publicKey.slice(1))), verify).ok).toBe(false);
    expect(parseHandoffOffer(signed(replace(3, 1000)), verify).ok).toBe(false);
    expect(parseHandoffOffer(signed(replace(0, 2)), verify).ok).toBe(false);
    expect(parseHandoffOffer(signed([...base, [6, 0]]), verify).ok).toBe(false);
  });

  it('refuse a malformed id before signing', () => {
    expect(() => makeHandoffOffer({ ...offerFields, tool: 'abc' }, ana.signing)).toThrow(RangeError);
    expect(() => makeHandoffOffer({ ...offerFields, after: toBase64Url(new Uint8Array(16)) }, ana.signing)).toThrow(RangeError);
    expect(() => makeHandoffOffer({ ...offerFields, at: 0 }, ana.signing)).toThrow(RangeError);
  });
});

describe('handoff records', () => {
  it('validate and carry the offer, the receiver and what they found', () => {
    const offer = makeHandoffOffer(offerFields, ana.signing);
    const result = validateRecord(countersign(offer.bytes).bytes, circle.id);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.event).toEqual({
      kind: 'tool.handoff',
      id: result.value.id,
      author: bilal.key,
      at: T0 + 60_000,
      offer: { id: offer.id, tool: toolId, holder: ana.key, after: previous, at: T0 + 1000 },
      role: 'loan',
      present: 0b101,
      condition: 'worn',
      area: areaId,
      note: 'Blade a bit dull',
    });
  });

  it('carry a host handoff with no area and no note, and read back trusted', () => {
    const offer = makeHandoffOffer(offerFields, ana.signing);
    const record = countersign(offer.bytes, bilal, { role: 'host', present: 0xffff, condition: 'good', area: null, note: '' });
    expect(validateRecord(record.bytes, circle.id)).toMatchObject({ ok: true, value: { event: { role: 'host', area: null, note: '', present: 0xffff } } });
    expect(readTrustedRecord(record.bytes, circle.id)?.event).toMatchObject({ kind: 'tool.handoff', offer: { id: offer.id } });
  });

  it('are refused when the offer inside was altered (its signature no longer holds)', async () => {
    const offer = makeHandoffOffer(offerFields, ana.signing);
    const altered = offer.bytes.slice();
    const last = altered.length - 64 - 2 - 1;
    altered[last] = altered[last]! ^ 1;
    expect(problemOf(countersign(altered))).toBe('bad-signature');
    await expect(validateRecords([{ bytes: countersign(altered).bytes }], circle.id)).resolves.toMatchObject([{ ok: false, error: { problem: 'bad-signature' } }]);
    // A phone that verified the record before does not check the inner signature again.
    expect(readTrustedRecord(countersign(altered).bytes)).toBeDefined();
  });

  it('are refused when the offer comes from another circle', () => {
    const other = foundCircle({ nonceCounter: 5 });
    const offer = makeHandoffOffer({ ...offerFields, circle: other.id }, ana.signing);
    expect(problemOf(countersign(offer.bytes))).toBe('invalid-fields');
  });

  it('are refused when the receiver countersigns their own offer', () => {
    const offer = makeHandoffOffer(offerFields, ana.signing);
    expect(problemOf(countersign(offer.bytes, ana))).toBe('invalid-fields');
  });

  it('give two records naming one offer when two people countersign it', () => {
    const offer = makeHandoffOffer(offerFields, ana.signing);
    const first = validateRecord(countersign(offer.bytes, bilal).bytes, circle.id);
    const second = validateRecord(countersign(offer.bytes, person(3)).bytes, circle.id);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    const offers = [first.value.event, second.value.event].map((e) => (e.kind === 'tool.handoff' ? e.offer.id : ''));
    expect(offers).toEqual([offer.id, offer.id]);
  });

  it('refuse bad fields before signing', () => {
    const offer = makeHandoffOffer(offerFields, ana.signing);
    for (const present of [-1, 2 ** 16, 1.5]) expect(() => toolHandoffBody(offer.bytes, { ...fields, present })).toThrow(RangeError);
    expect(() => toolHandoffBody(offer.bytes, { ...fields, note: 'x'.repeat(MAX_HANDOFF_NOTE_CHARS + 1) })).toThrow(RangeError);
    expect(() => toolHandoffBody(offer.bytes, { ...fields, note: ' padded' })).toThrow(RangeError);
    expect(() => toolHandoffBody(offer.bytes, { ...fields, area: 'short' })).toThrow(RangeError);
  });

  it('refuse forged bodies: present past 16 bits, unknown role or condition, extra keys, bad ids, a null area', () => {
    const offer = makeHandoffOffer(offerFields, ana.signing).bytes;
    const base: [number, CborValue][] = [[0, offer], [1, 0], [2, 3], [3, 0], [4, seedBytes('area', 1)], [5, '']];
    const replace = (key: number, value: CborValue) => base.map(([k, v]): [number, CborValue] => [k, k === key ? value : v]);
    expect(problemOf(forged(base))).toBe('ok');
    expect(problemOf(forged(replace(2, 2 ** 16)))).toBe('invalid-fields');
    expect(problemOf(forged(replace(2, -1)))).toBe('invalid-fields');
    expect(problemOf(forged(replace(1, 2)))).toBe('invalid-fields');
    expect(problemOf(forged(replace(3, 3)))).toBe('invalid-fields');
    expect(problemOf(forged(replace(4, new Uint8Array(31))))).toBe('invalid-fields');
    expect(problemOf(forged(replace(4, null)))).toBe('invalid-fields');
    expect(problemOf(forged(replace(5, 'x'.repeat(141))))).toBe('invalid-fields');
    expect(problemOf(forged(replace(5, 'two\nlines')))).toBe('invalid-fields');
    expect(problemOf(forged(replace(0, 'not bytes')))).toBe('invalid-fields');
    expect(problemOf(forged([...base, [6, 1]]))).toBe('invalid-fields');
    expect(problemOf(forged(base.filter(([k]) => k !== 5)))).toBe('invalid-fields');
  });
});
