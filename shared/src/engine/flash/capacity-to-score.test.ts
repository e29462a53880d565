import { describe, expect, it } from 'vitest';
import { CAPACITY_INTERVAL_BOUNDS, capacityToScore } from './capacity-to-score';

describe('capacityToScore', () => {
  it('has 8 intervals of 128 pix', () => {
    expect(CAPACITY_INTERVAL_BOUNDS).toHaveLength(9);
  });

  // Without a cap (level 8 = 1024), each bound k maps exactly to 128·k.
  it.each(CAPACITY_INTERVAL_BOUNDS.map((bound, k) => ({ bound, k, expected: 128 * k })))(
    'bound $k (θ = $bound) → $expected pix',
    ({ bound, expected }) => {
      expect(capacityToScore(bound, 8)).toBe(expected);
    },
  );

  it.each([
    { theta: -8, expected: 0 },
    { theta: -20, expected: 0 },
    // middle of interval 3 [0.670847, 1.549962]: 128·3.5 = 448
    { theta: (0.670847 + 1.549962) / 2, expected: 448 },
    // a quarter into interval 0: 128·0.25 = 32
    { theta: -8 + (8 - 1.399264) / 4, expected: 32 },
    { theta: 0, expected: Math.round(128 * (3 + (0 - 0.670847) / (0.670847 + 0.519812))) },
  ])('θ = $theta → $expected', ({ theta, expected }) => {
    expect(capacityToScore(theta, 8)).toBe(expected);
  });

  it.each([
    { theta: 8, level: 7, expected: 896 },
    { theta: 20, level: 7, expected: 896 },
    { theta: 8, level: 8, expected: 1024 },
    { theta: 3.5, level: 5, expected: 640 },
    { theta: 1, level: 5, expected: capacityToScore(1, 8) },
  ])('cap at maxReachableLevel × 128: θ = $theta, level $level → $expected', ({ theta, level, expected }) => {
    expect(capacityToScore(theta, level)).toBe(expected);
  });

  it('defaults to the v3 cap (level 7) and rounds to an integer', () => {
    expect(capacityToScore(8)).toBe(896);
    const score = capacityToScore(0.123);
    expect(Number.isInteger(score)).toBe(true);
    // 128·(3 + (0.123 − 0.670847)/1.190659) = 325.1… → 325
    expect(score).toBe(325);
  });

  it('is non-decreasing in θ', () => {
    let previous = -1;
    for (let theta = -9; theta <= 9; theta += 0.05) {
      const score = capacityToScore(theta, 8);
      expect(score).toBeGreaterThanOrEqual(previous);
      previous = score;
    }
  });
});
