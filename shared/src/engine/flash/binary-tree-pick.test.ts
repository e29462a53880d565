import { describe, expect, it } from 'vitest';
import { createRng } from '../../random/seeded-rng';
import { binaryTreePick, binaryTreeProbabilities } from './binary-tree-pick';

describe('binaryTreeProbabilities', () => {
  it.each([
    { count: 1, expected: [1] },
    { count: 2, expected: [0.51, 0.49] },
    { count: 5, expected: [0.51, 0.51 * 0.49, 0.51 * 0.49 ** 2, 0.51 * 0.49 ** 3, 0.49 ** 4] },
  ])('$count candidates at 51 % → $expected', ({ count, expected }) => {
    const probabilities = binaryTreeProbabilities(count, 51);
    probabilities.forEach((p, i) => expect(p).toBeCloseTo(expected[i], 12));
    expect(probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
  });
});

describe('binaryTreePick', () => {
  it('follows the cascade probabilities (seeded, 50 000 draws)', () => {
    const rng = createRng('cascade');
    const counts = [0, 0, 0, 0, 0];
    const draws = 50_000;
    for (let i = 0; i < draws; i++) counts[binaryTreePick(5, 51, rng)]++;
    const expected = binaryTreeProbabilities(5, 51);
    counts.forEach((count, i) => {
      const p = expected[i];
      // 4 standard deviations of a binomial proportion
      expect(Math.abs(count / draws - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / draws));
    });
  });

  it.each([
    { count: 0, expected: -1 },
    { count: 1, expected: 0 },
  ])('degenerate count $count → $expected', ({ count, expected }) => {
    expect(binaryTreePick(count, 51, createRng('x'))).toBe(expected);
  });

  it('is reproducible with the same seed', () => {
    const a = createRng('same');
    const b = createRng('same');
    const seqA = Array.from({ length: 20 }, () => binaryTreePick(5, 51, a));
    const seqB = Array.from({ length: 20 }, () => binaryTreePick(5, 51, b));
    expect(seqA).toEqual(seqB);
  });
});
