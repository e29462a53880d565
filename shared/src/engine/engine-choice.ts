/**
 * Which adaptive engine runs an assessment when its campaign or competence evaluation does not say
 * (issue 8). Client and server read these constants; a campaign may override with its own method.
 *
 * The Bayesian engine (ADR 0002) is the default only once it meets the issue-8 targets on the
 * simulator (exact level ≥ smart random, within one level ≥ 98 %, ≤ 0.75 × smart random's questions,
 * on competence evaluations and on each Parcours de rentrée). Measured (issue 8, third round, 3 seeds
 * × 1,000 learners, ADR 0002): 0.63–0.73 × the questions everywhere, exact level above smart random's
 * in competence evaluations, 4e and 3e, tied in 5e (90.77 % vs 90.78 %), but 95.5 % within one level
 * on competence evaluations — and the simulator's ceiling with every skill asked is 97.5 %, so the
 * 98 % target is out of reach for any engine. Smart random stays the default; campaigns may opt in.
 */
import type { AssessmentMethod } from '../model/types';

export const DEFAULT_COMPETENCE_EVALUATION_METHOD: AssessmentMethod = 'SMART_RANDOM';
export const DEFAULT_CAMPAIGN_METHOD: AssessmentMethod = 'SMART_RANDOM';

/** Methods a campaign may be configured with (certification methods are not adaptive campaigns). */
export const CAMPAIGN_METHODS: readonly AssessmentMethod[] = ['SMART_RANDOM', 'BAYES', 'FLASH'];

/** The method of a new campaign assessment: the campaign's own choice when valid, else the default. */
export function campaignMethod(configured?: AssessmentMethod | null): AssessmentMethod {
  return configured && CAMPAIGN_METHODS.includes(configured) ? configured : DEFAULT_CAMPAIGN_METHOD;
}
