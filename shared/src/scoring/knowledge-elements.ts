/**
 * Knowledge elements (KE): what the learner is known to master, derived from answer events (§2.1).
 *
 * - Current state = latest KE per skill (createdAt, then id), `reset` ones dropped.
 * - An answer creates a direct KE only on a target skill not yet assessed; then, on the same tube,
 *   OK infers every strictly easier target skill validated, not OK every strictly harder one
 *   invalidated (still only for skills not yet assessed).
 * - Ids are deterministic (`${answerId}:${skillId}`), so server and device derive the same KEs.
 */
import type { PackIndex } from '../model/pack-index';
import type { AnswerEvent, Challenge, KnowledgeElement, Skill } from '../model/types';
import { compareAnswerOrder, compareByDateThenId } from './time';

/** Latest KE per skill, without the skills whose latest KE is a reset. */
export function currentKnowledgeElements(kes: KnowledgeElement[]): KnowledgeElement[] {
  const latest = new Map<string, KnowledgeElement>();
  for (const ke of kes) {
    const known = latest.get(ke.skillId);
    if (!known || compareByDateThenId(known, ke) < 0) latest.set(ke.skillId, ke);
  }
  return [...latest.values()].filter((ke) => ke.status !== 'reset');
}

export interface CreateKnowledgeElementsInput {
  answer: AnswerEvent;
  challenge: Challenge;
  index: PackIndex;
  targetSkillIds: ReadonlySet<string>;
  /** the learner's KEs before this answer (history or current state: current state is derived here) */
  knowledgeElements: KnowledgeElement[];
}

/** The KE an answer creates on a skill (direct, or inferred from it): one builder for every engine. */
export function buildKnowledgeElement(
  answer: AnswerEvent,
  skill: Skill,
  source: KnowledgeElement['source'],
  validated: boolean,
): KnowledgeElement {
  return {
    id: `${answer.id}:${skill.id}`,
    createdAt: answer.createdAt,
    source,
    status: validated ? 'validated' : 'invalidated',
    earnedPix: validated ? skill.pixValue : 0,
    answerId: answer.id,
    assessmentId: answer.assessmentId,
    skillId: skill.id,
    userId: answer.userId,
    competenceId: skill.competenceId,
  };
}

/** KEs created by one answer (direct first, then inferred by increasing level). */
export function createKnowledgeElements(input: CreateKnowledgeElementsInput): KnowledgeElement[] {
  const { answer, challenge, index, targetSkillIds } = input;
  const skill = index.skillsById.get(challenge.skillId);
  if (!skill || !targetSkillIds.has(skill.id)) return [];
  const assessed = new Set(currentKnowledgeElements(input.knowledgeElements).map((ke) => ke.skillId));
  if (assessed.has(skill.id)) return [];

  const validated = answer.result === 'ok';
  const created = [buildKnowledgeElement(answer, skill, 'direct', validated)];
  for (const other of index.skillsByTubeId.get(skill.tubeId) ?? []) {
    if (other.id === skill.id || !targetSkillIds.has(other.id) || assessed.has(other.id)) continue;
    const inferred = validated ? other.level < skill.level : other.level > skill.level;
    if (inferred) created.push(buildKnowledgeElement(answer, other, 'inferred', validated));
  }
  return created;
}

/**
 * Folds answers in order (node reception, createdAt, then id: compareAnswerOrder) on top of the previous KEs and returns only the KEs
 * the answers created. Answers on unknown challenges are ignored (content removed from the pack).
 */
export function knowledgeElementsForAnswers(
  index: PackIndex,
  targetSkillIds: ReadonlySet<string>,
  previousKnowledgeElements: KnowledgeElement[],
  answers: AnswerEvent[],
): KnowledgeElement[] {
  const ordered = [...answers].sort(compareAnswerOrder);
  let all = currentKnowledgeElements(previousKnowledgeElements);
  const created: KnowledgeElement[] = [];
  for (const answer of ordered) {
    const challenge = index.challengesById.get(answer.challengeId);
    if (!challenge) continue;
    const kes = createKnowledgeElements({ answer, challenge, index, targetSkillIds, knowledgeElements: all });
    created.push(...kes);
    all = all.concat(kes);
  }
  return created;
}

/**
 * Reset of a competence (§2.4): a `reset` copy (earnedPix 0, createdAt `at`) of the current KE of every
 * skill of the competence. Returns the new KEs only; append them to the history.
 */
export function resetKnowledgeElements(
  kes: KnowledgeElement[],
  competenceId: string,
  at: string,
): KnowledgeElement[] {
  return currentKnowledgeElements(kes)
    .filter((ke) => ke.competenceId === competenceId)
    .map((ke) => ({ ...ke, id: `reset:${ke.id}`, createdAt: at, status: 'reset' as const, earnedPix: 0 }));
}
