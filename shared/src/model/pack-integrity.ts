/**
 * Referential integrity of a content pack (used by `loadPack` after the schema checks): unique ids and
 * names, every reference resolves, a skill's name is its tube's name + level, competences agree
 * along the hierarchy, target profiles and badges point at existing tubes. Messages are in French
 * (shown by `npm run content:check`).
 */
import type {
  Area, Challenge, Competence, Skill, TargetProfile, Thematic, Tube, Tutorial,
} from './types';

export interface PackError {
  path: string;
  message: string;
}

export interface Parsed<T> {
  items: { item: T; position: number }[];
  /** ids of items rejected by their schema: known, but not checked further */
  rejectedIds: Set<string>;
}

export interface Collections {
  areas: Parsed<Area>;
  competences: Parsed<Competence>;
  thematics: Parsed<Thematic>;
  tubes: Parsed<Tube>;
  skills: Parsed<Skill>;
  challenges: Parsed<Challenge>;
  tutorials: Parsed<Tutorial>;
  targetProfiles: Parsed<TargetProfile>;
}

type Lookup<T> = { get(id: string): T | undefined; known(id: string): boolean };

function lookup<T extends { id: string }>(name: string, parsed: Parsed<T>, errors: PackError[]): Lookup<T> {
  const byId = new Map<string, { item: T; position: number }>();
  for (const entry of parsed.items) {
    const first = byId.get(entry.item.id);
    if (first) errors.push({ path: `${name}[${entry.position}].id`, message: `identifiant « ${entry.item.id} » en double (déjà utilisé par ${name}[${first.position}])` });
    else byId.set(entry.item.id, entry);
  }
  return { get: (id) => byId.get(id)?.item, known: (id) => byId.has(id) || parsed.rejectedIds.has(id) };
}

export function checkIntegrity(c: Collections): PackError[] {
  const errors: PackError[] = [];
  const areas = lookup('areas', c.areas, errors);
  const competences = lookup('competences', c.competences, errors);
  const thematics = lookup('thematics', c.thematics, errors);
  const tubes = lookup('tubes', c.tubes, errors);
  const skills = lookup('skills', c.skills, errors);
  lookup('challenges', c.challenges, errors);
  const tutorials = lookup('tutorials', c.tutorials, errors);
  lookup('targetProfiles', c.targetProfiles, errors);
  const missing = (path: string, what: string, id: string): void => {
    errors.push({ path, message: `${what} « ${id} » introuvable` });
  };

  for (const { item, position } of c.areas.items) {
    item.competenceIds.forEach((id, i) => competences.known(id) || missing(`areas[${position}].competenceIds[${i}]`, 'compétence', id));
  }
  for (const { item, position } of c.competences.items) {
    if (!areas.known(item.areaId)) missing(`competences[${position}].areaId`, 'domaine', item.areaId);
  }
  for (const { item, position } of c.thematics.items) {
    if (!competences.known(item.competenceId)) missing(`thematics[${position}].competenceId`, 'compétence', item.competenceId);
    item.tubeIds.forEach((id, i) => tubes.known(id) || missing(`thematics[${position}].tubeIds[${i}]`, 'sujet', id));
  }
  const tubeNames = new Map<string, number>();
  for (const { item, position } of c.tubes.items) {
    const path = `tubes[${position}]`;
    if (!competences.known(item.competenceId)) missing(`${path}.competenceId`, 'compétence', item.competenceId);
    const thematic = thematics.get(item.thematicId);
    if (!thematics.known(item.thematicId)) missing(`${path}.thematicId`, 'thématique', item.thematicId);
    else if (thematic && competences.get(item.competenceId) && thematic.competenceId !== item.competenceId) {
      errors.push({ path: `${path}.competenceId`, message: `le sujet est dans la compétence « ${item.competenceId} » mais sa thématique dans « ${thematic.competenceId} »` });
    }
    const other = tubeNames.get(item.name);
    if (other !== undefined) errors.push({ path: `${path}.name`, message: `nom de sujet « ${item.name} » en double (déjà utilisé par tubes[${other}])` });
    else tubeNames.set(item.name, position);
  }
  const skillNames = new Map<string, number>();
  for (const { item, position } of c.skills.items) {
    const path = `skills[${position}]`;
    const tube = tubes.get(item.tubeId);
    if (!tubes.known(item.tubeId)) missing(`${path}.tubeId`, 'sujet', item.tubeId);
    if (!competences.known(item.competenceId)) missing(`${path}.competenceId`, 'compétence', item.competenceId);
    if (tube && competences.get(tube.competenceId) && tube.competenceId !== item.competenceId) {
      errors.push({ path: `${path}.competenceId`, message: `l'acquis est dans la compétence « ${item.competenceId} » mais son sujet dans « ${tube.competenceId} »` });
    }
    if (tube && item.name !== `${tube.name}${item.level}`) {
      errors.push({ path: `${path}.name`, message: `nom d'acquis « ${item.name} » incohérent : « ${tube.name}${item.level} » attendu (sujet + niveau)` });
    }
    const other = skillNames.get(item.name);
    if (other !== undefined) errors.push({ path: `${path}.name`, message: `nom d'acquis « ${item.name} » en double (déjà utilisé par skills[${other}])` });
    else skillNames.set(item.name, position);
    item.tutorialIds.forEach((id, i) => tutorials.known(id) || missing(`${path}.tutorialIds[${i}]`, 'tutoriel', id));
    item.learningMoreTutorialIds.forEach((id, i) => tutorials.known(id) || missing(`${path}.learningMoreTutorialIds[${i}]`, 'tutoriel', id));
  }
  for (const { item, position } of c.challenges.items) {
    const path = `challenges[${position}]`;
    const skill = skills.get(item.skillId);
    if (!skills.known(item.skillId)) missing(`${path}.skillId`, 'acquis', item.skillId);
    if (skill && competences.get(skill.competenceId) && skill.competenceId !== item.competenceId) {
      errors.push({ path: `${path}.competenceId`, message: `l'épreuve est dans la compétence « ${item.competenceId} » mais son acquis dans « ${skill.competenceId} »` });
    }
  }
  for (const { item, position } of c.targetProfiles.items) {
    const path = `targetProfiles[${position}]`;
    item.cappedTubes.forEach((capped, i) => tubes.known(capped.tubeId) || missing(`${path}.cappedTubes[${i}].tubeId`, 'sujet', capped.tubeId));
    item.stages.forEach((stage, i) => {
      if ((stage.threshold === undefined) === (stage.level === undefined)) {
        errors.push({ path: `${path}.stages[${i}]`, message: 'un palier a soit un seuil (threshold), soit un niveau (level)' });
      }
    });
    item.badges.forEach((badge, b) => badge.criteria.forEach((criterion, i) => {
      const criterionPath = `${path}.badges[${b}].criteria[${i}]`;
      if (criterion.scope === 'CappedTubes' && !criterion.cappedTubes?.length) {
        errors.push({ path: `${criterionPath}.cappedTubes`, message: 'un critère « CappedTubes » liste au moins un sujet' });
      }
      criterion.cappedTubes?.forEach((capped, t) => tubes.known(capped.tubeId) || missing(`${criterionPath}.cappedTubes[${t}].tubeId`, 'sujet', capped.tubeId));
    }));
  }
  return errors;
}
