import { describe, expect, it } from 'vitest';
import { mean, percentile, round } from './stats';

describe('stats', () => {
  it.each([
    { values: [1, 2, 3, 4], expected: 2.5 },
    { values: [5], expected: 5 },
  ])('mean($values) = $expected', ({ values, expected }) => {
    expect(mean(values)).toBe(expected);
  });

  it.each([
    { p: 50, expected: 50 },
    { p: 95, expected: 95 },
    { p: 99, expected: 99 },
    { p: 100, expected: 100 },
    { p: 0, expected: 1 },
  ])('nearest-rank percentile p$p of 1..100 = $expected', ({ p, expected }) => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, p)).toBe(expected);
  });

  it('handles empty input and rounding', () => {
    expect(mean([])).toBeNaN();
    expect(percentile([], 50)).toBeNaN();
    expect(round(1.23456, 3)).toBe(1.235);
  });
});
