/**
 * Per-pack caches of the Bayesian engine: the grid, the prior, the success curves and the competence
 * frames depend only on the pack, the settings and the assessment's scope, so they are computed once
 * and kept in a WeakMap on the PackIndex (dropped with the pack). Pure: same inputs, same values.
 */
import type { PackIndex } from '../../model/pack-index';
import { abilityGrid, gaussianPrior, successCurve } from './ability-grid';
import type { BayesConfig } from './bayes-config';
import { competenceFrames, levelUniformPrior, type CompetenceFrame } from './competence-frame';

export interface ModelTables {
  grid: Float64Array;
  prior: Float64Array;
  /** success curve per (discriminant, difficulty), shared by the challenges with the same calibration */
  curveOf(discriminant: number, difficulty: number): Float64Array;
  /** frames of the competences of a scope (target skills, locale, level cap), cached per scope */
  framesOf(targetSkillIds: readonly string[], maxReachableLevel: number, locale?: string): Map<string, CompetenceFrame>;
}

const MAX_CACHED_SCOPES = 256;
const cache = new WeakMap<PackIndex, Map<string, ModelTables>>();

function buildTables(index: PackIndex, config: BayesConfig): ModelTables {
  const grid = abilityGrid(config);
  const prior = gaussianPrior(grid, config.priorMean, config.priorSd);
  const curves = new Map<string, Float64Array>();
  const scopes = new Map<string, Map<string, CompetenceFrame>>();
  return {
    grid,
    prior,
    curveOf(discriminant, difficulty) {
      const key = `${discriminant}:${difficulty}`;
      let curve = curves.get(key);
      if (!curve) {
        curve = successCurve(grid, discriminant, difficulty, config);
        curves.set(key, curve);
      }
      return curve;
    },
    framesOf(targetSkillIds, maxReachableLevel, locale) {
      const key = `${maxReachableLevel}|${locale ?? ''}|${targetSkillIds.join(',')}`;
      let frames = scopes.get(key);
      if (!frames) {
        frames = competenceFrames(index, targetSkillIds, grid, maxReachableLevel, locale);
        if (config.priorShape === 'levels') for (const frame of frames.values()) frame.prior = levelUniformPrior(frame, grid, config.levelPriorMargin);
        if (scopes.size >= MAX_CACHED_SCOPES) scopes.clear();
        scopes.set(key, frames);
      }
      return frames;
    },
  };
}

/** The tables of a pack for the model settings of `config` (grid, prior, guess, slip). */
export function modelTables(index: PackIndex, config: BayesConfig): ModelTables {
  let byModel = cache.get(index);
  if (!byModel) {
    byModel = new Map();
    cache.set(index, byModel);
  }
  const key = [config.gridMin, config.gridMax, config.gridStep, config.priorMean, config.priorSd, config.priorShape, config.levelPriorMargin, config.guess, config.slip].join('|');
  let tables = byModel.get(key);
  if (!tables) {
    tables = buildTables(index, config);
    byModel.set(key, tables);
  }
  return tables;
}
