import { describe, expect, it } from 'vitest';
import {
  CANDIDATE_LEVELS,
  estimateLevel,
  indexOfFirstMinimum,
  levelGaps,
  raschProbability,
  type LevelObservation,
} from './estimate-level';

const ok = (difficulty: number): LevelObservation => ({ difficulty, validated: true });
const ko = (difficulty: number): LevelObservation => ({ difficulty, validated: false });

describe('raschProbability', () => {
  it.each([
    { theta: 2, d: 2, expected: 0.5 },
    { theta: 3, d: 2, expected: 1 / (1 + Math.exp(-1)) },
    { theta: 0, d: 2, expected: 1 / (1 + Math.exp(2)) },
  ])('P(θ=$theta, d=$d)', ({ theta, d, expected }) => {
    expect(raschProbability(theta, d)).toBeCloseTo(expected, 12);
  });
});

describe('estimateLevel', () => {
  it('offers the 15 candidates 0.5..7.5', () => {
    expect(CANDIDATE_LEVELS).toEqual([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5]);
  });

  // Expected values worked by hand from S(θ) = Σ(outcome − P) with the virtual success@0, failure@7.
  it.each<{ label: string; observations: LevelObservation[]; expected: number }>([
    // S is antisymmetric around 3.5: S(3.5) = 0.
    { label: 'no observation', observations: [], expected: 3.5 },
    // S(4.5) ≈ 0.011 + 0.076 − 0.076 ≈ 0.01; S(4) ≈ 0.09; S(5) ≈ −0.07.
    { label: 'one success at 2', observations: [ok(2)], expected: 4.5 },
    // S(1) ≈ 0.269 − 0.269 − 0.002 ≈ −0.002.
    { label: 'one failure at 2', observations: [ko(2)], expected: 1 },
    // S(2.5) ≈ 0.076 + 0.378 − 0.378 − 0.011 ≈ 0.065; S(3) ≈ −0.2.
    { label: 'success at 2, failure at 3', observations: [ok(2), ko(3)], expected: 2.5 },
    // S decreases with θ and is already negative at 0.5: the lowest candidate wins.
    { label: 'failures at 1, 2, 3', observations: [ko(1), ko(2), ko(3)], expected: 0.5 },
    // S(6.5) ≈ 0.002 + 0.076 + 0.182 + 0.378 − 0.378 ≈ 0.26; S(7) ≈ 0.001 + 0.047 + 0.119 + 0.269 − 0.5 ≈ −0.06.
    { label: 'successes at 4, 5, 6', observations: [ok(4), ok(5), ok(6)], expected: 7 },
  ])('$label → θ = $expected', ({ observations, expected }) => {
    expect(estimateLevel(observations)).toBe(expected);
  });

  it('a success raises θ and a failure lowers it, compared with the same history', () => {
    const history = [ok(2), ko(4)];
    const base = estimateLevel(history);
    expect(estimateLevel([...history, ok(3)])).toBeGreaterThan(base);
    expect(estimateLevel([...history, ko(3)])).toBeLessThan(base);
  });

  it('returns the candidate with the smallest |S(θ)|', () => {
    const observations = [ok(1), ok(2), ko(3), ok(3), ko(5)];
    const gaps = levelGaps(observations);
    const theta = estimateLevel(observations);
    expect(gaps[CANDIDATE_LEVELS.indexOf(theta)]).toBe(Math.min(...gaps));
  });
});

describe('indexOfFirstMinimum (tie rule)', () => {
  it.each([
    { values: [3, 1, 2], expected: 1 },
    { values: [2, 1, 1, 5], expected: 1 },
    { values: [0, 0, 0], expected: 0 },
    { values: [5, 4, 3, 3], expected: 2 },
  ])('$values → $expected', ({ values, expected }) => {
    expect(indexOfFirstMinimum(values)).toBe(expected);
  });
});
