import { describe, expect, it } from 'vitest';
import { solveWithinOneBound, type BoundModel } from './bound';

/** Levels 0..k−1, band of level L = [L, L + 1), one difficulty at every inner boundary. */
function staircase(levelCount: number, noise: { guess: number; slip: number; discriminant: number }): BoundModel {
  return {
    bands: Array.from({ length: levelCount }, (_, level) => ({ level, from: level, to: level + 1 })),
    difficulties: Array.from({ length: levelCount - 1 }, (_, k) => k + 1),
    ...noise,
  };
}

const NOISELESS = { guess: 0, slip: 0, discriminant: 400 };

describe('within-one bound on a noiseless learner', () => {
  it.each([
    // 3 levels: reporting the middle one is always within one, no question is worth asking.
    { levels: 3, lambda: 0.01, questions: 0, withinOne: 1 },
    // 4 levels: one question splits {0, 1} from {2, 3}.
    { levels: 4, lambda: 0.01, questions: 1, withinOne: 1 },
    // …unless a question costs more than the quarter it gains.
    { levels: 4, lambda: 0.3, questions: 0, withinOne: 0.75 },
    // 7 levels: one question leaves 3 or 4 levels, the 4 need a second one (1 + 4/7 on average).
    { levels: 7, lambda: 0.01, questions: 1 + 4 / 7, withinOne: 1 },
  ])('$levels levels, λ = $lambda → $questions questions, within one $withinOne', ({ levels, lambda, questions, withinOne }) => {
    for (const mode of ['optimistic', 'achievable'] as const) {
      const result = solveWithinOneBound(staircase(levels, NOISELESS), { lambda, depth: 4, pointsPerBand: 4, mode });
      expect(result.questions).toBeCloseTo(questions, 6);
      expect(result.withinOne).toBeCloseTo(withinOne, 6);
      expect(result.value).toBeCloseTo(withinOne - lambda * questions, 6);
    }
  });
});

describe('within-one bound on a noisy learner', () => {
  const model = staircase(7, { guess: 0.1, slip: 0.05, discriminant: 1.6 });

  it('the optimistic value bounds the achievable one, and both grow with depth', () => {
    const achievable = [3, 5].map((depth) => solveWithinOneBound(model, { lambda: 0.01, depth, pointsPerBand: 4, mode: 'achievable' }).value);
    const optimistic = [3, 5].map((depth) => solveWithinOneBound(model, { lambda: 0.01, depth, pointsPerBand: 4, mode: 'optimistic' }).value);
    expect(achievable[1]).toBeGreaterThan(achievable[0]);
    expect(optimistic[1]).toBeLessThan(optimistic[0]);
    expect(optimistic[1]).toBeGreaterThan(achievable[1]);
  });

  it('noise keeps the achievable policy below certainty and makes it ask more than the noiseless one', () => {
    const result = solveWithinOneBound(model, { lambda: 0.005, depth: 6, pointsPerBand: 4, mode: 'achievable' });
    expect(result.withinOne).toBeLessThan(0.99);
    expect(result.questions).toBeGreaterThan(1 + 4 / 7);
    expect(result.value).toBeCloseTo(result.withinOne - 0.005 * result.questions, 9);
  });
});
