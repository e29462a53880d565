/**
 * Skills of a campaign (§4.2): a target profile is a list of capped tubes (tube + max level); the
 * campaign skills are the active skills of each tube whose level is ≤ the cap. Mastery rate =
 * validated campaign skills / campaign skills (0 when the campaign has no skill).
 */
import type { PackIndex } from '../model/pack-index';
import type { CappedTube, KnowledgeElement, Skill, TargetProfile } from '../model/types';

/** Skills of capped tubes, in tube order then by level; a tube listed twice keeps its highest cap. */
export function skillsOfCappedTubes(index: PackIndex, cappedTubes: CappedTube[]): Skill[] {
  const caps = new Map<string, number>();
  for (const { tubeId, level } of cappedTubes) caps.set(tubeId, Math.max(level, caps.get(tubeId) ?? 0));
  return [...caps].flatMap(([tubeId, cap]) =>
    (index.skillsByTubeId.get(tubeId) ?? []).filter((s) => s.status === 'actif' && s.level <= cap),
  );
}

export function campaignSkills(index: PackIndex, targetProfile: TargetProfile): Skill[] {
  return skillsOfCappedTubes(index, targetProfile.cappedTubes);
}

/** Ids of the given skills validated in the learner's CURRENT knowledge elements. */
export function validatedSkillIds(currentKes: KnowledgeElement[], skills: Skill[]): Set<string> {
  const wanted = new Set(skills.map((s) => s.id));
  return new Set(currentKes.filter((ke) => ke.status === 'validated' && wanted.has(ke.skillId)).map((ke) => ke.skillId));
}

/** Ids of the given skills with any current KE (validated or invalidated). */
export function testedSkillIds(currentKes: KnowledgeElement[], skills: Skill[]): Set<string> {
  const wanted = new Set(skills.map((s) => s.id));
  return new Set(currentKes.filter((ke) => wanted.has(ke.skillId)).map((ke) => ke.skillId));
}

/** 0..1 */
export function masteryRate(validatedCount: number, skillsCount: number): number {
  return skillsCount === 0 ? 0 : validatedCount / skillsCount;
}
