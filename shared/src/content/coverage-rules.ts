/**
 * Coverage rules of the product's content pack (issue 5): what the whole pack must hold so that every
 * competence can be evaluated up to level 6 and every kind of challenge is represented. Pure; the
 * content validator applies them to the real content (fixtures skip them with `--no-coverage`).
 */
import type { ContentPack } from '../model/types';
import { CHALLENGE_TYPES, competenceStats, packStats } from './pack-stats';

export interface CoverageRules {
  minTubesPerCompetence: number;
  minSkillsPerCompetence: number;
  /** every competence has skills at each of these levels */
  requiredLevels: number[];
  minChallenges: number;
  /** minimal share of each challenge type, 0..1 */
  minTypeShare: number;
  minTimed: number;
  minFocused: number;
  minWithAttachment: number;
  minWithSimulator: number;
  minSimulators: number;
}

export const COVERAGE_RULES: CoverageRules = {
  minTubesPerCompetence: 4,
  minSkillsPerCompetence: 15,
  requiredLevels: [1, 2, 3, 4, 5, 6],
  minChallenges: 500,
  minTypeShare: 0.08,
  minTimed: 20,
  minFocused: 20,
  minWithAttachment: 40,
  minWithSimulator: 25,
  minSimulators: 6,
};

export interface CoverageIssue {
  /** set when the issue concerns one competence */
  competenceId?: string;
  /** French, for the content writers */
  message: string;
}

export function coverageIssues(pack: ContentPack, rules: CoverageRules = COVERAGE_RULES): CoverageIssue[] {
  const issues: CoverageIssue[] = [];
  for (const c of competenceStats(pack)) {
    const competenceId = c.competenceId;
    if (c.tubes === 0) {
      issues.push({ competenceId, message: `compétence ${c.index} : aucun contenu` });
      continue;
    }
    if (c.tubes < rules.minTubesPerCompetence) {
      issues.push({ competenceId, message: `compétence ${c.index} : ${c.tubes} sujets, au moins ${rules.minTubesPerCompetence} attendus` });
    }
    if (c.skills < rules.minSkillsPerCompetence) {
      issues.push({ competenceId, message: `compétence ${c.index} : ${c.skills} acquis, au moins ${rules.minSkillsPerCompetence} attendus` });
    }
    const missing = rules.requiredLevels.filter((level) => !c.levels.includes(level));
    if (missing.length > 0) {
      issues.push({ competenceId, message: `compétence ${c.index} : aucun acquis de niveau ${missing.join(', ')}` });
    }
  }
  const stats = packStats(pack);
  const atLeast = (value: number, min: number, what: string): void => {
    if (value < min) issues.push({ message: `${what} : ${value}, au moins ${min} attendus` });
  };
  atLeast(stats.challenges, rules.minChallenges, 'épreuves');
  for (const type of CHALLENGE_TYPES) {
    const min = Math.ceil(rules.minTypeShare * stats.challenges);
    if (stats.byType[type] < min) {
      const share = stats.challenges === 0 ? 0 : Math.round((1000 * stats.byType[type]) / stats.challenges) / 10;
      issues.push({ message: `épreuves ${type} : ${stats.byType[type]} (${share} %), au moins ${rules.minTypeShare * 100} % attendus (${min})` });
    }
  }
  atLeast(stats.timed, rules.minTimed, 'épreuves chronométrées');
  atLeast(stats.focused, rules.minFocused, 'épreuves focus');
  atLeast(stats.withAttachment, rules.minWithAttachment, 'épreuves avec pièce jointe');
  atLeast(stats.withSimulator, rules.minWithSimulator, 'épreuves avec simulateur');
  atLeast(stats.simulators, rules.minSimulators, 'simulateurs distincts');
  return issues;
}
