import { describe, expect, it } from 'vitest';
import { caretakerDuos, caretakerInput, caretakerRotation, duoFor } from '../../../src/domain/caretakers';
import type { CaretakerInput, CaretakerTool } from '../../../src/domain/caretakers';
import { projectCircle } from '../../../src/domain/circle';
import { projectTools } from '../../../src/domain/tools';
import type { VolunteerRecord } from '../../../src/domain/tools';
import { admitted, circleEvents, cycleStart, DAY, key, T0 } from '../../fixtures/ledger';
import { marked, registered, volunteered } from './tools-fixture';

const membership = projectCircle([...circleEvents(10), admitted(key(10), T0 + 40 * DAY)]);
const [A, B, C, D, E, F, G, H] = [0, 1, 2, 3, 4, 5, 6, 7].map(key) as [string, string, string, string, string, string, string, string];

function record(member: string, at: number, willing = true): VolunteerRecord {
  return { id: `vol:${member}:${at}:${willing}`, member, at, willing };
}

function toolsList(count: number, since = T0 - DAY): CaretakerTool[] {
  return Array.from({ length: count }, (_, n) => ({ id: `tool${n}`, since, retiredAt: null }));
}

function input(volunteers: VolunteerRecord[], tools: CaretakerTool[]): CaretakerInput {
  return { volunteers, membership, cycleStart, tools };
}

const setOf = (members: readonly string[]): Set<string> => new Set(members);

describe('caretakerDuos', () => {
  it('names nobody before anyone volunteers', () => {
    expect(caretakerDuos(input([], toolsList(5)), 3).duos).toEqual([]);
    expect(caretakerDuos(input([record(A, cycleStart(2) + 1), record(B, cycleStart(2) + 1)], toolsList(5)), 2).duos).toEqual([]);
  });

  it('serves the least served first, never twice in a row, and mixes experience with newness', () => {
    const volunteers = [
      record(A, T0 - DAY),
      record(B, T0 - DAY),
      ...[C, D, E, F].map((m) => record(m, cycleStart(1) - DAY)),
      ...[G, H].map((m) => record(m, cycleStart(2) - DAY)),
    ];
    const rotation = caretakerRotation(input(volunteers, toolsList(30)), 2);
    expect(rotation.map((cycle) => cycle.cycle)).toEqual([0, 1, 2]);
    // Cycle 0: only A and B are willing, so one duo although 30 tools would want two.
    expect(rotation[0]!.duos.map((duo) => setOf(duo.members))).toEqual([setOf([A, B])]);
    // Cycle 1: A and B rest; the four newcomers make two duos.
    expect(setOf(rotation[1]!.duos.flatMap((duo) => duo.members))).toEqual(setOf([C, D, E, F]));
    // Cycle 2: A and B are back, each with one of the two newest.
    const third = rotation[2]!.duos;
    expect(third).toHaveLength(2);
    for (const duo of third) {
      expect([A, B]).toContain(duo.members[0]);
      expect([G, H]).toContain(duo.members[1]);
    }
    expect(rotation[2]!.served.get(A)).toBe(2);
    expect(rotation[2]!.served.get(C)).toBe(1);
  });

  it('gives every active tool to exactly one duo, and none to tools not yet registered or retired', () => {
    const volunteers = [A, B, C, D, E, F].map((m) => record(m, T0 - DAY));
    const tools = [...toolsList(60), { id: 'late', since: T0 + DAY, retiredAt: null }, { id: 'gone', since: T0 - DAY, retiredAt: T0 - 1 }];
    const result = caretakerDuos(input(volunteers, tools), 0);
    expect(result.duos).toHaveLength(3);
    const assigned = result.duos.flatMap((duo) => duo.tools);
    expect(assigned).toHaveLength(60);
    expect(new Set(assigned).size).toBe(60);
    expect(duoFor(result, 'tool7')?.tools).toContain('tool7');
    expect(duoFor(result, 'late')).toBeNull();
    expect(duoFor(result, 'gone')).toBeNull();
  });

  it('leaves out members who withdrew, who were not members yet, or who are strangers', () => {
    const volunteers = [
      record(A, T0 - DAY),
      record(B, T0 - DAY),
      record(C, T0 - DAY),
      record(C, T0 - 1, false),
      record(key(10), T0 - DAY),
      record('stranger', T0 - DAY),
    ];
    const result = caretakerDuos(input(volunteers, toolsList(3)), 0);
    expect(result.duos.map((duo) => setOf(duo.members))).toEqual([setOf([A, B])]);
  });

  it('gives the same duos whatever order its input comes in', () => {
    const volunteers = [A, B, C, D, E, F, G, H].map((m, n) => record(m, T0 - DAY + n));
    const tools = toolsList(70);
    const expected = caretakerRotation(input(volunteers, tools), 12);
    const reversed = caretakerRotation(input([...volunteers].reverse(), [...tools].reverse()), 12);
    expect(reversed).toEqual(expected);
  });

  it('reads its input from the projected tool commons', () => {
    const events = [
      ...circleEvents(4),
      registered({ id: 'drill', by: A, at: T0 - DAY }),
      registered({ id: 'old', by: A, at: T0 - DAY + 1 }),
      marked('old', 'retired', A, T0 - 10),
      volunteered(A, T0 - 5),
      volunteered(B, T0 - 5),
    ];
    const circle = projectCircle(events);
    const result = caretakerDuos(caretakerInput(projectTools(events, circle), circle, cycleStart), 0);
    expect(result.duos).toHaveLength(1);
    expect(result.duos[0]!.tools).toEqual(['drill']);
  });
});
