/**
 * Knowledge elements of a Bayesian assessment, explainable by their source (ADR 0002):
 * - a direct KE per answered skill not yet assessed, validated iff the answer is OK (§2.1 step 1);
 *   skills already assessed elsewhere keep their KE (knowledge reuse);
 * - for every other target skill of a competence the assessment asked about, an `inferred` KE from the
 *   ability posterior (settlement.ts): a cut on difficulty, validated below it and invalidated above,
 *   placed where the level of all the KEs is the one the posterior finds best. They carry the id of
 *   the last answer, the one after which they hold. Same-tube inference (§2.1 step 2) is replaced by
 *   this posterior inference;
 * - a skill asked twice with answers that disagree (second chance) gets a direct KE whose status is
 *   the cut's, hung on its second answer.
 */
import type { PackIndex } from '../../model/pack-index';
import type { AnswerEvent, KnowledgeElement } from '../../model/types';
import { buildKnowledgeElement, currentKnowledgeElements } from '../../scoring/knowledge-elements';
import { orderAnswers } from '../answer-history';
import { buildAssessmentState, type BayesContext } from './assessment-state';
import { bayesConfigOf, type BayesConfig } from './bayes-config';
import { inferredSkills, settle } from './settlement';

/** The KEs this assessment creates (direct first, then inferred), given the learner's previous KEs. */
export function bayesCreatedKnowledgeElements(
  index: PackIndex,
  context: BayesContext,
  answers: AnswerEvent[],
  overrides: Partial<BayesConfig> = {},
): KnowledgeElement[] {
  const config = bayesConfigOf(overrides);
  const ordered = orderAnswers(answers);
  const state = buildAssessmentState(index, context, ordered, config);
  if (ordered.length === 0) return [];
  const last = ordered[ordered.length - 1];
  const inferred: KnowledgeElement[] = [];
  for (const competence of state.competences.values()) {
    // A competence this assessment did not ask about keeps its prior: nothing to infer from it.
    if (competence.answeredCount === 0) continue;
    const settlement = settle(competence.frame, competence.decisions, competence.posterior, config);
    for (const [skillId, validated] of inferredSkills(competence.frame, competence.decisions, settlement)) {
      const skill = competence.frame.nodeById.get(skillId)?.skill;
      if (!skill) continue;
      const contestedBy = state.contested.get(skillId);
      if (contestedBy) inferred.push(buildKnowledgeElement(contestedBy, skill, 'direct', validated));
      // `last` belongs to this assessment and user: the inferred KE hangs on the answer that settled it
      else inferred.push(buildKnowledgeElement(last, skill, 'inferred', validated));
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
