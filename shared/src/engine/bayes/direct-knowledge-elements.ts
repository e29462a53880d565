/**
 * The direct KEs of a Bayesian assessment (§2.1 step 1): one per answer on a target skill not yet
 * assessed (by a previous KE or an earlier answer of the assessment), validated iff the answer is OK.
 * Unlike smart random, an answer does not write same-tube inferences: the engine infers every untested
 * skill from the ability posterior instead (settlement.ts), so a single slip on an easy skill no longer
 * invalidates every harder skill of its tube. Ids are `${answerId}:${skillId}` like every KE.
 */
import type { PackIndex } from '../../model/pack-index';
import type { AnswerEvent, KnowledgeElement } from '../../model/types';
import { buildKnowledgeElement } from '../../scoring/knowledge-elements';

export function directKnowledgeElements(
  index: PackIndex,
  targetSkillIds: ReadonlySet<string>,
  previous: readonly KnowledgeElement[],
  orderedAnswers: readonly AnswerEvent[],
): KnowledgeElement[] {
  const assessed = new Set(previous.map((ke) => ke.skillId));
  const created: KnowledgeElement[] = [];
  for (const answer of orderedAnswers) {
    const challenge = index.challengesById.get(answer.challengeId);
    const skill = challenge ? index.skillsById.get(challenge.skillId) : undefined;
    if (!skill || !targetSkillIds.has(skill.id) || assessed.has(skill.id)) continue;
    assessed.add(skill.id);
    const validated = answer.result === 'ok';
    created.push(buildKnowledgeElement(answer, skill, 'direct', validated));
  }
  return created;
}
