/**
 * Reward of a candidate skill (§3.1): reward = P(θ, d)·|E| + (1 − P(θ, d))·|H|, where E are the
 * untested skills of its tube with difficulty ≤ d (the skill included) and H those with difficulty
 * ≥ d — what a success, resp. a failure, would settle by inference. Linked skills would be added to
 * both sets; our model has none. Only the skills with the maximum reward are kept.
 */
import { raschProbability } from './estimate-level';
import type { CandidateSkill } from './skill-pool';

export function skillReward(
  candidate: CandidateSkill,
  level: number,
  tubes: Map<string, CandidateSkill[]>,
  testedSkillIds: ReadonlySet<string>,
): number {
  const difficulty = candidate.skill.level;
  let easier = 0;
  let harder = 0;
  for (const other of tubes.get(candidate.skill.tubeId) ?? [candidate]) {
    if (testedSkillIds.has(other.skill.id)) continue;
    if (other.skill.level <= difficulty) easier++;
    if (other.skill.level >= difficulty) harder++;
  }
  const p = raschProbability(level, difficulty);
  return p * easier + (1 - p) * harder;
}

/** The skills sharing the maximum reward, in input order. */
export function maxRewardingSkills(
  skills: CandidateSkill[],
  level: number,
  tubes: Map<string, CandidateSkill[]>,
  testedSkillIds: ReadonlySet<string>,
): CandidateSkill[] {
  const rewards = skills.map((s) => skillReward(s, level, tubes, testedSkillIds));
  const best = Math.max(...rewards);
  return skills.filter((_, i) => rewards[i] === best);
}
