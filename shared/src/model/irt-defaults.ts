/**
 * Default IRT (2PL) calibration of a challenge from its skill level, as documented in content/README.md:
 * difficulty = (level − 3.5) × 0.9, discriminant 1.6 (1.4 for a QCU, where guessing helps).
 */
import type { ChallengeType } from './types';

export function challengeIrtDefaults(level: number, type: ChallengeType): { difficulty: number; discriminant: number } {
  // Rounded to 4 decimals so that level 1 gives exactly −2.25 and not a float artefact.
  const difficulty = Math.round((level - 3.5) * 0.9 * 10_000) / 10_000;
  return { difficulty, discriminant: type === 'QCU' ? 1.4 : 1.6 };
}
