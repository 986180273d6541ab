import { describe, expect, it } from 'vitest';
import { decodeDemoFile, encodeDemoFile } from '../../../src/demo/demo-file';
import { syntheticIdentity, syntheticCircle } from '../../../src/demo/synthetic';
import { validateRecord } from '../../../src/records/verify-record';

const options = {
  seed: 11,
  members: 8,
  start: Date.UTC(2025, 0, 1),
  days: 90,
  profileChanges: 2,
  ledger: { exchanges: 30, listings: 10 },
};

describe('the demo circle file', () => {
  it('round-trips the records', () => {
    const records = [Uint8Array.of(1, 2, 3), new Uint8Array(0), Uint8Array.of(9)];
    expect(decodeDemoFile(encodeDemoFile(records))).toEqual(records);
  });

  it('refuses a file that is not one, or is cut short', () => {
    const file = encodeDemoFile([Uint8Array.of(1, 2, 3, 4)]);
    expect(decodeDemoFile(Uint8Array.of(1, 2, 3))).toBeNull();
    expect(decodeDemoFile(new TextEncoder().encode('<!doctype html>'))).toBeNull();
    for (let cut = 8; cut < file.length; cut++) expect(decodeDemoFile(file.slice(0, cut))).not.toEqual([Uint8Array.of(1, 2, 3, 4)]);
    expect(decodeDemoFile(file.slice(0, file.length - 1))).toBeNull();
  });
});

describe('the synthetic circle', () => {
  it('is the same on every run and every record in it is valid', () => {
    const first = syntheticCircle(options);
    const second = syntheticCircle(options);
    expect(second.records.map((r) => r.id)).toEqual(first.records.map((r) => r.id));
    for (const record of first.records) expect(validateRecord(record.bytes, first.circleId, record.id).ok).toBe(true);
    const kinds = new Set(
      first.records.map((r) => {
        const result = validateRecord(r.bytes, first.circleId);
        return result.ok ? result.value.event.kind : 'invalid';
      }),
    );
    for (const kind of ['circle.founded', 'member.admitted', 'exchange.confirmed', 'listing.posted', 'circle.settings', 'skill.added']) {
      expect(kinds).toContain(kind);
    }
  });

  it('gives the viewer the same keys whether or not the history is generated', () => {
    const circle = syntheticCircle(options);
    const identity = syntheticIdentity(options);
    expect(identity.circleId).toEqual(circle.circleId);
    expect(identity.viewer.signing.publicKey).toEqual(circle.viewer.signing.publicKey);
    expect(identity.secret).toEqual(circle.secret);
  });
});
