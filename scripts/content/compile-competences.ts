/**
 * Compiles the competence files into the learning-content part of the pack (thematics, tubes, skills,
 * challenges, tutorials), remembering where each item comes from (file + YAML path) so every later
 * error can point at its source. Invalid or duplicated items are reported and left out; the rest is
 * still compiled.
 */
import path from 'node:path';
import type { Challenge, Skill, Thematic, Tube, Tutorial } from '../../shared/src/model/types';
import { competenceIdOf, competences as referentialCompetences } from '../../shared/src/model/referential';
import { compileChallenge, solutionValue } from './compile-challenge';
import { frenchErrors, issuesToErrors, joinPath, type ContentError } from './content-error';
import type { SourceFile } from './read-sources';
import { salvageSkill, salvageTube } from './salvage';
import {
  challengeSourceSchema,
  competenceFileSchema,
  skillSchema,
  thematicSchema,
  tubeSchema,
  tutorialSourceSchema,
} from './source-schema';

export interface Origin {
  file: string;
  path: string;
}

/** What the validator needs about a challenge beyond the pack itself. */
export interface ChallengeExtras {
  examples: { accepted: string[]; rejected: string[] };
  selects: string[];
  level: number;
  origin: Origin;
}

export interface CompiledCompetences {
  thematics: Thematic[];
  tubes: Tube[];
  /** pixValue still 0: computed on the whole pack */
  skills: Skill[];
  challenges: Challenge[];
  tutorials: Tutorial[];
  /** `${collection}:${id}` → origin, collection being a ContentPack key (`challenges`, `skills`…) */
  origins: Map<string, Origin>;
  extras: Map<string, ChallengeExtras>;
  /** competence id → file that holds it */
  competenceFiles: Map<string, string>;
  errors: ContentError[];
}

export const tubeIdOf = (tubeName: string): string => `tube-${tubeName.replace(/^@/, '')}`;
export const skillIdOf = (skillName: string): string => `skill-${skillName.replace(/^@/, '')}`;

const knownIndexes = new Set(referentialCompetences.map((c) => c.index));

