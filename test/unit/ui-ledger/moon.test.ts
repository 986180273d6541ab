import { describe, expect, test } from 'vitest';
import { moonLitPath } from '../../../src/ui/ledger/moon';

describe('the moon icon', () => {
  test('nothing is lit at new moon', () => {
    expect(moonLitPath(0, 0, 24, 24, 22)).toBe('');
    expect(moonLitPath(0.999, 0.001, 24, 24, 22)).toBe('');
  });

  test('a full moon is the whole disc', () => {
    expect(moonLitPath(0.5, 1, 24, 24, 22)).toBe('M24 2A22 22 0 1 1 24 46A22 22 0 1 1 24 2Z');
  });

  test('a first quarter lights the right half, a last quarter the left, with a straight terminator', () => {
    expect(moonLitPath(0.25, 0.5, 24, 24, 22)).toBe('M24 2A22 22 0 0 1 24 46A0 22 0 0 1 24 2Z');
    expect(moonLitPath(0.75, 0.5, 24, 24, 22)).toBe('M24 2A22 22 0 0 0 24 46A0 22 0 0 0 24 2Z');
  });

  test('the terminator bulges towards the lit limb for a crescent and away from it for a gibbous moon', () => {
    // Waxing: limb on the right (sweep 1); crescent terminator back up the right (0), gibbous up the left (1).
    expect(moonLitPath(0.1, 0.1, 24, 24, 22)).toBe('M24 2A22 22 0 0 1 24 46A17.6 22 0 0 0 24 2Z');
    expect(moonLitPath(0.4, 0.9, 24, 24, 22)).toBe('M24 2A22 22 0 0 1 24 46A17.6 22 0 0 1 24 2Z');
    // Waning: limb on the left (sweep 0); gibbous terminator up the right (0), crescent up the left (1).
    expect(moonLitPath(0.6, 0.9, 24, 24, 22)).toBe('M24 2A22 22 0 0 0 24 46A17.6 22 0 0 0 24 2Z');
    expect(moonLitPath(0.9, 0.1, 24, 24, 22)).toBe('M24 2A22 22 0 0 0 24 46A17.6 22 0 0 1 24 2Z');
  });

  test('out-of-range or missing illumination draws nothing broken', () => {
    expect(moonLitPath(0.5, 1.2, 24, 24, 22)).toBe(moonLitPath(0.5, 1, 24, 24, 22));
    expect(moonLitPath(0.2, Number.NaN, 24, 24, 22)).toBe('');
  });
});
