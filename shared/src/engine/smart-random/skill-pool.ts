/**
 * Preparation step of smart random (§3.1 "Preparation"): the target skills decorated with what the
 * filters need, and the tubes they form.
 *
 * - Tubes are built from the target skills that have at least one servable challenge.
 * - Challenges already answered in this assessment are removed from each skill.
 * - A skill is `timed` when its first remaining challenge is timed, `playable` when one remains.
 * - Our content model has one skill per challenge, so Pix's `linkedSkills` are always empty here.
 */
import type { PackIndex } from '../../model/pack-index';
import type { Challenge, Skill } from '../../model/types';
import { isTimed, servableChallenges } from '../servable-challenges';

export interface CandidateSkill {
  skill: Skill;
  /** servable challenges not answered in this assessment, in pack order */
  remainingChallenges: Challenge[];
  timed: boolean;
  playable: boolean;
}

export interface SkillPool {
  /** every known target skill, in target order */
  skills: CandidateSkill[];
  /** tubeId → target skills that have a servable challenge, by level ascending */
  tubes: Map<string, CandidateSkill[]>;
}

export function buildSkillPool(
  index: PackIndex,
  targetSkillIds: readonly string[],
  answeredChallengeIds: ReadonlySet<string>,
  locale?: string,
): SkillPool {
  const skills: CandidateSkill[] = [];
  const tubes = new Map<string, CandidateSkill[]>();
  for (const skillId of targetSkillIds) {
    const skill = index.skillsById.get(skillId);
    if (!skill) continue;
    const servable = servableChallenges(index, skillId, locale);
    const remainingChallenges = servable.filter((c) => !answeredChallengeIds.has(c.id));
    const candidate: CandidateSkill = {
      skill,
      remainingChallenges,
      timed: remainingChallenges.length > 0 && isTimed(remainingChallenges[0]),
      playable: remainingChallenges.length > 0,
    };
    skills.push(candidate);
    if (servable.length === 0) continue;
    const tube = tubes.get(skill.tubeId);
    if (tube) tube.push(candidate);
    else tubes.set(skill.tubeId, [candidate]);
  }
  for (const tube of tubes.values()) tube.sort((a, b) => a.skill.level - b.skill.level);
  return { skills, tubes };
}
