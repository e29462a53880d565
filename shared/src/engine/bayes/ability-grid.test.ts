import { describe, expect, it } from 'vitest';
import {
  abilityGrid, firstIndexAtLeast, gaussianPrior, posteriorMean, posteriorVariance, predictiveSuccess, successCurve, successProbability, updatePosterior, upperTail,
} from './ability-grid';
import { DEFAULT_BAYES_CONFIG } from './bayes-config';

const config = DEFAULT_BAYES_CONFIG;
const grid = abilityGrid(config);
const prior = gaussianPrior(grid, config.priorMean, config.priorSd);
const sum = (values: Float64Array) => values.reduce((s, v) => s + v, 0);

describe('ability grid', () => {
  it('spans gridMin..gridMax with exact points', () => {
    expect(grid[0]).toBe(config.gridMin);
    expect(grid[grid.length - 1]).toBe(config.gridMax);
    // every calibrated difficulty of the content (−2.25 + 0.9·k) is a grid point
    for (const b of [-2.25, -1.35, -0.45, 0.45, 1.35, 2.25, 3.15]) expect(grid).toContain(b);
  });

  it.each([
    { theta: 10, a: 1.6, b: 0, expected: 0.95 },
    { theta: -10, a: 1.6, b: 0, expected: 0.1 },
    { theta: 0, a: 1.6, b: 0, expected: 0.1 + 0.85 / 2 },
  ])('P(ok | θ=$theta, b=$b) = $expected (guess 0.1, slip 0.05)', ({ theta, a, b, expected }) => {
    expect(successProbability(theta, a, b, 0.1, 0.05)).toBeCloseTo(expected, 6);
  });

  it.each([
    { correct: true, direction: 1 },
    { correct: false, direction: -1 },
  ])('an answer (correct: $correct) moves the mean in direction $direction and keeps a distribution', ({ correct, direction }) => {
    const after = updatePosterior(prior, successCurve(grid, 1.6, 0, config), correct);
    expect(sum(after)).toBeCloseTo(1, 9);
    expect(Math.sign(posteriorMean(grid, after) - posteriorMean(grid, prior))).toBe(direction);
    expect(posteriorVariance(grid, after)).toBeLessThan(posteriorVariance(grid, prior));
  });

  it('predictive success of a centred item under the centred prior is about one half of the range', () => {
    const p = predictiveSuccess(prior, successCurve(grid, 1.6, config.priorMean, config));
    expect(p).toBeGreaterThan(0.45);
    expect(p).toBeLessThan(0.6);
  });

  it.each([
    { b: -100, index: 0 },
    { b: -2.25, index: grid.indexOf(-2.25) },
    { b: -2.26, index: grid.indexOf(-2.25) },
    { b: 100, index: grid.length },
  ])('firstIndexAtLeast($b) = $index', ({ b, index }) => {
    expect(firstIndexAtLeast(grid, b)).toBe(index);
  });

  it('upper tail goes from 1 down to 0', () => {
    const tail = upperTail(prior);
    expect(tail[0]).toBeCloseTo(1, 9);
    expect(tail[grid.length]).toBe(0);
    expect(tail[firstIndexAtLeast(grid, config.priorMean)]).toBeGreaterThan(0.45);
  });

  it('rejects answers the model cannot produce', () => {
    const impossible = new Float64Array(grid.length).fill(0);
    expect(() => updatePosterior(prior, impossible, true)).toThrow(RangeError);
  });
});
