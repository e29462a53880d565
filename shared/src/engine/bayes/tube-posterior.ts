/**
 * Posterior of the tube model (ADR 0002, round 5) for one competence, and what it says about the level.
 *
 * A mixture component c fixes the tube spread τ (its kernel K) and the response noise (guess, slip).
 * Given c and the competence ability μ (grid index m), the tubes are independent: tube t's answers have
 * likelihood L_{noise(c),t}(θ_t) and contribute F_t[c, m] = Σ_i K[m, i]·L[i]. So
 * w[c, m] ∝ P(c)·P(μ = m)·Π_t F_t[c, m] is exact, and every tube's ability given (c, m) is
 * r_t[i] ∝ K[m, i]·L[i]. The true level is min(floor(Σ_t pix_t(θ_t) / 8), max), where pix_t(θ) is the
 * pix of the tube's skills with b ≤ θ: its distribution is a mixture over (c, m) of sums of independent
 * tube contributions, approximated per component by a normal with the exact mean and variance.
 */
import { PIX_COUNT_BY_LEVEL } from '../../model/referential';
import type { CompetenceFrame } from './tube-model';

export interface Observation {
  discriminant: number;
  difficulty: number;
  ok: boolean;
}

export interface CompetencePosterior {
  frame: CompetenceFrame;
  /** [noise][tube] L on the grid (null: no answer in the tube) */
  likelihoods: (Float64Array | null)[][];
  /** [tube] F[c·G + m] (null: no answer) */
  factors: (Float64Array | null)[];
  /** w[c·G + m], normalised */
  weights: Float64Array;
}

type Calibration = Pick<Observation, 'discriminant' | 'difficulty'>;

/** A response noise: [guess, slip, factor on the challenge's discriminant]. */
export type Noise = readonly [number, number, number];

function successAt(theta: number, o: Calibration, noise: Noise): number {
  const [guess, slip, sharpness] = noise;
  return guess + (1 - guess - slip) / (1 + Math.exp(-sharpness * o.discriminant * (theta - o.difficulty)));
}

function times(likelihood: Float64Array | null, grid: Float64Array, o: Observation, noise: Noise): Float64Array {
  const next = likelihood ? Float64Array.from(likelihood) : new Float64Array(grid.length).fill(1);
  for (let i = 0; i < grid.length; i++) {
    const p = successAt(grid[i], o, noise);
    next[i] *= o.ok ? p : 1 - p;
  }
  return next;
}

function tubeFactor(frame: CompetenceFrame, likelihoods: readonly (Float64Array | null)[][], tube: number): Float64Array | null {
  if (likelihoods.every((byTube) => byTube[tube] === null)) return null;
  const size = frame.grid.length;
  const factor = new Float64Array(frame.components.length * size);
  frame.components.forEach((component, c) => {
    const kernel = frame.kernels[component.kernel];
    const likelihood = likelihoods[component.noise][tube] as Float64Array;
    for (let m = 0; m < size; m++) {
      let sum = 0;
      const row = m * size;
      for (let i = 0; i < size; i++) sum += kernel[row + i] * likelihood[i];
      factor[c * size + m] = sum;
    }
  });
  return factor;
}

function weightsOf(frame: CompetenceFrame, factors: readonly (Float64Array | null)[]): Float64Array {
  const size = frame.grid.length;
  const weights = new Float64Array(frame.components.length * size);
  let total = 0;
  frame.components.forEach((component, c) => {
    for (let m = 0; m < size; m++) {
      let w = component.prior * frame.abilityPrior[m];
      for (const factor of factors) if (factor) w *= factor[c * size + m];
      weights[c * size + m] = w;
      total += w;
    }
  });
  if (!(total > 0)) throw new RangeError('Postérieur nul : réponses incompatibles avec le modèle.');
  for (let k = 0; k < weights.length; k++) weights[k] /= total;
  return weights;
}

/** The posterior after the given answers, grouped by tube (frame.tubes order). */
export function competencePosterior(frame: CompetenceFrame, observationsByTube: readonly (readonly Observation[])[]): CompetencePosterior {
  const likelihoods = frame.noises.map((noise) => frame.tubes.map((_, t) => {
    let likelihood: Float64Array | null = null;
    for (const o of observationsByTube[t] ?? []) likelihood = times(likelihood, frame.grid, o, noise);
    return likelihood;
  }));
  const factors = frame.tubes.map((_, t) => tubeFactor(frame, likelihoods, t));
  return { frame, likelihoods, factors, weights: weightsOf(frame, factors) };
}

/** The posterior after one more answer in tube `tube` (only that tube's factor is recomputed). */
export function withObservation(posterior: CompetencePosterior, tube: number, o: Observation): CompetencePosterior {
  const { frame } = posterior;
  const likelihoods = posterior.likelihoods.map((byTube, n) => {
    const next = [...byTube];
    next[tube] = times(byTube[tube], frame.grid, o, frame.noises[n]);
    return next;
  });
  const factors = [...posterior.factors];
  factors[tube] = tubeFactor(frame, likelihoods, tube);
  return { frame, likelihoods, factors, weights: weightsOf(frame, factors) };
}

