/**
 * Knowledge elements of a Bayesian assessment, explainable by their source (ADR 0002, round 5):
 * - a direct KE per answered skill not yet assessed, validated iff its first answer is OK (§2.1 step 1);
 *   skills already assessed elsewhere keep their KE (knowledge reuse);
 * - for every other target skill of a competence the assessment asked about, an `inferred` KE from its
 *   tube's estimated ability (settlement.ts): validated when the tube's ability is probably above the
 *   skill, invalidated otherwise, with the fewest plausible flips that make the KEs give the reported
 *   level; no inferred validated KE in a competence without a single success. They carry the id of the
 *   last answer, the one after which they hold.
 */
import type { PackIndex } from '../../model/pack-index';
import type { AnswerEvent, KnowledgeElement } from '../../model/types';
import { buildKnowledgeElement, currentKnowledgeElements } from '../../scoring/knowledge-elements';
import { orderAnswers } from '../answer-history';
import { buildAssessmentState, levelDistributionOf, type BayesContext } from './assessment-state';
import { bayesConfigOf, type BayesConfig } from './bayes-config';
import { inferredStatuses, settle } from './settlement';

/** The KEs this assessment creates (direct first, then inferred), given the learner's previous KEs. */
export function bayesCreatedKnowledgeElements(
  index: PackIndex,
  context: BayesContext,
  answers: AnswerEvent[],
  overrides: Partial<BayesConfig> = {},
): KnowledgeElement[] {
  const config = bayesConfigOf(overrides);
  const ordered = orderAnswers(answers);
  if (ordered.length === 0) return [];
  const state = buildAssessmentState(index, context, ordered, config);
  const last = ordered[ordered.length - 1];
  const inferred: KnowledgeElement[] = [];
  for (const competence of state.competences.values()) {
    // A competence this assessment did not ask about keeps its prior: nothing to infer from it.
    if (competence.answeredCount === 0) continue;
    const settlement = settle(levelDistributionOf(competence), competence.hasSuccess, config);
    const statuses = inferredStatuses(competence.frame, competence.posterior, competence.decisions, settlement.level, competence.hasSuccess, config);
    for (const node of competence.frame.skills) {
      const validated = statuses.get(node.skill.id);
      // `last` belongs to this assessment and user: the inferred KE hangs on the answer that settled it
      if (validated !== undefined) inferred.push(buildKnowledgeElement(last, node.skill, 'inferred', validated));
    }
  }
  return [...state.directKnowledgeElements, ...inferred];
}

/** The learner's current KEs on the target skills: previous ones + those the assessment creates. */
export function bayesKnowledgeElements(
  index: PackIndex,
  context: BayesContext,
  answers: AnswerEvent[],
  overrides: Partial<BayesConfig> = {},
): KnowledgeElement[] {
  const targets = new Set(context.targetSkillIds);
  const previous = currentKnowledgeElements(context.previousKnowledgeElements.filter((ke) => targets.has(ke.skillId)));
  return [...previous, ...bayesCreatedKnowledgeElements(index, context, answers, overrides)];
}
