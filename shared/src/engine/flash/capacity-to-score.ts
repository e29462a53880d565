/**
 * Capacity → Pix score of a v3 certification (§3.3, `CertificationAssessmentScoreV3`).
 *
 * θ is clamped to [−8, 8]; eight capacity intervals are each worth 1024/8 = 128 pix and the score is
 * piecewise linear inside an interval: 128·(i + 1 + (θ − end_i)/(end_i − start_i)). The result is capped
 * at maxReachableLevel × 16 × 8, then rounded.
 */
import { COMPETENCES_COUNT, PIX_COUNT_BY_LEVEL, THEORETICAL_MAX_PIX } from '../../model/referential';

export const CAPACITY_INTERVAL_BOUNDS: readonly number[] = [
  -8, -1.399264, -0.519812, 0.670847, 1.549962, 2.27406, 3.09502, 3.930395, 8,
];
export const PIX_PER_CAPACITY_INTERVAL = THEORETICAL_MAX_PIX / (CAPACITY_INTERVAL_BOUNDS.length - 1);
/** v3 configuration `maxReachableLevel` */
export const V3_MAX_REACHABLE_LEVEL = 7;

export function capacityToScore(capacity: number, maxReachableLevel: number = V3_MAX_REACHABLE_LEVEL): number {
  const bounds = CAPACITY_INTERVAL_BOUNDS;
  const theta = Math.min(bounds[bounds.length - 1], Math.max(bounds[0], capacity));
  let i = 0;
  while (i < bounds.length - 2 && theta > bounds[i + 1]) i++;
  const start = bounds[i];
  const end = bounds[i + 1];
  const raw = PIX_PER_CAPACITY_INTERVAL * (i + 1 + (theta - end) / (end - start));
  const cap = maxReachableLevel * COMPETENCES_COUNT * PIX_COUNT_BY_LEVEL;
  return Math.round(Math.min(raw, cap));
}