/** Tube t's ability given each component and μ, unnormalised (K·L), with the weight it carries. */
function forEachTubeRow(posterior: CompetencePosterior, tube: number, visit: (weight: number, kernel: Float64Array, row: number, likelihood: Float64Array | null, noise: number) => void): void {
  const { frame, weights } = posterior;
  const size = frame.grid.length;
  const factor = posterior.factors[tube];
  frame.components.forEach((component, c) => {
    const kernel = frame.kernels[component.kernel];
    const likelihood = posterior.likelihoods[component.noise][tube];
    for (let m = 0; m < size; m++) {
      // the component's weight without this tube's own factor: K·L below brings it back
      const w = weights[c * size + m] / (factor ? factor[c * size + m] : 1);
      if (w > 0) visit(w, kernel, m * size, likelihood, component.noise);
    }
  });
}

/** Marginal posterior of tube t's ability on the grid. */
export function tubeMarginal(posterior: CompetencePosterior, tube: number): Float64Array {
  const size = posterior.frame.grid.length;
  const marginal = new Float64Array(size);
  forEachTubeRow(posterior, tube, (w, kernel, row, likelihood) => {
    for (let i = 0; i < size; i++) marginal[i] += w * kernel[row + i] * (likelihood ? likelihood[i] : 1);
  });
  let total = 0;
  for (let i = 0; i < size; i++) total += marginal[i];
  for (let i = 0; i < size; i++) marginal[i] /= total;
  return marginal;
}

/** P(the next answer on a challenge of tube t is right) under the posterior. */
export function predictiveSuccess(posterior: CompetencePosterior, tube: number, challenge: Calibration): number {
  const { frame } = posterior;
  const size = frame.grid.length;
  const curves = frame.noises.map((noise) => frame.grid.map((theta) => successAt(theta, challenge, noise)));
  let ok = 0;
  let total = 0;
  forEachTubeRow(posterior, tube, (w, kernel, row, likelihood, noise) => {
    const curve = curves[noise];
    for (let i = 0; i < size; i++) {
      const r = w * kernel[row + i] * (likelihood ? likelihood[i] : 1);
      ok += r * curve[i];
      total += r;
    }
  });
  return ok / total;
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

/** Mean and variance of a tube's pix given each (component, μ): index c·G + m. */
export interface TubeMoments {
  mean: Float64Array;
  variance: Float64Array;
}

export function tubeMoments(frame: CompetenceFrame, likelihoods: readonly (Float64Array | null)[], pix: Float64Array): TubeMoments {
  const size = frame.grid.length;
  const mean = new Float64Array(frame.components.length * size);
  const variance = new Float64Array(frame.components.length * size);
  frame.components.forEach((component, c) => {
    const kernel = frame.kernels[component.kernel];
    const likelihood = likelihoods[component.noise];
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
      mean[c * size + m] = m1;
      variance[c * size + m] = Math.max(0, m2 / z - m1 * m1);
    }
  });
  return { mean, variance };
}

/** The likelihoods of one tube, by noise. */
export function tubeLikelihoods(posterior: CompetencePosterior, tube: number): (Float64Array | null)[] {
  return posterior.likelihoods.map((byTube) => byTube[tube]);
}

/** The moments of every tube under a posterior. */
export function allTubeMoments(posterior: CompetencePosterior, pixTables: readonly Float64Array[]): TubeMoments[] {
  return posterior.frame.tubes.map((_, t) => tubeMoments(posterior.frame, tubeLikelihoods(posterior, t), pixTables[t]));
}

/**
 * P(true level = ℓ) for ℓ = 0..maxReachableLevel, from the component weights and the tubes' moments.
 * `fixedPix`: pix of the fixed validated skills. A total within `pixTolerance` below a threshold counts
 * as reaching it (pix come in steps of at least twice that, so no reachable total lies in between).
 */
export function levelDistribution(frame: CompetenceFrame, weights: Float64Array, moments: readonly TubeMoments[], fixedPix: number): Float64Array {
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
  const distribution = new Float64Array(maxLevel + 1);
  for (let level = 0; level <= maxLevel; level++) distribution[level] = Math.max(0, atLeast[level] - (level < maxLevel ? atLeast[level + 1] : 0));
  return distribution;
}

/** Posterior mass of the components with noise `noise`. */
export function noiseMass(posterior: CompetencePosterior, noise: number): number {
  const size = posterior.frame.grid.length;
  let mass = 0;
  posterior.frame.components.forEach((component, c) => {
    if (component.noise !== noise) return;
    for (let m = 0; m < size; m++) mass += posterior.weights[c * size + m];
  });
  return mass;
}

