import { describe, expect, it } from 'vitest';
import { syntheticCircle } from '../../../src/demo/synthetic';
import type { SyntheticOptions } from '../../../src/demo/synthetic';
import type { CircleEvent } from '../../../src/domain/events';
import type { ToolHandedOver } from '../../../src/domain/tool-events';
import { toBase64Url } from '../../../src/records/bytes';
import { validateRecord } from '../../../src/records/verify-record';

const DAY = 86_400_000;
const options: SyntheticOptions = {
  seed: 5,
  members: 24,
  start: Date.UTC(2025, 0, 1),
  days: 400,
  profileChanges: 0,
  tools: { tools: 16, handoffsPerYear: 6 },
};
const circle = syntheticCircle(options);
const end = options.start + options.days * DAY;
const base = syntheticCircle({ ...options, tools: null });
const added = circle.records.slice(base.records.length);
const events: CircleEvent[] = added.map((record) => {
  const result = validateRecord(record.bytes, circle.circleId, record.id);
  if (!result.ok) throw new Error(`a synthetic tool record is refused: ${result.error.problem}`);
  return result.value.event;
});
const count = (kind: CircleEvent['kind']): number => events.filter((e) => e.kind === kind).length;

describe('the synthetic tool library', () => {
  it('comes after the rest of the history, which it leaves as it was', () => {
    expect(circle.records.slice(0, base.records.length).map((r) => r.id)).toEqual(base.records.map((r) => r.id));
    expect(syntheticCircle(options).records.map((r) => r.id)).toEqual(circle.records.map((r) => r.id));
  });

  it('has every kind of tool record, each valid, within the history’s years', () => {
    expect(count('tool.registered')).toBe(16);
    expect(count('area.named')).toBe(7);
    expect(count('tools.settings')).toBe(1);
    expect(count('tutorial.written')).toBe(6);
    for (const kind of ['tool.handoff', 'tool.requested', 'tool.audited', 'repair.opened', 'caretaker.volunteer', 'label.claimed', 'tool.status'] as const) {
      expect(count(kind), kind).toBeGreaterThan(0);
    }
    for (const event of events) {
      expect(event.at).toBeGreaterThanOrEqual(options.start);
      expect(event.at).toBeLessThan(end);
    }
  });

  it('hands every tool on in a proper chain, about six times a year', () => {
    const registered = new Map(events.filter((e) => e.kind === 'tool.registered').map((e) => [e.id, e]));
    const handoffs = events.filter((e): e is ToolHandedOver => e.kind === 'tool.handoff').sort((a, b) => a.at - b.at);
    let conflicts = 0;
    for (const [tool, registration] of registered) {
      let after = tool;
      let holder = registration.author;
      let previousOffer = '';
      for (const handoff of handoffs.filter((h) => h.offer.tool === tool)) {
        // The offer is made face to face, minutes before the receiver countersigns.
        expect(handoff.at - handoff.offer.at).toBeGreaterThan(0);
        expect(handoff.at - handoff.offer.at).toBeLessThan(20 * 60_000);
        if (handoff.offer.id === previousOffer) {
          conflicts++;
          continue;
        }
        expect(handoff.offer.after).toBe(after);
        expect(handoff.offer.holder).toBe(holder);
        expect(handoff.author).not.toBe(holder);
        after = handoff.id;
        holder = handoff.author;
        previousOffer = handoff.offer.id;
      }
    }
    expect(conflicts).toBe(2);
    const perToolYear = handoffs.length / registered.size / ((options.days - 30) / 365);
    expect(perToolYear).toBeGreaterThan(3);
    expect(perToolYear).toBeLessThan(9);
    expect(handoffs.filter((h) => h.role === 'host').length).toBeGreaterThan(0);
  });

  it('ends with repairs still open and tools asked for', () => {
    const closed = new Set(events.flatMap((e) => (e.kind === 'repair.closed' ? [e.repair] : [])));
    expect(events.filter((e) => e.kind === 'repair.opened' && !closed.has(e.id)).length).toBeGreaterThan(0);
    const lastHandoff = new Map<string, number>();
    for (const e of events) if (e.kind === 'tool.handoff') lastHandoff.set(e.offer.tool, Math.max(e.at, lastHandoff.get(e.offer.tool) ?? 0));
    const waiting = events.filter((e) => e.kind === 'tool.requested' && e.at > (lastHandoff.get(e.tool) ?? 0));
    expect(waiting.length).toBeGreaterThan(0);
    const viewer = toBase64Url(circle.viewer.signing.publicKey);
    expect(events.some((e) => e.kind === 'tool.registered' && e.author === viewer)).toBe(true);
  });
});
