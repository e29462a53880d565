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
  /** the answers that count: first per challenge, up to the one that ended the assessment */
  effective: A[];
  /** ignored answers: a second answer to a challenge, or an answer after the end (flagged `superseded`) */
  superseded: Set<string>;
  knowledgeElements: KnowledgeElement[];
  done: boolean;
  /** when the answer that finished the assessment was received (node time; device time before it synced) */
  completedAt: string | null;
}

/** When an answer entered the first node (its device time while only the device has it). */
export function answerTime(answer: Pick<AnswerEvent, 'receivedAt' | 'createdAt'>): string {
  return answer.receivedAt ?? answer.createdAt;
}

/**
 * The assessment ends at the answer after which the engine has nothing left to ask and still had nothing
 * after every later answer: found from the end, so the usual case (the last answer ended it) costs two
 * engine calls, and answers that reached a node after the end (another device, a forged push) are ignored
 * whatever their order of arrival.
 */
function endOf(isDone: (count: number) => boolean, count: number): number | null {
  if (count === 0 || !isDone(count)) return null;
  let end = count;
  while (end > 1 && isDone(end - 1)) end--;
  return end;
}

export function deriveAssessment<A extends AnswerEvent>(index: PackIndex, input: DeriveAssessmentInput<A>): DerivedAssessment<A> {
  const ordered = orderAssessmentAnswers(input.answers);
  const superseded = new Set(ordered.superseded);
  const targetSkillIds = input.targetSkillIds;
  if (!targetSkillIds) return { ordered: ordered.ordered, effective: ordered.effective, superseded, knowledgeElements: [], done: false, completedAt: null };
  const engineInput = {
    assessmentId: input.assessment.id,
    userId: input.assessment.userId,
    targetSkillIds,
    previousKnowledgeElements: input.previousKnowledgeElements,
    method: input.assessment.method,
  };
  const end = endOf((count) => nextChallenge(index, engineInput, ordered.effective.slice(0, count)).done, ordered.effective.length);
  const effective = end === null ? ordered.effective : ordered.effective.slice(0, end);
  for (const late of ordered.effective.slice(effective.length)) superseded.add(late.id);
  const knowledgeElements = assessmentKnowledgeElements(index, {
    assessment: input.assessment,
    targetSkillIds,
    previousKnowledgeElements: input.previousKnowledgeElements,
    answers: effective,
  });
  const done = end !== null;
  return { ordered: ordered.ordered, effective, superseded, knowledgeElements, done, completedAt: done ? answerTime(effective[effective.length - 1]) : null };
}
