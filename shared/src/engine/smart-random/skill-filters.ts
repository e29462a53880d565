/**
 * Skill filters of smart random (§3.1 "First question" and "Next questions", Pix `skills-filter`).
 * Each filter keeps the input order; "if any remain" filters fall back to their input when they
 * would leave nothing.
 */
import type { CandidateSkill } from './skill-pool';

export const MAX_LEVEL_TO_BE_AN_EASY_TUBE = 3;
export const DEFAULT_LEVEL_FOR_FIRST_CHALLENGE = 2;
export const MAX_DIFF_BETWEEN_USER_LEVEL_AND_SKILL_LEVEL = 2;

export function keepPlayable(skills: CandidateSkill[]): CandidateSkill[] {
  return skills.filter((s) => s.playable);
}

export function keepUntested(skills: CandidateSkill[], testedSkillIds: ReadonlySet<string>): CandidateSkill[] {
  return skills.filter((s) => !testedSkillIds.has(s.skill.id));
}

/** Skills of tubes whose hardest skill is ≤ 3 come first, when there are any. */
export function keepEasyTubesIfAny(skills: CandidateSkill[], tubes: Map<string, CandidateSkill[]>): CandidateSkill[] {
  const easy = skills.filter((s) => {
    const tube = tubes.get(s.skill.tubeId) ?? [];
    const hardest = tube.length > 0 ? tube[tube.length - 1].skill.level : s.skill.level;
    return hardest <= MAX_LEVEL_TO_BE_AN_EASY_TUBE;
  });
  return easy.length > 0 ? easy : skills;
}

/** Removes timed skills when `needed` and some untimed skill remains. */
export function removeTimedIfPossible(skills: CandidateSkill[], needed: boolean): CandidateSkill[] {
  if (!needed) return skills;
  const untimed = skills.filter((s) => !s.timed);
  return untimed.length > 0 ? untimed : skills;
}

/** First question: the level-2 group if it exists, otherwise the lowest level group. */
export function focusOnDefaultLevel(skills: CandidateSkill[]): CandidateSkill[] {
  if (skills.length === 0) return skills;
  const atDefault = skills.filter((s) => s.skill.level === DEFAULT_LEVEL_FOR_FIRST_CHALLENGE);
  if (atDefault.length > 0) return atDefault;
  const lowest = Math.min(...skills.map((s) => s.skill.level));
  return skills.filter((s) => s.skill.level === lowest);
}

export function removeTooDifficult(skills: CandidateSkill[], level: number): CandidateSkill[] {
  return skills.filter((s) => s.skill.level - level <= MAX_DIFF_BETWEEN_USER_LEVEL_AND_SKILL_LEVEL);
}

export interface FilterInput {
  skills: CandidateSkill[];
  tubes: Map<string, CandidateSkill[]>;
  testedSkillIds: ReadonlySet<string>;
}

export function filterForFirstChallenge({ skills, tubes, testedSkillIds }: FilterInput): CandidateSkill[] {
  const untested = keepUntested(keepPlayable(skills), testedSkillIds);
  return focusOnDefaultLevel(removeTimedIfPossible(keepEasyTubesIfAny(untested, tubes), true));
}

export function filterForNextChallenge(
  { skills, tubes, testedSkillIds }: FilterInput,
  level: number,
  lastAnswerWasTimed: boolean,
): CandidateSkill[] {
  const untested = keepUntested(keepPlayable(skills), testedSkillIds);
  const preferred = removeTimedIfPossible(keepEasyTubesIfAny(untested, tubes), lastAnswerWasTimed);
  return removeTooDifficult(preferred, level);
}
