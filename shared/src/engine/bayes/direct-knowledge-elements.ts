/**
 * The direct KEs of a Bayesian assessment (§2.1 step 1, ADR 0002): for every target skill not yet
 * assessed elsewhere that this assessment asked, validated iff its answer is OK. Unlike smart random,
 * an answer does not write same-tube inferences: the engine infers every untested skill from the
 * ability posterior instead (settlement.ts), so a single slip on an easy skill no longer invalidates
 * every harder skill of its tube. Ids are `${answerId}:${skillId}` like every KE.
 *
 * Second chance (ADR 0002, round 4): the engine may ask a skill once more, with another challenge,
 * when the first answer surprised it. Two answers that agree keep the first answer's KE. Two answers
 * that disagree leave the skill "contested": its KE is still direct (the learner was tested on it)
 * but its status is the one the ability estimate gives (settlement.ts), hung on the second answer.
 */
import type { PackIndex } from '../../model/pack-index';
import type { AnswerEvent, KnowledgeElement } from '../../model/types';
import { buildKnowledgeElement } from '../../scoring/knowledge-elements';

export interface DirectEvidence {
  /** KEs whose status the answers fix */
  knowledgeElements: KnowledgeElement[];
  /** contested skill id → the answer its KE hangs on */
  contested: Map<string, AnswerEvent>;
  /** skill id → answers of this assessment on it (target skills not assessed elsewhere) */
  answersBySkill: Map<string, AnswerEvent[]>;
}

export function directEvidence(
  index: PackIndex,
  targetSkillIds: ReadonlySet<string>,
  previous: readonly KnowledgeElement[],
  orderedAnswers: readonly AnswerEvent[],
): DirectEvidence {
  const assessedElsewhere = new Set(previous.map((ke) => ke.skillId));
  const answersBySkill = new Map<string, AnswerEvent[]>();
  for (const answer of orderedAnswers) {
    const skillId = index.challengesById.get(answer.challengeId)?.skillId;
    if (!skillId || !targetSkillIds.has(skillId) || assessedElsewhere.has(skillId)) continue;
    const answers = answersBySkill.get(skillId) ?? [];
    answers.push(answer);
    answersBySkill.set(skillId, answers);
  }
  const knowledgeElements: KnowledgeElement[] = [];
  const contested = new Map<string, AnswerEvent>();
  for (const [skillId, answers] of answersBySkill) {
    const skill = index.skillsById.get(skillId);
    if (!skill) continue;
    const first = answers[0];
    const validated = first.result === 'ok';
    // A third answer cannot happen (the engine asks at most twice); if one came, it is ignored.
    const second = answers[1];
    if (second && (second.result === 'ok') !== validated) contested.set(skillId, second);
    else knowledgeElements.push(buildKnowledgeElement(first, skill, 'direct', validated));
  }
  return { knowledgeElements, contested, answersBySkill };
}
