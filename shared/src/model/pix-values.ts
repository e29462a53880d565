/**
 * Pix value of each skill (domain spec §1.2), recomputed by the pack loader, never trusted from input.
 *
 * Only active skills of a Pix competence with at least one operative challenge (status `validé` or
 * `archivé`) count. For each such skill: pixValue = 8 / number of counted skills of the same competence
 * and level, capped at 4. Every other skill is worth 0.
 */
import type { Challenge, ChallengeStatus, Skill } from './types';
import { PIX_COUNT_BY_LEVEL } from './referential';

export const MAX_PIX_VALUE_OF_A_SKILL = 4;

const OPERATIVE_STATUSES: ReadonlySet<ChallengeStatus> = new Set<ChallengeStatus>(['validé', 'archivé']);

/** A challenge can still be served: `validé` or `archivé` (§1.3). */
export function isOperative(challenge: Pick<Challenge, 'status'>): boolean {
  return OPERATIVE_STATUSES.has(challenge.status);
}

export function computePixValues(skills: Skill[], challenges: Challenge[]): Map<string, number> {
  const skillsWithOperativeChallenge = new Set<string>();
  for (const challenge of challenges) {
    if (isOperative(challenge)) skillsWithOperativeChallenge.add(challenge.skillId);
  }
  const counted = skills.filter((s) => s.status === 'actif' && skillsWithOperativeChallenge.has(s.id));
  const countByCompetenceAndLevel = new Map<string, number>();
  const keyOf = (s: Skill): string => `${s.competenceId}|${s.level}`;
  for (const skill of counted) {
    countByCompetenceAndLevel.set(keyOf(skill), (countByCompetenceAndLevel.get(keyOf(skill)) ?? 0) + 1);
  }
  const countedIds = new Set(counted.map((s) => s.id));
  const values = new Map<string, number>();
  for (const skill of skills) {
    if (!countedIds.has(skill.id)) {
      values.set(skill.id, 0);
      continue;
    }
    const count = countByCompetenceAndLevel.get(keyOf(skill)) ?? 1;
    values.set(skill.id, Math.min(PIX_COUNT_BY_LEVEL / count, MAX_PIX_VALUE_OF_A_SKILL));
  }
  return values;
}

/** The skills with their pixValue computed by the rule above (whatever they carried before). */
export function withPixValues(skills: Skill[], challenges: Challenge[]): Skill[] {
  const pixValues = computePixValues(skills, challenges);
  return skills.map((skill) => ({ ...skill, pixValue: pixValues.get(skill.id) ?? 0 }));
}
