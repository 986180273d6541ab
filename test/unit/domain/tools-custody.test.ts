import { describe, expect, it } from 'vitest';
import { projectCircle } from '../../../src/domain/circle';
import type { CircleEvent } from '../../../src/domain/events';
import { projectTools } from '../../../src/domain/tools';
import type { ToolsState } from '../../../src/domain/tools';
import { seededRandom } from '../../../src/domain/random';
import { admitted, circle, circleEvents, DAY, HOUR, key, T0 } from '../../fixtures/ledger';
import { areaNamed, handoff, marked, registered } from './tools-fixture';

const [A, B, C, D] = [key(0), key(1), key(2), key(3)];
const members = circle(5);
const drill = registered({ id: 'drill', by: A, at: T0, accessories: ['case', 'bits'] });

const reasons = (state: ToolsState): [string, string][] => state.ignored.map((entry) => [entry.id, entry.reason]);

describe('projectTools: registration and custody', () => {
  it('starts a tool with its registrant as host', () => {
    const shed = areaNamed('Shed row', A, T0 - HOUR);
    const tool = { ...registered({ id: 'saw', by: B, at: T0 + HOUR, area: shed.id }), name: 'Saw', replacementValue: 40 };
    const state = projectTools([shed, tool], members);
    const saw = state.tools.get('saw')!;
    expect(saw).toMatchObject({
      id: 'saw',
      name: 'Saw',
      category: 'power-tools',
      replacementValue: 40,
      loanDays: 7,
      registeredBy: B,
      registeredAt: T0 + HOUR,
      holder: B,
      heldSince: T0 + HOUR,
      custodyRole: 'host',
      area: shed.id,
      head: 'saw',
      status: 'available',
      custody: [],
      queue: [],
    });
    expect(state.areas.get(shed.id)).toEqual({ id: shed.id, name: 'Shed row', namedBy: A, at: T0 - HOUR });
    expect(state.ignored).toEqual([]);
  });

  it('follows the chain of handoffs, each from the one who holds it', () => {
    const north = areaNamed('North', A, T0);
    const h1 = handoff({ id: 'h1', tool: 'drill', from: A, to: B, after: 'drill', at: T0 + HOUR, role: 'loan' });
    const h2 = handoff({ id: 'h2', tool: 'drill', from: B, to: C, after: 'h1', at: T0 + 2 * HOUR, role: 'host', area: north.id });
    const h3 = handoff({ id: 'h3', tool: 'drill', from: C, to: D, after: 'h2', at: T0 + 3 * HOUR, role: 'loan', area: null });
    const tool = projectTools([drill, north, h3, h1, h2], members).tools.get('drill')!;
    expect(tool.custody.map((step) => [step.handoff, step.from, step.to])).toEqual([
      ['h1', A, B],
      ['h2', B, C],
      ['h3', C, D],
    ]);
    expect(tool).toMatchObject({ holder: D, heldSince: T0 + 3 * HOUR, custodyRole: 'loan', head: 'h3', area: north.id, status: 'on-loan' });
    expect(tool.custody[1]).toEqual({
      handoff: 'h2',
      offer: h2.offer.id,
      from: B,
      to: C,
      at: T0 + 2 * HOUR,
      role: 'host',
      present: 0xffff,
      condition: 'good',
      area: north.id,
      note: '',
      flags: [],
    });
  });

  it('ignores a handoff by someone who does not hold the tool, and waits for one after an unknown record', () => {
    const h1 = handoff({ id: 'h1', tool: 'drill', from: A, to: B, after: 'drill', at: T0 + HOUR });
    const wrong = handoff({ id: 'wrong', tool: 'drill', from: C, to: D, after: 'h1', at: T0 + 2 * HOUR });
    const h2 = handoff({ id: 'h2', tool: 'drill', from: B, to: C, after: 'h1', at: T0 + 3 * HOUR });
    const h3 = handoff({ id: 'h3', tool: 'drill', from: C, to: D, after: 'h2', at: T0 + 4 * HOUR });
    const early = projectTools([drill, h1, wrong, h3], members);
    expect(reasons(early)).toEqual([
      ['wrong', 'not-the-holder'],
      ['h3', 'awaiting-history'],
    ]);
    expect(early.tools.get('drill')!.holder).toBe(B);
    // Once the missing link arrives, the waiting handoff counts.
    const later = projectTools([drill, h1, wrong, h3, h2], members);
    expect(later.tools.get('drill')!.custody.map((step) => step.handoff)).toEqual(['h1', 'h2', 'h3']);
    expect(reasons(later)).toEqual([['wrong', 'not-the-holder']]);
  });

  it('counts a handoff whose receiver’s clock is behind its giver’s', () => {
    const h1 = handoff({ id: 'h1', tool: 'drill', from: A, to: B, after: 'drill', at: T0 + 5 * HOUR });
    const h2 = handoff({ id: 'h2', tool: 'drill', from: B, to: C, after: 'h1', at: T0 + 4 * HOUR });
    expect(projectTools([drill, h2, h1], members).tools.get('drill')!.holder).toBe(C);
  });

  it('checks the people and the tool of a handoff', () => {
    const late = projectCircle([...circleEvents(3), admitted(D, T0 + DAY)]);
    const events: CircleEvent[] = [
      drill,
      handoff({ id: 'self', tool: 'drill', from: A, to: A, after: 'drill', at: T0 + HOUR }),
      handoff({ id: 'stranger', tool: 'drill', from: A, to: 'x', after: 'drill', at: T0 + 2 * HOUR }),
      handoff({ id: 'early-holder', tool: 'drill', from: D, to: B, after: 'drill', at: T0 + 2 * DAY, offerAt: T0 + HOUR }),
      handoff({ id: 'early-receiver', tool: 'drill', from: A, to: D, after: 'drill', at: T0 + 3 * HOUR }),
      handoff({ id: 'no-tool', tool: 'nothing', from: A, to: B, after: 'nothing', at: T0 + 4 * HOUR }),
    ];
    const state = projectTools(events, late);
    expect(reasons(state)).toEqual([
      ['self', 'same-person'],
      ['stranger', 'awaiting-history'],
      ['early-receiver', 'not-a-member-then'],
      ['no-tool', 'awaiting-history'],
      ['early-holder', 'holder-not-a-member-then'],
    ]);
    expect(state.tools.get('drill')!.holder).toBe(A);
  });

  it('ignores handoffs after a tool is retired, and later marks too', () => {
    const h1 = handoff({ id: 'h1', tool: 'drill', from: A, to: B, after: 'drill', at: T0 + HOUR });
    const retired = marked('drill', 'retired', C, T0 + 2 * HOUR);
    const h2 = handoff({ id: 'h2', tool: 'drill', from: B, to: C, after: 'h1', at: T0 + 3 * HOUR });
    const found = marked('drill', 'found', C, T0 + 4 * HOUR);
    const state = projectTools([drill, h1, retired, h2, found], members);
    const tool = state.tools.get('drill')!;
    expect(tool).toMatchObject({ status: 'retired', holder: B, retiredAt: T0 + 2 * HOUR });
    expect(reasons(state)).toEqual([
      ['h2', 'retired'],
      [found.id, 'retired'],
    ]);
  });
});

