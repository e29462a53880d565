/**
 * What a node (or a device) derives from an assessment's answers: the authoritative result of each
 * answer, the knowledge elements, and whether the assessment is finished. Pure: the same content pack
 * and the same answers give the same output on the device, the relay and central, which is what lets
 * a pupil resume at home at the same next question.
 *
 * Scope of an assessment (its target skills): a competence evaluation measures the active skills of
 * its competence; a campaign assessment measures the skills of its campaign's target profile.
 * Previous knowledge elements (knowledge reuse) are the user's KEs from OTHER assessments created no
 * later than this one, so the result does not depend on which assessment synced first.
 */
import { campaignSkills } from '../campaign/campaign-skills';
import { nextChallenge } from '../engine/next-challenge';
import { matchAnswer, type MatchResult } from '../matching/match-answer';
import type { PackIndex } from '../model/pack-index';
import type { AnswerEvent, Assessment, Challenge, KnowledgeElement, TargetProfile } from '../model/types';
import { knowledgeElementsForImprovement } from '../scoring/delays';
import { currentKnowledgeElements } from '../scoring/knowledge-elements';
import { assessmentKnowledgeElements } from '../engine/assessment-knowledge';
import { competenceSkillIds } from '../scoring/user-knowledge';
import { orderAssessmentAnswers } from './merge';

/** Target skills of an adaptive assessment, in pack order; null for certification and preview. */
export function targetSkillIdsOf(
  index: PackIndex,
  assessment: Pick<Assessment, 'type' | 'competenceId'>,
  targetProfile?: TargetProfile,
): string[] | null {
  if (assessment.type === 'COMPETENCE_EVALUATION') {
    if (!assessment.competenceId) return null;
    return competenceSkillIds(index, assessment.competenceId);
  }
  if (assessment.type === 'CAMPAIGN') return targetProfile ? campaignSkills(index, targetProfile).map((s) => s.id) : null;
  return null;
}

/**
 * The user's KEs usable as history by `assessment`: other assessments, created no later; for an improving
 * assessment ("Retenter", §2.4), the validated ones plus the failures younger than 4 days. Device and node
 * both call this, so they agree on the next question and on completion.
 */
export function previousKnowledgeElementsFor(
  assessment: Pick<Assessment, 'id' | 'createdAt' | 'isImproving'>,
  userKnowledgeElements: readonly KnowledgeElement[],
  assessmentCreatedAt: (assessmentId: string) => string | undefined,
): KnowledgeElement[] {
  const limit = Date.parse(assessment.createdAt);
  const previous = userKnowledgeElements.filter((ke) => {
    if (ke.assessmentId === assessment.id) return false;
    const createdAt = assessmentCreatedAt(ke.assessmentId);
    return createdAt !== undefined && Date.parse(createdAt) <= limit;
  });
  return assessment.isImproving ? knowledgeElementsForImprovement(currentKnowledgeElements(previous), assessment.createdAt) : previous;
}

export function rescoreAnswer(challenge: Challenge, answer: Pick<AnswerEvent, 'value' | 'timeout' | 'focusedOut'>, isCertification: boolean): MatchResult {
  return matchAnswer(challenge, answer.value, { timeout: answer.timeout, focusedOut: answer.focusedOut, isCertification });
}

export interface DeriveAssessmentInput<A extends AnswerEvent> {
  assessment: Pick<Assessment, 'id' | 'userId' | 'method'>;
  /** null: not adaptive (certification, preview): no KE, never completed by the engine */
  targetSkillIds: string[] | null;
  previousKnowledgeElements: KnowledgeElement[];
  /** every stored answer of the assessment, results already authoritative, any order */
  answers: readonly A[];
}

export interface DerivedAssessment<A> {
  ordered: A[];
  effective: A[];
  superseded: Set<string>;
  knowledgeElements: KnowledgeElement[];
  done: boolean;
  /** device time of the answer that finished the assessment (the last effective one) */
  completedAt: string | null;
}

export function deriveAssessment<A extends AnswerEvent>(index: PackIndex, input: DeriveAssessmentInput<A>): DerivedAssessment<A> {
  const { ordered, effective, superseded } = orderAssessmentAnswers(input.answers);
  if (!input.targetSkillIds) return { ordered, effective, superseded, knowledgeElements: [], done: false, completedAt: null };
  const knowledgeElements = assessmentKnowledgeElements(index, {
    assessment: input.assessment,
    targetSkillIds: input.targetSkillIds,
    previousKnowledgeElements: input.previousKnowledgeElements,
    answers: effective,
  });
  const step = nextChallenge(
    index,
    {
      assessmentId: input.assessment.id,
      userId: input.assessment.userId,
      targetSkillIds: input.targetSkillIds,
      previousKnowledgeElements: input.previousKnowledgeElements,
      method: input.assessment.method,
    },
    effective,
  );
  const done = step.done && effective.length > 0;
  return { ordered, effective, superseded, knowledgeElements, done, completedAt: done ? effective[effective.length - 1].createdAt : null };
}
