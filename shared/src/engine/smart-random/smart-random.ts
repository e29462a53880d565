/**
 * Smart-random engine (§3.1): the next challenge of a competence evaluation or classic campaign.
 *
 * Stateless: everything is recomputed from the pack index, the context and the assessment's answers.
 * 1. Knowledge elements = the learner's previous KEs on the target skills (knowledge reuse: skills
 *    assessed in other contexts are not asked) + those created by this assessment's answers.
 * 2. θ is estimated from the direct KEs (2 before the first answer).
 * 3. First-question or next-question filters, then the skills with the maximum reward.
 * 4. Deterministic pick from the assessment id; the assessment ends when no skill is left.
 */
import type { PackIndex } from '../../model/pack-index';
import type { AnswerEvent, KnowledgeElement } from '../../model/types';
import { currentKnowledgeElements, knowledgeElementsForAnswers } from '../../scoring/knowledge-elements';
import { orderAnswers } from '../answer-history';
import { isCheckpointAfterNext } from '../checkpoint';
import type { EngineContext, EngineStep } from '../types';
import { DEFAULT_SKILL_DIFFICULTY, estimateLevel, type LevelObservation } from './estimate-level';
import { pickChallenge } from './pick-challenge';
import { DEFAULT_LEVEL_FOR_FIRST_CHALLENGE, filterForFirstChallenge, filterForNextChallenge } from './skill-filters';
import { buildSkillPool, type CandidateSkill } from './skill-pool';
import { maxRewardingSkills } from './skill-reward';

/** Current KEs of the learner on the target skills once this assessment's answers are applied. */
export function smartRandomKnowledgeElements(
  index: PackIndex,
  context: Pick<EngineContext, 'targetSkillIds' | 'previousKnowledgeElements'>,
  orderedAnswers: AnswerEvent[],
): KnowledgeElement[] {
  const targets = new Set(context.targetSkillIds);
  // Filtering by skill before taking the latest KE per skill is equivalent and keeps the work
  // proportional to the target, not to the learner's whole history.
  const previous = currentKnowledgeElements(context.previousKnowledgeElements.filter((ke) => targets.has(ke.skillId)));
  const created = knowledgeElementsForAnswers(index, targets, previous, orderedAnswers);
  return [...previous, ...created];
}

export function nextSmartRandomChallenge(index: PackIndex, context: EngineContext, answers: AnswerEvent[]): EngineStep {
  const ordered = orderAnswers(answers);
  const answeredCount = ordered.length;
  const knowledgeElements = smartRandomKnowledgeElements(index, context, ordered);
  const testedSkillIds = new Set(knowledgeElements.map((ke) => ke.skillId));
  const pool = buildSkillPool(index, context.targetSkillIds, new Set(ordered.map((a) => a.challengeId)), context.locale);
  const filterInput = { skills: pool.skills, tubes: pool.tubes, testedSkillIds };

  let level: number;
  let candidates: CandidateSkill[];
  if (answeredCount === 0) {
    level = DEFAULT_LEVEL_FOR_FIRST_CHALLENGE;
    candidates = filterForFirstChallenge(filterInput);
  } else {
    const observations: LevelObservation[] = knowledgeElements
      .filter((ke) => ke.source === 'direct')
      .map((ke) => ({
        difficulty: index.skillsById.get(ke.skillId)?.level ?? DEFAULT_SKILL_DIFFICULTY,
        validated: ke.status === 'validated',
      }));
    level = estimateLevel(observations);
    const lastAnswerWasTimed = ordered[answeredCount - 1].timeout !== null;
    candidates = filterForNextChallenge(filterInput, level, lastAnswerWasTimed);
  }

  const picked = pickChallenge(maxRewardingSkills(candidates, level, pool.tubes, testedSkillIds), context.assessmentId);
  if (!picked) return { done: true, answeredCount };
  return {
    done: false,
    challenge: picked.challenge,
    estimatedLevel: level,
    answeredCount,
    isCheckpointNext: isCheckpointAfterNext(answeredCount),
  };
}
