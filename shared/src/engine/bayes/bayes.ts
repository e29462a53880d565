/**
 * Bayesian engine (issue 8, ADR 0002): the next challenge of a competence evaluation or campaign.
 *
 * Stateless like smart random and flash: the tube model's posterior of each competence, the decided
 * skills and the settled competences are recomputed from the pack, the context and the answers on every
 * call. The assessment ends when every competence is settled (its level is known with the configured
 * confidence), has reached its question cap, or has no undecided skill left to ask.
 */
import type { PackIndex } from '../../model/pack-index';
import type { AnswerEvent } from '../../model/types';
import { orderAnswers } from '../answer-history';
import { isCheckpointAfterNext } from '../checkpoint';
import { isTimed } from '../servable-challenges';
import type { EngineContext, EngineStep } from '../types';
import { buildAssessmentState, levelDistributionOf } from './assessment-state';
import { bayesConfigOf, type BayesConfig } from './bayes-config';
import type { AssessmentState } from './assessment-state';
import { pickCandidate, rankCandidates, type Candidate } from './select-challenge';
import { settle } from './settlement';

const OPEN_COMPETENCE_PROGRESS_CAP = 0.9;

/**
 * Progress shown at checkpoints. The Bayesian engine writes a KE on every skill of a competence as
 * soon as it asks about it, so the share of skills with a KE says nothing here; instead, the mean over
 * the assessment's competences of: 1 when closed, 0 before its first answer, else how sure the engine
 * is of its level within one (P(±1), capped at 0.9 while it still asks about it).
 */
export function bayesProgress(state: AssessmentState, candidates: readonly Candidate[]): number {
  // An open competence has candidates, each carrying the competence's current P(±1).
  const withinOneOfOpen = new Map(candidates.map((c) => [c.competenceId, c.withinOneNow]));
  let sum = 0;
  for (const competence of state.competences.values()) {
    const withinOne = withinOneOfOpen.get(competence.frame.competenceId);
    if (withinOne === undefined) sum += 1;
    else if (competence.answeredCount > 0) sum += Math.min(OPEN_COMPETENCE_PROGRESS_CAP, withinOne);
  }
  return state.competences.size === 0 ? 1 : sum / state.competences.size;
}

export function nextBayesChallenge(
  index: PackIndex,
  context: EngineContext,
  answers: AnswerEvent[],
  overrides: Partial<BayesConfig> = {},
): EngineStep {
  const config = bayesConfigOf(overrides);
  const ordered = orderAnswers(answers);
  const answeredCount = ordered.length;
  const state = buildAssessmentState(index, context, ordered, config);
  const last = answeredCount > 0 ? index.challengesById.get(ordered[answeredCount - 1].challengeId) : undefined;
  const candidates = rankCandidates({
    index,
    state,
    config,
    assessmentId: context.assessmentId,
    locale: context.locale,
    answeredChallengeIds: new Set(ordered.map((a) => a.challengeId)),
    lastAnswerWasTimed: answeredCount > 0 && (ordered[answeredCount - 1].timeout !== null || (last !== undefined && isTimed(last))),
    answeredCount,
  });
  const picked = pickCandidate(candidates, context.assessmentId, answeredCount);
  if (!picked) return { done: true, answeredCount };
  const competence = state.competences.get(picked.competenceId);
  return {
    done: false,
    challenge: picked.challenge,
    // the level the engine would report now for the competence asked
    estimatedLevel: competence ? settle(levelDistributionOf(competence), competence.hasSuccess, config).level : 0,
    answeredCount,
    isCheckpointNext: isCheckpointAfterNext(answeredCount),
    progress: bayesProgress(state, candidates),
  };
}
