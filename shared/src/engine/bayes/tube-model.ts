/**
 * The tube model of the Bayesian engine (ADR 0002, round 5), per competence of an assessment's scope:
 * its target skills grouped in tubes (ladders by difficulty), an ability grid cut at the skills'
 * difficulties (a few points inside each band, so that "mastered" never depends on where a point
 * falls), the prior of the competence ability μ, and for every tube spread τ the kernel
 * K_τ[μ][θ_t] = P(tube ability θ_t | μ, τ). Everything here depends only on the pack, the scope and the
 * settings: built once and kept in a WeakMap on the PackIndex.
 */
import type { PackIndex } from '../../model/pack-index';
import { PIX_COUNT_BY_LEVEL } from '../../model/referential';
import type { Skill } from '../../model/types';
import { servableChallenges } from '../servable-challenges';
import type { BayesConfig } from './bayes-config';

export interface SkillNode {
  skill: Skill;
  /** mean difficulty of the skill's servable challenges */
  difficulty: number;
  /** mean discriminant of the skill's servable challenges */
  discriminant: number;
  /** index of its tube in the frame */
  tube: number;
  /** first grid index whose θ ≥ difficulty */
  gridIndex: number;
}

export interface TubeFrame {
  tubeId: string;
  /** target skills of the tube by increasing difficulty */
  skills: SkillNode[];
}

export interface CompetenceFrame {
  competenceId: string;
  /** target skills with a servable challenge, target order */
  skills: SkillNode[];
  nodeById: Map<string, SkillNode>;
  tubes: TubeFrame[];
  /** ability grid (shared by μ and every θ_t) */
  grid: Float64Array;
  /** prior of μ on the grid */
  abilityPrior: Float64Array;
  /** per spread, K[m·G + i] = P(θ_t = grid[i] | μ = grid[m]) */
  kernels: Float64Array[];
  /** response noises [guess, slip, discriminant factor] */
  noises: (readonly [number, number, number])[];
  /** mixture components: a spread (kernel index) and a noise, with their prior weight */
  components: { kernel: number; noise: number; prior: number }[];
  /** the smallest skill difficulty of the frame (its easiest level) */
  easiestDifficulty: number;
  /** half the smallest pix value of the frame: totals within it of a level threshold count as reaching it */
  pixTolerance: number;
  maxReachableLevel: number;
}

/** Level of a pix total (§2.2), with the float-noise rounding of competenceScore. */
export function levelOfPix(total: number, maxReachableLevel: number): number {
  const rounded = Math.round(total * 1e9) / 1e9;
  return Math.min(Math.floor(rounded / PIX_COUNT_BY_LEVEL), maxReachableLevel);
}

const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/** Grid points: `pointsPerBand` evenly inside each band between consecutive distinct difficulties. */
export function bandGrid(difficulties: readonly number[], pointsPerBand: number, margin: number): Float64Array {
  const edges = [...new Set(difficulties.map(round9))].sort((a, b) => a - b);
  const bounds = [edges[0] - margin, ...edges, edges[edges.length - 1] + margin];
  const points: number[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    for (let j = 0; j < pointsPerBand; j++) points.push(round9(bounds[k] + ((j + 0.5) / pointsPerBand) * (bounds[k + 1] - bounds[k])));
  }
  return Float64Array.from(points);
}

function gaussianKernel(grid: Float64Array, spread: number): Float64Array {
  const size = grid.length;
  const kernel = new Float64Array(size * size);
  for (let m = 0; m < size; m++) {
    let total = 0;
    for (let i = 0; i < size; i++) {
      const w = Math.exp(-0.5 * ((grid[i] - grid[m]) / spread) ** 2);
      kernel[m * size + i] = w;
      total += w;
    }
    for (let i = 0; i < size; i++) kernel[m * size + i] /= total;
  }
  return kernel;
}

function skillNode(index: PackIndex, skill: Skill, locale?: string): Omit<SkillNode, 'tube' | 'gridIndex'> | null {
  const challenges = servableChallenges(index, skill.id, locale);
  if (challenges.length === 0) return null;
  const mean = (values: number[]) => round9(values.reduce((s, v) => s + v, 0) / values.length);
  return { skill, difficulty: mean(challenges.map((c) => c.difficulty)), discriminant: mean(challenges.map((c) => c.discriminant)) };
}

