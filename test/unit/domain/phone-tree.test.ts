import { describe, expect, it } from 'vitest';
import { DEFAULT_FANOUT, phoneTree } from '../../../src/domain/phone-tree';
import type { PhoneTree } from '../../../src/domain/phone-tree';

// m00 ... m12: short keys keep the pinned trees readable.
const m = (n: number): string => `m${String(n).padStart(2, '0')}`;
const roster = (count: number): string[] => Array.from({ length: count }, (_, n) => m(n));
const everyone = new Set(roster(13));
const SEED = 'alert-1';

/** How many each member calls, for the members who call anyone. */
const loads = (tree: PhoneTree): number[] => tree.levels.flat().map((member) => tree.callsFor(member).length).filter((count) => count > 0);

describe('phoneTree: small trees', () => {
  it('is the root alone for one member', () => {
    const tree = phoneTree({ members: [m(0)], callers: everyone, root: m(0), seed: SEED });
    expect(tree.levels).toEqual([[m(0)]]);
    expect(tree.maxDepth).toBe(0);
    expect(tree.children.size).toBe(0);
    expect(tree.parent.size).toBe(0);
    expect(tree.depth).toEqual(new Map([[m(0), 0]]));
    expect(tree.callsFor(m(0))).toEqual([]);
    expect(tree.unassigned).toEqual([]);
    expect(tree.fanout).toBe(DEFAULT_FANOUT);
  });

  it('has the root call the other of two', () => {
    const tree = phoneTree({ members: [m(1), m(0)], callers: new Set(), root: m(0), seed: SEED });
    expect(tree.levels).toEqual([[m(0)], [m(1)]]);
    expect(tree.callsFor(m(0))).toEqual([m(1)]);
    expect(tree.parent.get(m(1))).toBe(m(0));
    expect(tree.depth.get(m(1))).toBe(1);
    expect(tree.maxDepth).toBe(1);
  });

  it('has the root call all three others of four', () => {
    const tree = phoneTree({ members: roster(4), callers: everyone, root: m(0), seed: SEED });
    expect(tree.levels).toEqual([[m(0)], [m(3), m(2), m(1)]]);
    expect([...tree.children]).toEqual([[m(0), [m(3), m(2), m(1)]]]);
    expect(tree.maxDepth).toBe(1);
  });

  it('makes thirteen callers a full tree of depth 2, three calls each', () => {
    const tree = phoneTree({ members: roster(13), callers: everyone, root: m(0), seed: SEED });
    // Pinned: every phone, in every version, must name the same calls.
    expect(tree.levels).toEqual([
      [m(0)],
      [m(9), m(12), m(8)],
      [m(11), m(3), m(6), m(2), m(7), m(5), m(4), m(10), m(1)],
    ]);
    expect([...tree.children]).toEqual([
      [m(0), [m(9), m(12), m(8)]],
      [m(9), [m(11), m(6), m(10)]],
      [m(12), [m(3), m(2), m(7)]],
      [m(8), [m(5), m(4), m(1)]],
    ]);
    expect(tree.maxDepth).toBe(2);
    expect(loads(tree)).toEqual([3, 3, 3, 3]);
    for (const member of tree.levels[2]!) expect(tree.depth.get(member)).toBe(2);
    expect(tree.unassigned).toEqual([]);
  });

  it('with fan-out 2, needs depth 3 for thirteen', () => {
    const tree = phoneTree({ members: roster(13), callers: everyone, root: m(0), seed: SEED, fanout: 2 });
    expect(tree.levels.map((level) => level.length)).toEqual([1, 2, 4, 6]);
    expect(tree.maxDepth).toBe(3);
    // The last level's six calls are shared among its four callers, none making more than ceil(6 / 4).
    const calls = tree.levels[2]!.map((member) => tree.callsFor(member).length);
    expect(calls.reduce((sum, count) => sum + count, 0)).toBe(6);
    expect(Math.max(...calls)).toBe(2);
  });

  it('lets a root who did not offer to call still call the first three, callers first', () => {
    const callers = new Set([m(4), m(7)]);
    const tree = phoneTree({ members: roster(8), callers, root: m(0), seed: SEED });
    expect(callers.has(m(0))).toBe(false);
    const first = tree.callsFor(m(0));
    expect(first).toHaveLength(3);
    expect(new Set(first.slice(0, 2))).toEqual(callers);
    expect(callers.has(first[2]!)).toBe(false);
    // Seven to reach, all in reach: the two callers call the other four.
    expect(tree.unassigned).toEqual([]);
    expect(tree.maxDepth).toBe(2);
    expect(tree.callsFor(first[2]!)).toEqual([]);
  });

  it('puts the root first even when it is missing from the members', () => {
    const tree = phoneTree({ members: roster(4).slice(1), callers: everyone, root: m(0), seed: SEED });
    expect(tree.levels).toEqual([[m(0)], [m(3), m(2), m(1)]]);
  });
});