export function compileCompetences(files: SourceFile[]): CompiledCompetences {
  const out: CompiledCompetences = {
    thematics: [], tubes: [], skills: [], challenges: [], tutorials: [],
    origins: new Map(), extras: new Map(), competenceFiles: new Map(), errors: [],
  };
  const { errors, origins } = out;
  const skillTutorialRefs: { ids: string[]; origin: Origin }[] = [];

  for (const source of files) {
    if (source.data === undefined) continue;
    const { file } = source;
    const parsedFile = competenceFileSchema.safeParse(source.data, { error: frenchErrors });
    if (!parsedFile.success) {
      errors.push(...issuesToErrors(parsedFile.error.issues, file, ''));
      continue;
    }
    const index = parsedFile.data.competence;
    if (!knownIndexes.has(index)) {
      errors.push({ file, path: 'competence', message: `compétence « ${index} » inconnue du référentiel (1.1 … 5.2)` });
      continue;
    }
    if (!path.basename(file).startsWith(`${index}-`)) {
      errors.push({ file, path: 'competence', message: `le nom du fichier doit commencer par « ${index}- »` });
    }
    const competenceId = competenceIdOf(index);
    const previous = out.competenceFiles.get(competenceId);
    if (previous) {
      errors.push({ file, path: 'competence', message: `compétence ${index} déjà décrite dans ${previous}` });
      continue;
    }
    out.competenceFiles.set(competenceId, file);

    parsedFile.data.thematics.forEach((rawThematic, ti) => {
      const thematicPath = joinPath('thematics', ti);
      const thematic = thematicSchema.safeParse(rawThematic, { error: frenchErrors });
      if (!thematic.success) return void errors.push(...issuesToErrors(thematic.error.issues, file, thematicPath));
      const thematicId = `thematic-${index.replace('.', '-')}-${ti + 1}`;
      const thematicOut: Thematic = { id: thematicId, name: thematic.data.name, index: ti + 1, competenceId, tubeIds: [] };
      out.thematics.push(thematicOut);
      origins.set(`thematics:${thematicId}`, { file, path: thematicPath });

      thematic.data.tubes.forEach((rawTube, tbi) => {
        const tubePath = joinPath(thematicPath, 'tubes', tbi);
        const parsedTube = tubeSchema.safeParse(rawTube, { error: frenchErrors });
        if (!parsedTube.success) errors.push(...issuesToErrors(parsedTube.error.issues, file, tubePath));
        const tubeData = parsedTube.success ? parsedTube.data : salvageTube(rawTube);
        if (!tubeData) return;
        const tube = { data: tubeData };
        const tubeId = tubeIdOf(tube.data.name);
        const existing = origins.get(`tubes:${tubeId}`);
        if (existing) {
          return void errors.push({ file, path: joinPath(tubePath, 'name'), message: `sujet « ${tube.data.name} » déjà défini dans ${existing.file}: ${existing.path}` });
        }
        origins.set(`tubes:${tubeId}`, { file, path: tubePath });
        thematicOut.tubeIds.push(tubeId);
        out.tubes.push({
          id: tubeId, name: tube.data.name, practicalTitle: tube.data.practicalTitle,
          practicalDescription: tube.data.practicalDescription, competenceId, thematicId,
        });
        if (tube.data.tutorials.length === 0) errors.push({ file, path: joinPath(tubePath, 'tutorials'), message: 'au moins un tutoriel par sujet' });

        tube.data.tutorials.forEach((rawTutorial, tui) => {
          const tutorialPath = joinPath(tubePath, 'tutorials', tui);
          const tutorial = tutorialSourceSchema.safeParse(rawTutorial, { error: frenchErrors });
          if (!tutorial.success) return void errors.push(...issuesToErrors(tutorial.error.issues, file, tutorialPath));
          const seen = origins.get(`tutorials:${tutorial.data.id}`);
          if (seen) {
            return void errors.push({ file, path: joinPath(tutorialPath, 'id'), message: `tutoriel « ${tutorial.data.id} » en double (déjà dans ${seen.file}: ${seen.path})` });
          }
          origins.set(`tutorials:${tutorial.data.id}`, { file, path: tutorialPath });
          out.tutorials.push({ ...tutorial.data });
        });

        const levelsSeen = new Map<number, string>();
        tube.data.skills.forEach((rawSkill, si) => {
          const skillPath = joinPath(tubePath, 'skills', si);
          const parsedSkill = skillSchema.safeParse(rawSkill, { error: frenchErrors });
          if (!parsedSkill.success) errors.push(...issuesToErrors(parsedSkill.error.issues, file, skillPath));
          const skillData = parsedSkill.success ? parsedSkill.data : salvageSkill(rawSkill);
          if (!skillData) return;
          const skill = { data: skillData };
          const { level } = skill.data;
          const name = `${tube.data.name}${level}`;
          if (levelsSeen.has(level)) {
            return void errors.push({ file, path: joinPath(skillPath, 'level'), message: `acquis ${name} en double (déjà en ${levelsSeen.get(level)})` });
          }
          levelsSeen.set(level, skillPath);
          const skillId = skillIdOf(name);
          origins.set(`skills:${skillId}`, { file, path: skillPath });
          skillTutorialRefs.push({ ids: skill.data.tutorials, origin: { file, path: joinPath(skillPath, 'tutorials') } });
          skillTutorialRefs.push({ ids: skill.data.learningMore, origin: { file, path: joinPath(skillPath, 'learningMore') } });
          out.skills.push({
            id: skillId, name, level, tubeId, competenceId, pixValue: 0, status: skill.data.status ?? 'actif',
            tutorialIds: skill.data.tutorials, learningMoreTutorialIds: skill.data.learningMore, hint: skill.data.hint,
          });
          if (skill.data.challenges.length < 2) {
            errors.push({ file, path: joinPath(skillPath, 'challenges'), message: `au moins 2 épreuves (déclinaisons) par acquis : ${skill.data.challenges.length} pour ${name}` });
          }

          let alternativeVersion = 0;
          skill.data.challenges.forEach((rawChallenge, ci) => {
            const challengePath = joinPath(skillPath, 'challenges', ci);
            const challenge = challengeSourceSchema.safeParse(rawChallenge, { error: frenchErrors });
            if (!challenge.success) return void errors.push(...issuesToErrors(challenge.error.issues, file, challengePath));
            const seen = origins.get(`challenges:${challenge.data.id}`);
            if (seen) {
              return void errors.push({ file, path: joinPath(challengePath, 'id'), message: `identifiant d'épreuve « ${challenge.data.id} » en double (déjà dans ${seen.file}: ${seen.path})` });
            }
            const solution = solutionValue(challenge.data.type, challenge.data.solution);
            if ('error' in solution) return void errors.push({ file, path: joinPath(challengePath, 'solution'), message: solution.error });
            const origin = { file, path: challengePath };
            origins.set(`challenges:${challenge.data.id}`, origin);
            alternativeVersion += 1;
            try {
              out.challenges.push(compileChallenge(challenge.data, { skillId, competenceId, level, alternativeVersion }, solution.value));
            } catch (error) {
              errors.push({ file, path: joinPath(challengePath, 'proposals'), message: `gabarit illisible : ${(error as Error).message}` });
              return;
            }
            out.extras.set(challenge.data.id, {
              examples: challenge.data.examples, selects: challenge.data.selects ?? [], level, origin,
            });
          });
        });
      });
    });
  }

  for (const ref of skillTutorialRefs) {
    ref.ids.forEach((id, i) => {
      if (!origins.has(`tutorials:${id}`)) errors.push({ file: ref.origin.file, path: joinPath(ref.origin.path, i), message: `tutoriel « ${id} » introuvable` });
    });
  }
  return out;
}
