/**
 * Test helper for the smart-random unit tests: compact candidate skills and their tubes.
 * `candidate('@web', 2)` is the playable, untimed skill `skill-web2` of tube `tube-web`.
 */
import type { Skill } from '../../model/types';
import { buildChallenge, skillIdOf, tubeIdOf } from '../../testing/builders';
import type { CandidateSkill } from './skill-pool';

export function candidate(tubeName: string, level: number, options: { timed?: boolean; playable?: boolean } = {}): CandidateSkill {
  const skill: Skill = {
    id: skillIdOf(tubeName, level), name: `${tubeName}${level}`, level, tubeId: tubeIdOf(tubeName),
    competenceId: 'competence-1-1', pixValue: 4, status: 'actif', tutorialIds: [], learningMoreTutorialIds: [], hint: '',
  };
  const playable = options.playable ?? true;
  return {
    skill,
    remainingChallenges: playable ? [buildChallenge({ id: `ch-${skill.id}`, skillId: skill.id, timer: options.timed ? 60 : undefined })] : [],
    timed: options.timed ?? false,
    playable,
  };
}

export function tubesOf(skills: CandidateSkill[]): Map<string, CandidateSkill[]> {
  const tubes = new Map<string, CandidateSkill[]>();
  for (const s of skills) tubes.set(s.skill.tubeId, [...(tubes.get(s.skill.tubeId) ?? []), s]);
  for (const tube of tubes.values()) tube.sort((a, b) => a.skill.level - b.skill.level);
  return tubes;
}

export const names = (skills: CandidateSkill[]): string[] => skills.map((s) => s.skill.name);