describe('projectTools: conflicts', () => {
  it('keeps the earliest of two receivers of one offer and lists the other', () => {
    const toB = handoff({ id: 'toB', tool: 'drill', from: A, to: B, after: 'drill', offerId: 'o1', offerAt: T0, at: T0 + HOUR });
    const toC = handoff({ id: 'toC', tool: 'drill', from: A, to: C, after: 'drill', offerId: 'o1', offerAt: T0, at: T0 + 2 * HOUR });
    const state = projectTools([toC, drill, toB], members);
    const tool = state.tools.get('drill')!;
    const conflict = { tool: 'drill', after: 'drill', from: A, kept: 'toB', also: ['toC'], holders: [B, C] };
    expect(tool.holder).toBe(B);
    expect(tool.conflicts).toEqual([conflict]);
    expect(state.conflicts).toEqual([conflict]);
    expect(state.ignored).toEqual([]);
  });

  it('keeps the earliest of two offers by the same holder after the same head', () => {
    const h1 = handoff({ id: 'h1', tool: 'drill', from: A, to: B, after: 'drill', at: T0 + HOUR });
    const toC = handoff({ id: 'toC', tool: 'drill', from: B, to: C, after: 'h1', at: T0 + 5 * HOUR });
    const toD = handoff({ id: 'toD', tool: 'drill', from: B, to: D, after: 'h1', at: T0 + 4 * HOUR });
    const tool = projectTools([drill, h1, toC, toD], members).tools.get('drill')!;
    expect(tool.holder).toBe(D);
    expect(tool.head).toBe('toD');
    expect(tool.conflicts).toEqual([{ tool: 'drill', after: 'h1', from: B, kept: 'toD', also: ['toC'], holders: [D, C] }]);
  });

  it('puts what followed a losing handoff in the conflict too, and loses no record', () => {
    const win = handoff({ id: 'win', tool: 'drill', from: A, to: B, after: 'drill', at: T0 + HOUR });
    const lose = handoff({ id: 'lose', tool: 'drill', from: A, to: C, after: 'drill', at: T0 + 2 * HOUR });
    const onward = handoff({ id: 'onward', tool: 'drill', from: C, to: D, after: 'lose', at: T0 + 3 * HOUR });
    const stray = handoff({ id: 'stray', tool: 'drill', from: B, to: A, after: 'lose', at: T0 + 4 * HOUR });
    const next = handoff({ id: 'next', tool: 'drill', from: B, to: D, after: 'win', at: T0 + 5 * HOUR });
    const state = projectTools([drill, next, stray, onward, lose, win], members);
    const tool = state.tools.get('drill')!;
    expect(tool.custody.map((step) => step.handoff)).toEqual(['win', 'next']);
    expect(tool.conflicts).toEqual([{ tool: 'drill', after: 'drill', from: A, kept: 'win', also: ['lose', 'onward'], holders: [B, C] }]);
    expect(reasons(state)).toEqual([['stray', 'not-the-holder']]);
    const accounted = new Set([...tool.custody.map((s) => s.handoff), ...tool.conflicts.flatMap((c) => c.also), ...state.ignored.map((i) => i.id)]);
    expect(accounted).toEqual(new Set(['win', 'lose', 'onward', 'stray', 'next']));
  });
});

