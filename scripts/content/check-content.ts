/**
 * The whole content validation, importable (tests) and used by `npm run content:check`: build errors
 * (YAML, schema, duplicates, references, domain loader, missing public files), per-challenge checks
 * (examples, proposals vs solution) and, unless disabled for small fixtures, the coverage rules.
 */
import path from 'node:path';
import type { ContentPack } from '../../shared/src/model/types';
import { competenceStats, packStats, type CompetenceStats, type PackStats } from '../../shared/src/content/pack-stats';
import { COVERAGE_RULES, coverageIssues, type CoverageRules } from '../../shared/src/content/coverage-rules';
import { buildPack } from './build-pack';
import { checkChallenges } from './check-challenges';
import { displayPath, type ContentError } from './content-error';

export interface CheckOptions {
  contentDir: string;
  publicDir: string;
  /** false for fixtures: skip the pack-wide quotas (per-item rules still apply) */
  coverage: boolean;
  rules?: CoverageRules;
}

export interface CheckResult {
  pack: ContentPack;
  errors: ContentError[];
  stats: PackStats;
  competences: CompetenceStats[];
}

export function checkContent(options: CheckOptions): CheckResult {
  const built = buildPack(options.contentDir, options.publicDir);
  const errors = [...built.errors, ...checkChallenges(built.pack.challenges, built.extras)];
  if (options.coverage) {
    const competencesDir = displayPath(path.join(options.contentDir, 'competences'));
    for (const issue of coverageIssues(built.pack, options.rules ?? COVERAGE_RULES)) {
      const file = (issue.competenceId && built.competenceFiles.get(issue.competenceId)) || competencesDir;
      errors.push({ file, path: '', message: `couverture : ${issue.message}` });
    }
  }
  // group by file, keeping the discovery order inside a file (the sort is stable)
  const sorted = [...errors].sort((a, b) => a.file.localeCompare(b.file));
  return { pack: built.pack, errors: sorted, stats: packStats(built.pack), competences: competenceStats(built.pack) };
}
