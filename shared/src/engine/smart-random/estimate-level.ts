/**
 * Smart-random level estimation (§3.1 "Estimated level θ", Pix `getPredictedLevel`).
 *
 * Candidate levels 0.5, 1.0, …, 7.5. For each candidate θ, S(θ) = Σ (outcome − P(θ, d)) over the
 * learner's DIRECT knowledge elements on the target skills, plus two virtual observations (a success
 * at difficulty 0 and a failure at difficulty 7) that keep the estimate finite. P is the Rasch curve
 * 1 / (1 + e^{−(θ − d)}). The estimate is the candidate minimising |S(θ)|, the first one on ties.
 */

/** One direct observation: the skill's difficulty (level) and whether it was validated. */
export interface LevelObservation {
  difficulty: number;
  validated: boolean;
}

/** difficulty used for a KE whose skill is unknown to the pack (Pix default) */
export const DEFAULT_SKILL_DIFFICULTY = 2;

const VIRTUAL_OBSERVATIONS: LevelObservation[] = [
  { difficulty: 0, validated: true },
  { difficulty: 7, validated: false },
];

export const CANDIDATE_LEVELS: readonly number[] = Array.from({ length: 15 }, (_, i) => 0.5 + i * 0.5);

/** Rasch (1PL) probability of success at level θ on a skill of difficulty d. */
export function raschProbability(theta: number, difficulty: number): number {
  return 1 / (1 + Math.exp(-(theta - difficulty)));
}

/** Index of the smallest value; the first one when several are equal. */
export function indexOfFirstMinimum(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) {
    // Strict comparison keeps the first index on ties.
    if (values[i] < values[best]) best = i;
  }
  return best;
}

/** |S(θ)| for each candidate level. */
export function levelGaps(observations: readonly LevelObservation[]): number[] {
  const all = [...VIRTUAL_OBSERVATIONS, ...observations];
  return CANDIDATE_LEVELS.map((theta) => {
    let sum = 0;
    for (const o of all) sum += (o.validated ? 1 : 0) - raschProbability(theta, o.difficulty);
    return Math.abs(sum);
  });
}

export function estimateLevel(observations: readonly LevelObservation[]): number {
  return CANDIDATE_LEVELS[indexOfFirstMinimum(levelGaps(observations))];
}
