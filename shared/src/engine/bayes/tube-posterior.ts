/**
 * Posterior of the tube model (ADR 0002, round 5) for one competence, and what it says about the level.
 *
 * Given the spread τ (index s) and the competence ability μ (grid index m), the tubes are independent:
 * tube t's answers have likelihood L_t(θ_t) and contribute F_t[s, m] = Σ_i K_s[m, i]·L_t[i]. So
 * w[s, m] ∝ P(s)·P(μ = m)·Π_t F_t[s, m] is exact, and every tube's ability given (s, m) is
 * r_t[i] ∝ K_s[m, i]·L_t[i]. The true level is min(floor(Σ_t pix_t(θ_t) / 8), max), where pix_t(θ) is the
 * pix of the tube's skills with b ≤ θ: its distribution is a mixture over (s, m) of sums of independent
 * tube contributions, approximated per component by a normal with the exact mean and variance.
 */
import type { BayesConfig } from './bayes-config';
import { PIX_COUNT_BY_LEVEL } from '../../model/referential';
import type { CompetenceFrame } from './tube-model';

export interface Observation {
  discriminant: number;
  difficulty: number;
  ok: boolean;
}

export interface CompetencePosterior {
  frame: CompetenceFrame;
  /** per tube, L_t on the grid (null: no answer in the tube) */
  likelihoods: (Float64Array | null)[];
  /** per tube, F_t[s·G + m] (null: no answer) */
  factors: (Float64Array | null)[];
  /** w[s·G + m], normalised */
  weights: Float64Array;
}

type ResponseModel = Pick<BayesConfig, 'guess' | 'slip'>;

function successAt(theta: number, o: Pick<Observation, 'discriminant' | 'difficulty'>, model: ResponseModel): number {
  return model.guess + (1 - model.guess - model.slip) / (1 + Math.exp(-o.discriminant * (theta - o.difficulty)));
}

/** P(ok | θ_t) at every grid point. */
export function successCurve(grid: Float64Array, o: Pick<Observation, 'discriminant' | 'difficulty'>, model: ResponseModel): Float64Array {
  return grid.map((theta) => successAt(theta, o, model));
}

function times(likelihood: Float64Array | null, grid: Float64Array, o: Observation, model: ResponseModel): Float64Array {
  const next = likelihood ? Float64Array.from(likelihood) : new Float64Array(grid.length).fill(1);
  for (let i = 0; i < grid.length; i++) {
    const p = successAt(grid[i], o, model);
    next[i] *= o.ok ? p : 1 - p;
  }
  return next;
}

function tubeFactor(frame: CompetenceFrame, likelihood: Float64Array): Float64Array {
  const size = frame.grid.length;
  const factor = new Float64Array(frame.kernels.length * size);
  frame.kernels.forEach((kernel, s) => {
    for (let m = 0; m < size; m++) {
      let sum = 0;
      const row = m * size;
      for (let i = 0; i < size; i++) sum += kernel[row + i] * likelihood[i];
      factor[s * size + m] = sum;
    }
  });
  return factor;
}

function weightsOf(frame: CompetenceFrame, factors: (Float64Array | null)[]): Float64Array {
  const size = frame.grid.length;
  const weights = new Float64Array(frame.kernels.length * size);
  let total = 0;
  for (let s = 0; s < frame.kernels.length; s++) {
    for (let m = 0; m < size; m++) {
      let w = frame.spreadPrior[s] * frame.abilityPrior[m];
      for (const factor of factors) if (factor) w *= factor[s * size + m];
      weights[s * size + m] = w;
      total += w;
    }
  }
  if (!(total > 0)) throw new RangeError('Postérieur nul : réponses incompatibles avec le modèle.');
  for (let k = 0; k < weights.length; k++) weights[k] /= total;
  return weights;
}

/** The posterior after the given answers, grouped by tube (frame.tubes order). */
export function competencePosterior(frame: CompetenceFrame, observationsByTube: readonly (readonly Observation[])[], model: ResponseModel): CompetencePosterior {
  const likelihoods = frame.tubes.map((_, t) => {
    let likelihood: Float64Array | null = null;
    for (const o of observationsByTube[t] ?? []) likelihood = times(likelihood, frame.grid, o, model);
    return likelihood;
  });
  const factors = likelihoods.map((l) => (l ? tubeFactor(frame, l) : null));
  return { frame, likelihoods, factors, weights: weightsOf(frame, factors) };
}

/** The posterior after one more answer in tube `tube` (only that tube's factor is recomputed). */
export function withObservation(posterior: CompetencePosterior, tube: number, o: Observation, model: ResponseModel): CompetencePosterior {
  const { frame } = posterior;
  const likelihoods = [...posterior.likelihoods];
  likelihoods[tube] = times(likelihoods[tube], frame.grid, o, model);
  const factors = [...posterior.factors];
  factors[tube] = tubeFactor(frame, likelihoods[tube] as Float64Array);
  return { frame, likelihoods, factors, weights: weightsOf(frame, factors) };
}

