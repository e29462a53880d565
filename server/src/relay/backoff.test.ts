import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const options = { baseMs: 100, maxMs: 5_000 };
  it.each([
    [0, 0, 0],
    [1, 0, 50],
    [1, 0.999, 100],
    [2, 0.5, 150],
    [3, 0, 200],
    [6, 1, 3_200],
    [7, 0, 2_500],
    [50, 1, 5_000],
  ])('failures %i, random %d → %i ms', (failures, random, expected) => {
    expect(backoffDelay(failures, options, () => random)).toBe(Math.round(expected));
  });

  it('jitter spreads relays between half and all of the ceiling', () => {
    const delays = Array.from({ length: 100 }, (_, i) => backoffDelay(4, options, () => i / 100));
    expect(Math.min(...delays)).toBe(400);
    expect(Math.max(...delays)).toBeLessThanOrEqual(800);
    expect(new Set(delays).size).toBeGreaterThan(50);
  });
});