function buildFrames(index: PackIndex, targetSkillIds: readonly string[], maxReachableLevel: number, config: BayesConfig, locale?: string): Map<string, CompetenceFrame> {
  const byCompetence = new Map<string, Omit<SkillNode, 'tube' | 'gridIndex'>[]>();
  for (const skillId of targetSkillIds) {
    const skill = index.skillsById.get(skillId);
    const node = skill ? skillNode(index, skill, locale) : null;
    if (!skill || !node) continue;
    const list = byCompetence.get(skill.competenceId) ?? [];
    list.push(node);
    byCompetence.set(skill.competenceId, list);
  }
  const frames = new Map<string, CompetenceFrame>();
  for (const [competenceId, drafts] of byCompetence) {
    const grid = bandGrid(drafts.map((d) => d.difficulty), config.pointsPerBand, config.bandMargin);
    const tubeIndex = new Map<string, number>();
    const tubes: TubeFrame[] = [];
    const skills: SkillNode[] = drafts.map((d) => {
      let tube = tubeIndex.get(d.skill.tubeId);
      if (tube === undefined) {
        tube = tubes.length;
        tubeIndex.set(d.skill.tubeId, tube);
        tubes.push({ tubeId: d.skill.tubeId, skills: [] });
      }
      let gridIndex = grid.findIndex((x) => x >= d.difficulty - 1e-9);
      if (gridIndex < 0) gridIndex = grid.length;
      return { ...d, tube, gridIndex };
    });
    for (const node of skills) tubes[node.tube].skills.push(node);
    for (const tube of tubes) tube.skills.sort((a, b) => a.difficulty - b.difficulty || a.skill.level - b.skill.level);
    const low = Math.min(...skills.map((s) => s.difficulty));
    const high = Math.max(...skills.map((s) => s.difficulty));
    const centre = (low + high) / 2;
    const sd = (high - low) / 2 + config.abilityPriorExtraSd;
    const prior = grid.map((x) => Math.exp(-0.5 * ((x - centre) / sd) ** 2));
    const priorTotal = prior.reduce((s, w) => s + w, 0);
    const spreadTotal = config.tubeSpreadWeights.reduce((s, w) => s + w, 0);
    const noises = config.noises.length > 0 ? config.noises : [[config.guess, config.slip, 1] as const];
    const noiseWeights = config.noises.length > 0 ? config.noiseWeights : [1];
    const noiseTotal = noiseWeights.reduce((s, w) => s + w, 0);
    const components = noises.flatMap((_, noise) => config.tubeSpreads.map((_, kernel) => ({
      kernel, noise, prior: (config.tubeSpreadWeights[kernel] / spreadTotal) * (noiseWeights[noise] / noiseTotal),
    })));
    frames.set(competenceId, {
      competenceId,
      skills,
      nodeById: new Map(skills.map((s) => [s.skill.id, s])),
      tubes,
      grid,
      abilityPrior: prior.map((w) => w / priorTotal),
      kernels: config.tubeSpreads.map((spread) => gaussianKernel(grid, spread)),
      noises: [...noises],
      components,
      easiestDifficulty: low,
      pixTolerance: Math.min(...skills.map((s) => s.skill.pixValue)) / 2,
      maxReachableLevel,
    });
  }
  return frames;
}

const MAX_CACHED_SCOPES = 256;
const cache = new WeakMap<PackIndex, Map<string, Map<string, CompetenceFrame>>>();

/** Frames of the competences of a scope, in order of first appearance among the target skills. */
export function competenceFrames(index: PackIndex, targetSkillIds: readonly string[], maxReachableLevel: number, config: BayesConfig, locale?: string): Map<string, CompetenceFrame> {
  let scopes = cache.get(index);
  if (!scopes) {
    scopes = new Map();
    cache.set(index, scopes);
  }
  const key = [config.pointsPerBand, config.bandMargin, config.tubeSpreads.join('/'), config.tubeSpreadWeights.join('/'), config.abilityPriorExtraSd,
    config.guess, config.slip, config.noises.map((n) => n.join(':')).join('/'), config.noiseWeights.join('/'),
    maxReachableLevel, locale ?? '', targetSkillIds.join(',')].join('|');
  let frames = scopes.get(key);
  if (!frames) {
    frames = buildFrames(index, targetSkillIds, maxReachableLevel, config, locale);
    if (scopes.size >= MAX_CACHED_SCOPES) scopes.clear();
    scopes.set(key, frames);
  }
  return frames;
}