describe('phoneTree: too few callers', () => {
  it('lists who nobody can call instead of giving anyone more than the fan-out', () => {
    const tree = phoneTree({ members: roster(10), callers: new Set([m(5)]), root: m(0), seed: SEED });
    // The root and one caller: six places for nine people.
    expect(tree.levels).toEqual([[m(0)], [m(5), m(9), m(8)], [m(3), m(6), m(2)]]);
    expect(tree.callsFor(m(5))).toEqual([m(3), m(6), m(2)]);
    expect(tree.unassigned).toEqual([m(7), m(4), m(1)]);
    for (const member of tree.unassigned) {
      expect(tree.depth.has(member)).toBe(false);
      expect(tree.parent.has(member)).toBe(false);
    }
  });

  it('with no callers at all, has the root call the first few', () => {
    const tree = phoneTree({ members: roster(10), callers: new Set(), root: m(0), seed: SEED, fanout: 4 });
    expect(tree.callsFor(m(0))).toHaveLength(4);
    expect(tree.unassigned).toHaveLength(5);
    expect(tree.maxDepth).toBe(1);
  });
});

describe('phoneTree: input', () => {
  it('refuses a fan-out outside 2 to 8 or not whole', () => {
    for (const fanout of [0, 1, 9, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => phoneTree({ members: roster(4), callers: everyone, root: m(0), seed: SEED, fanout })).toThrow(RangeError);
    }
    for (const fanout of [2, 8]) expect(phoneTree({ members: roster(4), callers: everyone, root: m(0), seed: SEED, fanout }).fanout).toBe(fanout);
  });

  it('counts a repeated member once and ignores callers who are not members', () => {
    const tree = phoneTree({ members: [...roster(4), m(2), m(0), m(3)], callers: new Set([m(11), m(12)]), root: m(0), seed: SEED });
    expect(tree.levels).toEqual([[m(0)], [m(3), m(2), m(1)]]);
    expect(tree.callsFor(m(11))).toEqual([]);
    expect(tree.depth.has(m(11))).toBe(false);
  });

  it('gives the same tree whatever the order of the members', () => {
    const one = phoneTree({ members: roster(13), callers: new Set([m(1), m(2), m(3)]), root: m(0), seed: SEED });
    const two = phoneTree({ members: roster(13).reverse(), callers: new Set([m(3), m(2), m(1)]), root: m(0), seed: SEED });
    expect(two.levels).toEqual(one.levels);
    expect([...two.children].sort()).toEqual([...one.children].sort());
    expect(two.unassigned).toEqual(one.unassigned);
  });

  it('orders people differently for different alerts', () => {
    const bottoms = new Set(['a', 'b', 'c', 'd'].map((seed) => phoneTree({ members: roster(13), callers: everyone, root: m(0), seed }).levels[2]!.join()));
    expect(bottoms.size).toBeGreaterThan(1);
  });

  it('gives nobody calls who is not in the tree', () => {
    const tree = phoneTree({ members: roster(4), callers: everyone, root: m(0), seed: SEED });
    expect(tree.callsFor('stranger')).toEqual([]);
  });
});
