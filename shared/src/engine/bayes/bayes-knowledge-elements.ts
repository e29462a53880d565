/**
 * Knowledge elements of a Bayesian assessment, explainable by their source (ADR 0002):
 * - direct KEs and the same-tube inferences of §2.1, exactly as knowledgeElementsForAnswers writes
 *   them (skills already assessed elsewhere keep their KE);
 * - then, for every target skill still without a KE, an `inferred` KE when the ability posterior of its
 *   competence settles it: validated when P(θ ≥ b) > inferenceConfidence, invalidated when below
 *   1 − inferenceConfidence. These carry the id of the last answer, the one after which they hold.
 * Returns the learner's current KEs on the target skills (previous ones included), like
 * smartRandomKnowledgeElements.
 */
import type { PackIndex } from '../../model/pack-index';
import type { AnswerEvent, KnowledgeElement } from '../../model/types';
import { orderAnswers } from '../answer-history';
import { buildAssessmentState, type BayesContext } from './assessment-state';
import { bayesConfigOf, type BayesConfig } from './bayes-config';
import { settle } from './settlement';

export function bayesKnowledgeElements(
  index: PackIndex,
  context: BayesContext,
  answers: AnswerEvent[],
  overrides: Partial<BayesConfig> = {},
): KnowledgeElement[] {
  const config = bayesConfigOf(overrides);
  const ordered = orderAnswers(answers);
  const state = buildAssessmentState(index, context, ordered, config);
  if (ordered.length === 0) return state.knowledgeElements;
  const last = ordered[ordered.length - 1];
  const inferred: KnowledgeElement[] = [];
  for (const competence of state.competences.values()) {
    // A competence this assessment did not touch keeps its prior: nothing to infer from it.
    if (competence.answeredCount === 0) continue;
    const { inferred: settled } = settle(competence.frame, competence.decisions, competence.posterior, config.inferenceConfidence);
    for (const node of competence.frame.skills) {
      const validated = settled.get(node.skill.id);
      if (validated === undefined) continue;
      inferred.push({
        id: `${last.id}:${node.skill.id}`,
        createdAt: last.createdAt,
        source: 'inferred',
        status: validated ? 'validated' : 'invalidated',
        earnedPix: validated ? node.skill.pixValue : 0,
        answerId: last.id,
        assessmentId: context.assessmentId,
        skillId: node.skill.id,
        userId: context.userId,
        competenceId: node.skill.competenceId,
      });
    }
  }
  return [...state.knowledgeElements, ...inferred];
}
