/**
 * Campaign analysis: recommended tubes (§4.6, Pix recommendation-service). Per participant and tube:
 *   score = 40 / maxDiffTube × reachedLevel + 30 / maxSkillLevelInTargetProfile × maxDiffTube
 *         + 20 / #tubeSkills × #validated + (any validated ? 10 / nextLevelToReach × reachedLevel : 0)
 * reachedLevel = highest validated level (0 if none); nextLevelToReach = lowest level not validated
 * (the tube max if all are). The tube's score is the mean over ALL participants (one without KEs only
 * adds the difficulty term); tubes are listed by decreasing score, then name.
 */
import type { PackIndex } from '../model/pack-index';
import type { KnowledgeElement, Skill, TargetProfile } from '../model/types';
import { campaignSkills, validatedSkillIds } from './campaign-skills';

export interface TubeRecommendation {
  tubeId: string;
  name: string;
  practicalTitle: string;
  competenceId: string;
  averageScore: number;
  /** tutorials of every skill of the tube, for the teacher */
  tutorialIds: string[];
}

export function tubeRecommendationScore(tubeSkills: Skill[], maxSkillLevelInTargetProfile: number, validated: ReadonlySet<string>): number {
  const maxDiffTube = Math.max(...tubeSkills.map((s) => s.level));
  const validatedSkills = tubeSkills.filter((s) => validated.has(s.id));
  const reachedLevel = validatedSkills.reduce((max, s) => Math.max(max, s.level), 0);
  const notValidated = tubeSkills.filter((s) => !validated.has(s.id)).map((s) => s.level);
  const nextLevelToReach = notValidated.length > 0 ? Math.min(...notValidated) : maxDiffTube;
  const progression = (40 / maxDiffTube) * reachedLevel;
  const difficulty = (30 / maxSkillLevelInTargetProfile) * maxDiffTube;
  const coverage = (20 / tubeSkills.length) * validatedSkills.length;
  const next = validatedSkills.length > 0 ? (10 / nextLevelToReach) * reachedLevel : 0;
  return progression + difficulty + coverage + next;
}

/** `participants`: the CURRENT knowledge elements of each participant (shared participations). */
export function recommendedTubes(index: PackIndex, targetProfile: TargetProfile, participants: KnowledgeElement[][]): TubeRecommendation[] {
  const skills = campaignSkills(index, targetProfile);
  if (skills.length === 0) return [];
  const maxSkillLevel = Math.max(...skills.map((s) => s.level));
  const validatedByParticipant = participants.map((kes) => validatedSkillIds(kes, skills));
  const tubeIds = [...new Set(skills.map((s) => s.tubeId))];
  return tubeIds
    .map((tubeId) => {
      const tube = index.tubesById.get(tubeId);
      const tubeSkills = skills.filter((s) => s.tubeId === tubeId);
      const scores = (validatedByParticipant.length > 0 ? validatedByParticipant : [new Set<string>()]).map((validated) =>
        tubeRecommendationScore(tubeSkills, maxSkillLevel, validated),
      );
      return {
        tubeId,
        name: tube?.name ?? tubeId,
        practicalTitle: tube?.practicalTitle ?? '',
        competenceId: tube?.competenceId ?? '',
        averageScore: scores.reduce((a, b) => a + b, 0) / scores.length,
        tutorialIds: [...new Set((index.skillsByTubeId.get(tubeId) ?? []).flatMap((s) => s.tutorialIds))],
      };
    })
    .sort((a, b) => b.averageScore - a.averageScore || a.name.localeCompare(b.name));
}