describe('projectTools: order and duplicates', () => {
  it('gives the same state for any arrival order, counting a repeated record once', () => {
    const events: CircleEvent[] = [
      drill,
      registered({ id: 'ladder', by: B, at: T0 + 1 }),
      handoff({ id: 'h1', tool: 'drill', from: A, to: B, after: 'drill', at: T0 + HOUR }),
      handoff({ id: 'h1b', tool: 'drill', from: A, to: C, after: 'drill', at: T0 + HOUR }),
      handoff({ id: 'h2', tool: 'drill', from: B, to: D, after: 'h1', at: T0 + 2 * HOUR }),
      handoff({ id: 'l1', tool: 'ladder', from: B, to: A, after: 'ladder', at: T0 + HOUR, role: 'host' }),
      handoff({ id: 'l2', tool: 'ladder', from: C, to: A, after: 'l1', at: T0 + 2 * HOUR }),
      marked('ladder', 'missing', C, T0 + 3 * HOUR),
    ];
    const expected = projectTools(events, members);
    const random = seededRandom(7);
    for (let run = 0; run < 20; run++) {
      const shuffled = [...events, ...events.filter(() => random.chance(0.3))];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = random.int(0, i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      expect(projectTools(shuffled, members)).toEqual(expected);
    }
    expect(expected.tools.get('drill')!.custody).toHaveLength(2);
    expect(expected.tools.get('ladder')!.status).toBe('missing');
  });
});
