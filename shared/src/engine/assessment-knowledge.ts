/**
 * The knowledge elements an assessment's answers create, according to the engine that ran it: smart random
 * (and flash, whose campaign scoring is legacy) write the direct KEs and same-tube inferences of §2.1; the
 * Bayesian engine writes the direct KEs plus skills inferred from its posterior (ADR 0002). Device and node
 * both call this, so a campaign switched to another engine is scored the same everywhere.
 */
import type { PackIndex } from '../model/pack-index';
import type { AnswerEvent, Assessment, KnowledgeElement } from '../model/types';
import { knowledgeElementsForAnswers } from '../scoring/knowledge-elements';
import { bayesCreatedKnowledgeElements } from './bayes/bayes-knowledge-elements';

export interface AssessmentKnowledgeInput {
  assessment: Pick<Assessment, 'id' | 'userId' | 'method'>;
  targetSkillIds: string[];
  previousKnowledgeElements: KnowledgeElement[];
  /** the assessment's effective answers (first per challenge), any order */
  answers: AnswerEvent[];
  maxReachableLevel?: number;
  locale?: string;
}

export function assessmentKnowledgeElements(index: PackIndex, input: AssessmentKnowledgeInput): KnowledgeElement[] {
  if (input.assessment.method === 'BAYES') {
    return bayesCreatedKnowledgeElements(
      index,
      {
        assessmentId: input.assessment.id,
        userId: input.assessment.userId,
        targetSkillIds: input.targetSkillIds,
        previousKnowledgeElements: input.previousKnowledgeElements,
        maxReachableLevel: input.maxReachableLevel,
        locale: input.locale,
      },
      input.answers,
    );
  }
  return knowledgeElementsForAnswers(index, new Set(input.targetSkillIds), input.previousKnowledgeElements, input.answers);
}
