/**
 * Flash result of a competence evaluation expressed as knowledge elements, so the usual scorecard
 * rules (pix = Σ earnedPix, level = ⌊pix / 8⌋) give its level (§3.2 "Flash scoring for campaigns"):
 * - a directly answered skill is validated iff its answer is `ok` (direct KE);
 * - an unanswered target skill is validated (inferred KE) when the final capacity reaches the lowest
 *   minimum capability of its challenges (validé challenges preferred over archivé ones),
 *   threshold P = 0.95; otherwise it gets no KE (not assessed).
 */
import type { PackIndex } from '../../model/pack-index';
import type { AnswerEvent, Challenge, KnowledgeElement, Skill } from '../../model/types';
import { orderAnswers } from '../answer-history';
import { isOperative } from '../../model/pix-values';
import { minimumCapability, SUCCESS_PROBABILITY_THRESHOLD } from './irt';

/** Lowest minimum capability of the skill's challenges, validé ones preferred; undefined if none. */
export function skillMinimumCapability(challenges: Challenge[], threshold = SUCCESS_PROBABILITY_THRESHOLD): number | undefined {
  const operative = challenges.filter(isOperative);
  const validated = operative.filter((c) => c.status === 'validé');
  const pool = validated.length > 0 ? validated : operative;
  if (pool.length === 0) return undefined;
  return Math.min(...pool.map((c) => minimumCapability(c.difficulty, c.discriminant, threshold)));
}

export interface FlashKnowledgeInput {
  index: PackIndex;
  assessmentId: string;
  userId: string;
  targetSkillIds: readonly string[];
  answers: AnswerEvent[];
  capacity: number;
}

function knowledgeElement(
  skill: Skill,
  input: FlashKnowledgeInput,
  source: KnowledgeElement['source'],
  validated: boolean,
  answer: AnswerEvent | undefined,
  createdAt: string,
): KnowledgeElement {
  const answerId = answer?.id ?? `flash:${input.assessmentId}`;
  return {
    id: `${answerId}:${skill.id}`,
    createdAt,
    source,
    status: validated ? 'validated' : 'invalidated',
    earnedPix: validated ? skill.pixValue : 0,
    answerId,
    assessmentId: input.assessmentId,
    skillId: skill.id,
    userId: input.userId,
    competenceId: skill.competenceId,
  };
}

export function flashKnowledgeElements(input: FlashKnowledgeInput): KnowledgeElement[] {
  const { index } = input;
  const ordered = orderAnswers(input.answers);
  const lastAt = ordered.length > 0 ? ordered[ordered.length - 1].createdAt : '1970-01-01T00:00:00.000Z';
  const answerBySkill = new Map<string, AnswerEvent>();
  for (const answer of ordered) {
    const skillId = index.challengesById.get(answer.challengeId)?.skillId;
    if (skillId && !answerBySkill.has(skillId)) answerBySkill.set(skillId, answer);
  }
  const result: KnowledgeElement[] = [];
  for (const skillId of input.targetSkillIds) {
    const skill = index.skillsById.get(skillId);
    if (!skill) continue;
    const answer = answerBySkill.get(skillId);
    if (answer) {
      result.push(knowledgeElement(skill, input, 'direct', answer.result === 'ok', answer, answer.createdAt));
      continue;
    }
    const capability = skillMinimumCapability(index.challengesBySkillId.get(skillId) ?? []);
    if (capability !== undefined && input.capacity >= capability) {
      result.push(knowledgeElement(skill, input, 'inferred', true, undefined, lastAt));
    }
  }
  return result;
}
