/**
 * Validated / targeted skills per competence and per area (§4.4 CSV columns, §4.6 analysis).
 * Only competences and areas with at least one campaign skill are listed, in referential order.
 */
import type { PackIndex } from '../model/pack-index';
import type { Skill } from '../model/types';
import { masteryRate } from './campaign-skills';

export interface MasteryStats {
  targetedSkillsCount: number;
  validatedSkillsCount: number;
  /** 0..1 */
  masteryRate: number;
}

export interface CompetenceStats extends MasteryStats {
  competenceId: string;
  index: string;
  name: string;
  areaId: string;
}

export interface AreaStats extends MasteryStats {
  areaId: string;
  code: string;
  title: string;
}

function stats(skills: Skill[], validated: ReadonlySet<string>): MasteryStats {
  const validatedSkillsCount = skills.filter((s) => validated.has(s.id)).length;
  return { targetedSkillsCount: skills.length, validatedSkillsCount, masteryRate: masteryRate(validatedSkillsCount, skills.length) };
}

export function competenceStats(index: PackIndex, skills: Skill[], validated: ReadonlySet<string>): CompetenceStats[] {
  return index.pack.competences
    .map((c) => ({ competence: c, skills: skills.filter((s) => s.competenceId === c.id) }))
    .filter(({ skills: ofCompetence }) => ofCompetence.length > 0)
    .sort((a, b) => a.competence.index.localeCompare(b.competence.index, 'fr', { numeric: true }))
    .map(({ competence, skills: ofCompetence }) => ({
      competenceId: competence.id, index: competence.index, name: competence.name, areaId: competence.areaId,
      ...stats(ofCompetence, validated),
    }));
}

export function areaStats(index: PackIndex, skills: Skill[], validated: ReadonlySet<string>): AreaStats[] {
  return index.pack.areas
    .map((area) => ({ area, skills: skills.filter((s) => index.competencesById.get(s.competenceId)?.areaId === area.id) }))
    .filter(({ skills: ofArea }) => ofArea.length > 0)
    .sort((a, b) => a.area.code.localeCompare(b.area.code, 'fr', { numeric: true }))
    .map(({ area, skills: ofArea }) => ({ areaId: area.id, code: area.code, title: area.title, ...stats(ofArea, validated) }));
}
