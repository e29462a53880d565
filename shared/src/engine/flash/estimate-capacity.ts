/**
 * Flash capacity estimation (§3.2): expected a posteriori (EAP) on a fixed grid.
 *
 * Grid −9..9 with 81 points (step 18/80 = 0.225). Answers are folded in order: for each one the prior
 * is a Gaussian of variance 1.5 centred on the CURRENT estimate (normalised), the likelihood is
 * accumulated multiplicatively over all answers so far (P if correct, 1 − P otherwise, 2PL), the
 * posterior is likelihood × prior normalised, and the new estimate is Σ grid·posterior. With
 * `variationPercent` set, each step |Δθ| is capped at variationPercent when |θ_prev| < variationPercent,
 * else at |θ_prev|·variationPercent. Error rate = sqrt(Σ posterior·(grid − θ)² − (9/80)²/12), 5 with no
 * answer.
 */
import { probabilityOfSuccess } from './irt';

export interface CalibratedResponse {
  difficulty: number;
  discriminant: number;
  /** only an `ok` answer counts as correct: skipped and timed-out answers are wrong */
  correct: boolean;
}

export interface CapacityEstimate {
  capacity: number;
  errorRate: number;
}

export interface CapacityOptions {
  /** θ before any answer (0 by default; −3 for certification v3) */
  startCapacity?: number;
  /** step limit (0.5 in the v3 configuration); undefined = no limit */
  variationPercent?: number;
}

export const GRID_START = -9;
export const GRID_END = 9;
export const GRID_POINTS = 81;
export const GRID_STEP = (GRID_END - GRID_START) / (GRID_POINTS - 1);
export const PRIOR_VARIANCE = 1.5;
export const DEFAULT_ERROR_RATE = 5;
const ERROR_RATE_CLASS_INTERVAL = 9 / 80;

export const CAPACITY_GRID: readonly number[] = Array.from({ length: GRID_POINTS }, (_, i) => GRID_START + i * GRID_STEP);

function normalise(values: number[]): number[] {
  const total = values.reduce((sum, v) => sum + v, 0);
  return values.map((v) => v / total);
}

function gaussianPrior(mean: number): number[] {
  return normalise(CAPACITY_GRID.map((x) => Math.exp(-((x - mean) ** 2) / (2 * PRIOR_VARIANCE))));
}

/** Applies the per-answer step cap of the v3 algorithm. */
export function limitVariation(previous: number, next: number, variationPercent?: number): number {
  if (variationPercent === undefined) return next;
  const gap = Math.abs(previous) < variationPercent ? variationPercent : Math.abs(previous) * variationPercent;
  return Math.min(previous + gap, Math.max(previous - gap, next));
}

export function estimateCapacity(
  responses: readonly CalibratedResponse[],
  options: CapacityOptions = {},
): CapacityEstimate {
  const start = options.startCapacity ?? 0;
  if (responses.length === 0) return { capacity: start, errorRate: DEFAULT_ERROR_RATE };

  let capacity = start;
  const likelihood = CAPACITY_GRID.map(() => 1);
  let posterior: number[] = [];
  for (const response of responses) {
    const prior = gaussianPrior(capacity);
    for (let i = 0; i < GRID_POINTS; i++) {
      const p = probabilityOfSuccess(CAPACITY_GRID[i], response.discriminant, response.difficulty);
      likelihood[i] *= response.correct ? p : 1 - p;
    }
    // Rescaling does not change the normalised posterior; it keeps 32+ products away from underflow.
    const peak = Math.max(...likelihood);
    for (let i = 0; i < GRID_POINTS; i++) likelihood[i] /= peak;
    posterior = normalise(likelihood.map((l, i) => l * prior[i]));
    const raw = posterior.reduce((sum, w, i) => sum + w * CAPACITY_GRID[i], 0);
    capacity = limitVariation(capacity, raw, options.variationPercent);
  }
  const variance = posterior.reduce((sum, w, i) => sum + w * (CAPACITY_GRID[i] - capacity) ** 2, 0);
  const errorRate = Math.sqrt(Math.max(0, variance - ERROR_RATE_CLASS_INTERVAL ** 2 / 12));
  return { capacity, errorRate };
}
