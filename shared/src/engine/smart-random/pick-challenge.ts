/**
 * Deterministic challenge pick (§3.1, Pix `pick-challenge-service`): the assessment id seeds both
 * choices, so every device holding the same answers asks the same question.
 * skill = skills[|hashInt(assessmentId)| mod n]; among its remaining challenges, `validé` ones are
 * preferred (any operative one otherwise) and challenge = list[|hashInt(assessmentId + 1)| mod m].
 */
import type { Challenge } from '../../model/types';
import { hashInt } from '../../random/hash-int';
import type { CandidateSkill } from './skill-pool';

export function pickChallenge(skills: CandidateSkill[], assessmentId: string): { skill: CandidateSkill; challenge: Challenge } | null {
  if (skills.length === 0) return null;
  const skill = skills[Math.abs(hashInt(assessmentId)) % skills.length];
  const validated = skill.remainingChallenges.filter((c) => c.status === 'validé');
  const choices = validated.length > 0 ? validated : skill.remainingChallenges;
  if (choices.length === 0) return null;
  const challenge = choices[Math.abs(hashInt(`${assessmentId}1`)) % choices.length];
  return { skill, challenge };
}
