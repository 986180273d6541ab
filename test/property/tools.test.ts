/**
 * The tool commons must be a function of the set of records: every phone
 * holds the same set in its own order, with replays, rival handoffs from
 * phones that were offline, and clocks that disagree. The caretaker rotation
 * must likewise name the same duos on every phone.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caretakerRotation } from '../../src/domain/caretakers';
import type { CaretakerInput, CaretakerTool } from '../../src/domain/caretakers';
import { projectCircle, wasMemberAt } from '../../src/domain/circle';
import type { CircleState } from '../../src/domain/circle';
import type { CircleEvent, MemberKey, RecordId } from '../../src/domain/events';
import { seededRandom } from '../../src/domain/random';
import type { SeededRandom } from '../../src/domain/random';
import type { ToolHandedOver, ToolRequested } from '../../src/domain/tool-events';
import { projectTools } from '../../src/domain/tools';
import type { VolunteerRecord } from '../../src/domain/tools';
import { admitted, cycleStart, DAY, founded, HOUR, key, MINUTE, T0 } from '../fixtures/ledger';
import { audited, handoff, marked, registered, repairClosed, repairOpened, requested, withdrew } from '../unit/domain/tools-fixture';

const MEMBERS = 7;
const RUNS = { numRuns: 60, seed: 20250611 };

interface History {
  readonly membership: CircleState;
  readonly events: readonly CircleEvent[];
  readonly handoffIds: ReadonlySet<RecordId>;
}

function history(seed: number): History {
  const random = seededRandom(seed);
  const circleEvents: CircleEvent[] = [founded(T0 - DAY)];
  // Most members join at the start; some later, so that some records are too early.
  for (let n = 1; n < MEMBERS; n++) circleEvents.push(admitted(key(n), random.chance(0.7) ? T0 - DAY : T0 + random.int(0, 20) * DAY));
  const membership = projectCircle(circleEvents);
  // One key is never admitted.
  const anyone = (): MemberKey => key(random.int(0, MEMBERS + 1));
  const early = [...membership.members.values()].filter((m) => m.since <= T0 - DAY).map((m) => m.key);
  // Mostly members from the start, so that most records can count; some late joiners and strangers.
  const member = (): MemberKey => (random.chance(0.85) ? random.pick(early) : random.chance(0.7) ? key(random.int(0, MEMBERS)) : anyone());

  const otherThan = (giver: MemberKey): MemberKey => {
    for (;;) {
      const receiver = member();
      if (receiver !== giver) return receiver;
    }
  };
  const events: CircleEvent[] = [];
  const handoffs: ToolHandedOver[] = [];
  const requests: ToolRequested[] = [];
  const toolCount = random.int(1, 4);
  for (let t = 0; t < toolCount; t++) {
    const tool = `tool${t}`;
    const by = member();
    const at = T0 + random.int(0, 3 * DAY);
    events.push(registered({ id: tool, by, at, accessories: ['a', 'b'] }));
    // Known points of custody: [record id, receiver, time].
    const nodes: [RecordId, MemberKey, number][] = [[tool, by, at]];
    const steps = random.int(0, 14);
    for (let s = 0; s < steps; s++) {
      const tip = nodes[nodes.length - 1]!;
      // Mostly from the latest point; sometimes an older one (a rival), sometimes one not on this phone.
      const [after, receiver, time] = random.chance(0.75) ? tip : random.chance(0.85) ? random.pick(nodes) : ['lost-' + s, member(), tip[2]];
      const from = random.chance(0.9) ? receiver : member();
      const offerAt = time + random.int(1, 48) * HOUR;
      const made = handoff({
        id: `${tool}-h${s}`,
        tool: random.chance(0.97) ? tool : 'tool9',
        from,
        // Rarely to the giver themself, which cannot count.
        to: random.chance(0.95) ? otherThan(from) : member(),
        after,
        offerAt,
        // The receiver's clock may be a little behind.
        at: offerAt + random.int(-30, 90) * MINUTE,
        role: random.chance(0.5) ? 'loan' : 'host',
        present: random.int(0, 4),
        condition: random.pick(['good', 'worn', 'damaged'] as const),
      });
      handoffs.push(made);
      nodes.push([made.id, made.author, made.at]);
      // The same offer countersigned by someone else too.
      if (random.chance(0.1)) {
        const rival = handoff({ ...optionsOf(made), id: `${made.id}-rival`, to: member(), at: made.at + random.int(-5, 5) * MINUTE });
        handoffs.push(rival);
      }
    }
    addCare(random, tool, at, member, events, requests);
  }
  for (const request of requests) {
    if (random.chance(0.3)) events.push(withdrew(request, random.chance(0.8) ? request.author : member(), request.at + random.int(-2, 30) * HOUR));
  }
  events.push(...handoffs, ...requests);
  // Replays: the same record twice.
  for (const event of [...events]) if (random.chance(0.1)) events.push(event);
  return { membership, events: [...circleEvents, ...events], handoffIds: new Set(handoffs.map((h) => h.id)) };
}

function optionsOf(made: ToolHandedOver): Parameters<typeof handoff>[0] {
  return {
    tool: made.offer.tool,
    from: made.offer.holder,
    to: made.author,
    after: made.offer.after,
    offerAt: made.offer.at,
    offerId: made.offer.id,
    at: made.at,
    role: made.role,
    present: made.present,
    condition: made.condition,
  };
}

function addCare(random: SeededRandom, tool: RecordId, at: number, member: () => MemberKey, events: CircleEvent[], requests: ToolRequested[]): void {
  for (let r = random.int(0, 6); r > 0; r--) requests.push(requested(tool, member(), at + random.int(0, 20 * 24) * HOUR, `${tool}-r${r}`));
  if (random.chance(0.4)) {
    const opened = repairOpened(tool, member(), at + random.int(0, 20) * DAY);
    events.push(opened);
    if (random.chance(0.6)) events.push(repairClosed(opened, member(), opened.at + random.int(1, 5) * DAY));
  }
  if (random.chance(0.3)) events.push(marked(tool, random.pick(['missing', 'found', 'retired'] as const), member(), at + random.int(0, 20) * DAY));
  if (random.chance(0.3)) events.push(audited(tool, member(), at + random.int(0, 20) * DAY, 'worn', random.int(0, 4)));
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('tool commons properties', () => {
  it('gives the same state for any order of the records', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (seed, order) => {
        const { membership, events } = history(seed);
        expect(projectTools(shuffled(events, order), membership)).toEqual(projectTools(events, membership));
      }),
      RUNS,
    );
  });

  it('accounts for every handoff exactly once: in a custody chain, a conflict, or ignored with a reason', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { membership, events, handoffIds } = history(seed);
        const state = projectTools(events, membership);
        const places: RecordId[] = [];
        for (const tool of state.tools.values()) places.push(...tool.custody.map((step) => step.handoff));
        for (const conflict of state.conflicts) places.push(...conflict.also);
        for (const entry of state.ignored) if (entry.kind === 'tool.handoff') places.push(entry.id);
        expect(places.length).toBe(new Set(places).size);
        expect(new Set(places)).toEqual(handoffIds);
      }),
      RUNS,
    );
  });

  it('keeps custody connected: each step is given by the one who received the last', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { membership, events } = history(seed);
        for (const tool of projectTools(events, membership).tools.values()) {
          let holder = tool.registeredBy;
          for (const step of tool.custody) {
            expect(step.from).toBe(holder);
            expect(step.to).not.toBe(step.from);
            holder = step.to;
          }
          expect(tool.holder).toBe(holder);
          expect(tool.head).toBe(tool.custody[tool.custody.length - 1]?.handoff ?? tool.id);
          for (const conflict of tool.conflicts) expect(tool.custody.some((step) => step.handoff === conflict.kept)).toBe(true);
          const waiting = tool.queue.map((entry) => entry.member);
          expect(new Set(waiting).size).toBe(waiting.length);
        }
      }),
      RUNS,
    );
  });
});

interface Rotation {
  readonly input: CaretakerInput;
  readonly cycles: number;
}

function rotationInput(seed: number): Rotation {
  const random = seededRandom(seed);
  const count = random.int(2, 30);
  const circleEvents: CircleEvent[] = [founded(T0 - DAY)];
  for (let n = 1; n < count; n++) circleEvents.push(admitted(key(n), T0 - DAY + random.int(0, 6 * 28) * DAY * (random.chance(0.6) ? 0 : 1)));
  const membership = projectCircle(circleEvents);
  const cycles = random.int(1, 14);
  const volunteers: VolunteerRecord[] = [];
  for (let r = random.int(0, count * 3); r > 0; r--) {
    const member = key(random.int(0, count + 1));
    const at = T0 - 2 * DAY + random.int(0, cycles * 28) * DAY;
    volunteers.push({ id: `vol${r}`, member, at, willing: random.chance(0.75) });
  }
  const tools: CaretakerTool[] = [];
  for (let t = random.int(0, 80); t > 0; t--) {
    const since = T0 - DAY + random.int(0, cycles * 28) * DAY;
    tools.push({ id: `tool${t}`, since, retiredAt: random.chance(0.1) ? since + random.int(1, 60) * DAY : null });
  }
  return { input: { volunteers, membership, cycleStart, tools }, cycles };
}

function willingAt(input: CaretakerInput, member: MemberKey, at: number): boolean {
  const said = input.volunteers
    .filter((record) => record.member === member && record.at <= at && wasMemberAt(input.membership, member, record.at))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  return said[said.length - 1]?.willing ?? false;
}

describe('caretaker rotation properties', () => {
  it('names the same duos whatever order the records come in', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (seed, order) => {
        const { input, cycles } = rotationInput(seed);
        const other = { ...input, volunteers: shuffled(input.volunteers, order), tools: shuffled(input.tools, order + 1) };
        expect(caretakerRotation(other, cycles)).toEqual(caretakerRotation(input, cycles));
      }),
      RUNS,
    );
  });

  it('pairs two distinct eligible members, nobody twice in a row, mixing experience where it can', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { input, cycles } = rotationInput(seed);
        const rotation = caretakerRotation(input, cycles);
        let previous = new Set<MemberKey>();
        let servedBefore = new Map<MemberKey, number>();
        let lastCycle: number | null = null;
        for (const entry of rotation) {
          const start = cycleStart(entry.cycle);
          const serving = entry.duos.flatMap((duo) => duo.members);
          expect(new Set(serving).size).toBe(serving.length);
          for (const member of serving) {
            expect(wasMemberAt(input.membership, member, start)).toBe(true);
            expect(willingAt(input, member, start)).toBe(true);
            if (lastCycle === entry.cycle - 1) expect(previous.has(member)).toBe(false);
          }
          const experienced = serving.filter((member) => (servedBefore.get(member) ?? 0) >= 1).length;
          const mixed = entry.duos.filter((duo) => duo.members.filter((member) => (servedBefore.get(member) ?? 0) >= 1).length === 1).length;
          expect(mixed).toBe(Math.min(experienced, serving.length - experienced));
          const assigned = entry.duos.flatMap((duo) => duo.tools);
          expect(new Set(assigned).size).toBe(assigned.length);
          previous = new Set(serving);
          servedBefore = new Map(entry.served);
          lastCycle = entry.cycle;
        }
      }),
      RUNS,
    );
  });
});
