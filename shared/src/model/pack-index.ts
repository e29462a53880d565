/**
 * In-memory index of a content pack: every lookup the engines, scoring and campaign code need, built
 * once per pack. Pure: the pack is not modified; lists keep the pack order except `skillsByTubeId`,
 * sorted by level (easiest first) as the adaptive engines expect.
 */
import type {
  Area,
  Challenge,
  Competence,
  ContentPack,
  Skill,
  TargetProfile,
  Tube,
  Tutorial,
} from './types';

export interface PackIndex {
  pack: ContentPack;
  competencesById: Map<string, Competence>;
  areasById: Map<string, Area>;
  tubesById: Map<string, Tube>;
  tubesByCompetenceId: Map<string, Tube[]>;
  skillsById: Map<string, Skill>;
  skillsByName: Map<string, Skill>;
  /** sorted by level ascending */
  skillsByTubeId: Map<string, Skill[]>;
  skillsByCompetenceId: Map<string, Skill[]>;
  challengesById: Map<string, Challenge>;
  challengesBySkillId: Map<string, Challenge[]>;
  tutorialsById: Map<string, Tutorial>;
  targetProfilesById: Map<string, TargetProfile>;
}

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function indexPack(pack: ContentPack): PackIndex {
  const skillsByTubeId = groupBy(pack.skills, (s) => s.tubeId);
  for (const skills of skillsByTubeId.values()) skills.sort((a, b) => a.level - b.level);
  return {
    pack,
    competencesById: byId(pack.competences),
    areasById: byId(pack.areas),
    tubesById: byId(pack.tubes),
    tubesByCompetenceId: groupBy(pack.tubes, (t) => t.competenceId),
    skillsById: byId(pack.skills),
    skillsByName: new Map(pack.skills.map((s) => [s.name, s])),
    skillsByTubeId,
    skillsByCompetenceId: groupBy(pack.skills, (s) => s.competenceId),
    challengesById: byId(pack.challenges),
    challengesBySkillId: groupBy(pack.challenges, (c) => c.skillId),
    tutorialsById: byId(pack.tutorials),
    targetProfilesById: byId(pack.targetProfiles),
  };
}

export { computePixValues } from './pix-values';
