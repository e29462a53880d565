/**
 * Posterior of one ability θ on a fixed grid (ADR 0002). Pure numeric helpers: the grid, the prior,
 * the response curve with guess and slip, Bayes updates, and P(θ ≥ b) from the cumulative posterior.
 * A posterior is a Float64Array of probabilities summing to 1, aligned on the grid.
 */
import type { BayesConfig } from './bayes-config';

export type GridConfig = Pick<BayesConfig, 'gridMin' | 'gridMax' | 'gridStep' | 'priorMean' | 'priorSd' | 'guess' | 'slip'>;

export function abilityGrid(config: GridConfig): Float64Array {
  const count = Math.floor((config.gridMax - config.gridMin) / config.gridStep + 1e-9) + 1;
  // Computed from the index (not by repeated addition) so that points carry no accumulated float error.
  return Float64Array.from({ length: count }, (_, i) => Math.round((config.gridMin + i * config.gridStep) * 1e9) / 1e9);
}

export function normalize(weights: Float64Array): Float64Array {
  let total = 0;
  for (const w of weights) total += w;
  if (!(total > 0)) throw new RangeError('Postérieur nul : réponses incompatibles avec le modèle.');
  return weights.map((w) => w / total);
}

export function gaussianPrior(grid: Float64Array, mean: number, sd: number): Float64Array {
  return normalize(grid.map((theta) => Math.exp(-0.5 * ((theta - mean) / sd) ** 2)));
}

/** P(ok | θ) = g + (1 − g − s)·σ(a·(θ − b)). */
export function successProbability(theta: number, discriminant: number, difficulty: number, guess: number, slip: number): number {
  return guess + (1 - guess - slip) / (1 + Math.exp(-discriminant * (theta - difficulty)));
}

/** P(ok | θ) at every grid point. */
export function successCurve(grid: Float64Array, discriminant: number, difficulty: number, config: Pick<GridConfig, 'guess' | 'slip'>): Float64Array {
  return grid.map((theta) => successProbability(theta, discriminant, difficulty, config.guess, config.slip));
}

/** Posterior after one response, given the success curve of the challenge. */
export function updatePosterior(posterior: Float64Array, curve: Float64Array, correct: boolean): Float64Array {
  const next = new Float64Array(posterior.length);
  let total = 0;
  for (let i = 0; i < posterior.length; i++) {
    next[i] = posterior[i] * (correct ? curve[i] : 1 - curve[i]);
    total += next[i];
  }
  if (!(total > 0)) throw new RangeError('Postérieur nul : réponses incompatibles avec le modèle.');
  for (let i = 0; i < next.length; i++) next[i] /= total;
  return next;
}

/** Posterior probability of a success on the challenge whose curve is given. */
export function predictiveSuccess(posterior: Float64Array, curve: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < posterior.length; i++) sum += posterior[i] * curve[i];
  return sum;
}

/** Index of the first grid point ≥ b (grid.length when b is above the grid). */
export function firstIndexAtLeast(grid: Float64Array, b: number): number {
  let lo = 0;
  let hi = grid.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (grid[mid] < b - 1e-9) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** tail[i] = P(θ ≥ grid[i]); tail[grid.length] = 0. */
export function upperTail(posterior: Float64Array): Float64Array {
  const tail = new Float64Array(posterior.length + 1);
  for (let i = posterior.length - 1; i >= 0; i--) tail[i] = tail[i + 1] + posterior[i];
  return tail;
}

export function posteriorMean(grid: Float64Array, posterior: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < grid.length; i++) sum += grid[i] * posterior[i];
  return sum;
}

export function posteriorVariance(grid: Float64Array, posterior: Float64Array): number {
  let first = 0;
  let second = 0;
  for (let i = 0; i < grid.length; i++) {
    first += posterior[i] * grid[i];
    second += posterior[i] * grid[i] * grid[i];
  }
  return Math.max(0, second - first * first);
}