/** Marginal posterior of tube t's ability on the grid. */
export function tubeMarginal(posterior: CompetencePosterior, tube: number): Float64Array {
  const { frame, weights } = posterior;
  const size = frame.grid.length;
  const likelihood = posterior.likelihoods[tube];
  const factor = posterior.factors[tube];
  const marginal = new Float64Array(size);
  frame.kernels.forEach((kernel, s) => {
    for (let m = 0; m < size; m++) {
      const w = weights[s * size + m] / (factor ? factor[s * size + m] : 1);
      if (w === 0) continue;
      const row = m * size;
      for (let i = 0; i < size; i++) marginal[i] += w * kernel[row + i];
    }
  });
  let total = 0;
  for (let i = 0; i < size; i++) {
    if (likelihood) marginal[i] *= likelihood[i];
    total += marginal[i];
  }
  for (let i = 0; i < size; i++) marginal[i] /= total;
  return marginal;
}

/** P(θ_t ≥ grid[i]) for every i (index G gives 0). */
export function upperTails(marginal: Float64Array): Float64Array {
  const tails = new Float64Array(marginal.length + 1);
  for (let i = marginal.length - 1; i >= 0; i--) tails[i] = tails[i + 1] + marginal[i];
  return tails;
}

/**
 * Per tube, pix_t at every grid point: pix of the tube's skills with b ≤ θ, leaving out `fixed` skills
 * (assessed elsewhere: their status is known and counted apart).
 */
export function tubePixTables(frame: CompetenceFrame, fixed: ReadonlySet<string>): Float64Array[] {
  return frame.tubes.map((tube) => {
    const pix = new Float64Array(frame.grid.length);
    for (const node of tube.skills) {
      if (fixed.has(node.skill.id)) continue;
      for (let i = node.gridIndex; i < pix.length; i++) pix[i] += node.skill.pixValue;
    }
    return pix;
  });
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 for erfc, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** Minimal variance of a component: keeps a degenerate sum from turning the normal into a step at the wrong side. */
const VARIANCE_FLOOR = 1e-6;

/** Mean and variance of a tube's pix given each (spread, μ) component: index s·G + m. */
export interface TubeMoments {
  mean: Float64Array;
  variance: Float64Array;
}

export function tubeMoments(frame: CompetenceFrame, likelihood: Float64Array | null, pix: Float64Array): TubeMoments {
  const size = frame.grid.length;
  const mean = new Float64Array(frame.kernels.length * size);
  const variance = new Float64Array(frame.kernels.length * size);
  frame.kernels.forEach((kernel, s) => {
    for (let m = 0; m < size; m++) {
      const row = m * size;
      let z = 0;
      let m1 = 0;
      let m2 = 0;
      for (let i = 0; i < size; i++) {
        const r = likelihood ? kernel[row + i] * likelihood[i] : kernel[row + i];
        z += r;
        m1 += r * pix[i];
        m2 += r * pix[i] * pix[i];
      }
      m1 /= z;
      mean[s * size + m] = m1;
      variance[s * size + m] = Math.max(0, m2 / z - m1 * m1);
    }
  });
  return { mean, variance };
}

/** The moments of every tube under a posterior. */
export function allTubeMoments(posterior: CompetencePosterior, pixTables: readonly Float64Array[]): TubeMoments[] {
  return posterior.frame.tubes.map((_, t) => tubeMoments(posterior.frame, posterior.likelihoods[t], pixTables[t]));
}

/**
 * P(true level = ℓ) for ℓ = 0..maxReachableLevel, from the component weights and the tubes' moments.
 * `fixedPix`: pix of the fixed validated skills. A total within `pixTolerance` below a threshold counts
 * as reaching it (pix come in steps of at least twice that, so no reachable total lies in between).
 */
export function levelDistribution(frame: CompetenceFrame, weights: Float64Array, moments: readonly TubeMoments[], fixedPix: number): Float64Array {
  const size = frame.grid.length;
  const maxLevel = frame.maxReachableLevel;
  const atLeast = new Float64Array(maxLevel + 1);
  for (let k = 0; k < weights.length; k++) {
    const w = weights[k];
    if (w < 1e-12) continue;
    let mean = fixedPix;
    let variance = VARIANCE_FLOOR;
    for (const tube of moments) {
      mean += tube.mean[k];
      variance += tube.variance[k];
    }
    const sd = Math.sqrt(variance);
    atLeast[0] += w;
    for (let level = 1; level <= maxLevel; level++) {
      const z = (mean - (level * PIX_COUNT_BY_LEVEL - frame.pixTolerance)) / sd;
      if (z < -8) break;
      atLeast[level] += w * normalCdf(z);
    }
  }
  void size;
  const distribution = new Float64Array(maxLevel + 1);
  for (let level = 0; level <= maxLevel; level++) distribution[level] = Math.max(0, atLeast[level] - (level < maxLevel ? atLeast[level + 1] : 0));
  return distribution;
}
