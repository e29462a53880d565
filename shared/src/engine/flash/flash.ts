/**
 * Flash engine (§3.2): IRT-based selection, as in Pix certification v3.
 *
 * Stateless like smart random: the capacity is re-estimated (EAP) from the assessment's answers, the
 * rules filter the remaining challenges of the target skills, the Fisher information at the current
 * capacity ranks them, and one of the best `topChallengesCount` is drawn with the 51 % cascade. The
 * draw uses a generator seeded with the assessment id and the number of answers, so the pick is
 * reproducible on every device. Stops at `maximumAssessmentLength` answers or when nothing is left.
 */
import type { PackIndex } from '../../model/pack-index';
import type { AnswerEvent, Challenge } from '../../model/types';
import { createRng } from '../../random/seeded-rng';
import { orderAnswers } from '../answer-history';
import { isCheckpointAfterNext } from '../checkpoint';
import { servableChallenges } from '../servable-challenges';
import type { EngineContext, EngineStep } from '../types';
import { binaryTreePick } from './binary-tree-pick';
import { estimateCapacity, type CapacityEstimate } from './estimate-capacity';
import { flashConfigOf, type FlashConfig } from './flash-config';
import { applyFlashRules } from './flash-rules';
import { fisherInformation } from './irt';

function answeredChallenges(index: PackIndex, ordered: AnswerEvent[]): { answer: AnswerEvent; challenge: Challenge }[] {
  const result: { answer: AnswerEvent; challenge: Challenge }[] = [];
  for (const answer of ordered) {
    const challenge = index.challengesById.get(answer.challengeId);
    if (challenge) result.push({ answer, challenge });
  }
  return result;
}

/** Capacity after the given answers (EAP from the configured start, with the step cap). */
export function flashCapacity(index: PackIndex, answers: AnswerEvent[], config: FlashConfig): CapacityEstimate {
  const responses = answeredChallenges(index, orderAnswers(answers)).map(({ answer, challenge }) => ({
    difficulty: challenge.difficulty,
    discriminant: challenge.discriminant,
    correct: answer.result === 'ok',
  }));
  return estimateCapacity(responses, { startCapacity: config.startCapacity, variationPercent: config.variationPercent });
}

/** Seed of the cascade draw: stable for a given assessment and number of answers. */
export function flashPickSeed(assessmentId: string, answeredCount: number): string {
  return `flash:${assessmentId}:${answeredCount}`;
}

/** Candidates after the rules, best Fisher information first (pack order on ties). */
export function rankFlashCandidates(
  index: PackIndex,
  context: EngineContext,
  answered: Challenge[],
  capacity: number,
  config: FlashConfig,
): Challenge[] {
  const available: Challenge[] = [];
  const targetCompetenceIds = new Set<string>();
  for (const skillId of context.targetSkillIds) {
    const skill = index.skillsById.get(skillId);
    if (!skill) continue;
    targetCompetenceIds.add(skill.competenceId);
    available.push(...servableChallenges(index, skillId, context.locale));
  }
  const candidates = applyFlashRules({
    available,
    answered,
    targetCompetenceIds,
    tubeIdOfSkill: (skillId) => index.skillsById.get(skillId)?.tubeId,
    config,
  });
  const rewards = new Map(candidates.map((c) => [c, fisherInformation(capacity, c.discriminant, c.difficulty)]));
  // Array.prototype.sort is stable: equal rewards keep the pack order.
  return [...candidates].sort((a, b) => (rewards.get(b) ?? 0) - (rewards.get(a) ?? 0));
}

export function nextFlashChallenge(index: PackIndex, context: EngineContext, answers: AnswerEvent[]): EngineStep {
  const config = flashConfigOf(context.flash);
  const ordered = orderAnswers(answers);
  const answeredCount = ordered.length;
  if (answeredCount >= config.maximumAssessmentLength) return { done: true, answeredCount };

  const { capacity } = flashCapacity(index, ordered, config);
  const answered = answeredChallenges(index, ordered).map(({ challenge }) => challenge);
  const ranked = rankFlashCandidates(index, context, answered, capacity, config);
  if (ranked.length === 0) return { done: true, answeredCount };

  const top = ranked.slice(0, config.topChallengesCount);
  const rng = createRng(flashPickSeed(context.assessmentId, answeredCount));
  const challenge = top[binaryTreePick(top.length, config.probabilityToPickChallenge, rng)];
  return {
    done: false,
    challenge,
    estimatedLevel: capacity,
    answeredCount,
    isCheckpointNext: isCheckpointAfterNext(answeredCount),
  };
}
