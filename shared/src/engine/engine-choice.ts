/**
 * Which adaptive engine runs an assessment when its campaign or competence evaluation does not say
 * (issue 8). Client and server read these constants; a campaign may override with its own method.
 * An assessment keeps the method it was created with, so changing a default never changes an
 * assessment in progress.
 *
 * The Bayesian engine (ADR 0002) is the default since round 4 (second chance): on the simulator
 * (3 seeds × 1,000 learners) it asks 0.65–0.74 × smart random's questions with a better exact-level
 * rate on competence evaluations and on each Parcours de rentrée, and a better within-one rate
 * everywhere. The 98 % within one level on competence evaluations is not reached (≈ 96 %):
 * `npm run simulate:bound` shows that no engine — even one free to re-ask any skill — exceeds ≈ 97.7 %
 * with that many questions on this simulator. Smart random stays available per campaign.
 */
import type { AssessmentMethod } from '../model/types';

export const DEFAULT_COMPETENCE_EVALUATION_METHOD: AssessmentMethod = 'BAYES';
export const DEFAULT_CAMPAIGN_METHOD: AssessmentMethod = 'BAYES';

/** Methods a campaign may be configured with (certification methods are not adaptive campaigns). */
export const CAMPAIGN_METHODS: readonly AssessmentMethod[] = ['SMART_RANDOM', 'BAYES', 'FLASH'];

/** The method of a new campaign assessment: the campaign's own choice when valid, else the default. */
export function campaignMethod(configured?: AssessmentMethod | null): AssessmentMethod {
  return configured && CAMPAIGN_METHODS.includes(configured) ? configured : DEFAULT_CAMPAIGN_METHOD;
}
