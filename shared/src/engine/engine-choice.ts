/**
 * Which adaptive engine runs an assessment when its campaign or competence evaluation does not say
 * (issue 8). Client and server read these constants; a campaign may override with its own method.
 *
 * The Bayesian engine (ADR 0002) is the default only once it meets the issue-8 targets on the
 * simulator (exact level ≥ smart random, within one level ≥ 98 %, ≤ 0.75 × smart random's questions,
 * on competence evaluations and on each Parcours de rentrée). Measured (issue 8, second round, 3 seeds
 * × 1,000 learners, ADR 0002): 41–45 % fewer questions in the Parcours 5e/4e and 32 % in 3e, but the
 * exact-level rate is 0.5–0.6 point below smart random's in 5e and 4e, and on competence evaluations
 * it asks 0.755× the questions with 93.8 % within one level (target 98 %) — so smart random stays.
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
