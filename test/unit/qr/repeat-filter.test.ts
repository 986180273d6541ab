import { describe, expect, it } from 'vitest';
import { createRepeatFilter } from '../../../src/qr/repeat-filter';

describe('repeat filter', () => {
  it('lets a code through once while it stays in view, and again after it has left', () => {
    let now = 0;
    const fresh = createRepeatFilter(1000, () => now);
    expect(fresh('A')).toBe(true);
    now = 600;
    expect(fresh('A')).toBe(false);
    now = 1500;
    expect(fresh('A')).toBe(false);
    expect(fresh('B')).toBe(true);
    now = 2600;
    expect(fresh('A')).toBe(true);
  });
});
