/**
 * Two-parameter logistic (2PL) item response model used by the flash engine (§3.2):
 * P(correct | θ) = 1 / (1 + e^{a·(b − θ)}), a = discriminant, b = difficulty.
 */

/** Probability of success threshold used to derive a challenge's minimum capability (config default). */
export const SUCCESS_PROBABILITY_THRESHOLD = 0.95;

export function probabilityOfSuccess(theta: number, discriminant: number, difficulty: number): number {
  return 1 / (1 + Math.exp(discriminant * (difficulty - theta)));
}

/** Fisher information a²·P·(1 − P): the flash reward of a challenge at capacity θ. */
export function fisherInformation(theta: number, discriminant: number, difficulty: number): number {
  const p = probabilityOfSuccess(theta, discriminant, difficulty);
  return discriminant * discriminant * p * (1 - p);
}

/** Capacity at which P(correct) reaches `threshold`: b − ln(1/threshold − 1) / a (§1.3). */
export function minimumCapability(
  difficulty: number,
  discriminant: number,
  threshold: number = SUCCESS_PROBABILITY_THRESHOLD,
): number {
  return difficulty - Math.log(1 / threshold - 1) / discriminant;
}
