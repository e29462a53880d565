/**
 * What the Bayesian engine knows about one competence of the assessment: its target skills with
 * their difficulty b (mean difficulty of their servable challenges) and pix value, and, for every
 * grid point θ, the level the scoring rules (§2.2) give when every target skill with b ≤ θ is
 * validated — the learner's level if their ability were θ. `levelUniformPrior` is the default prior
 * of the engine: every level the frame can give equally likely, θ uniform inside its band.
 */
import type { PackIndex } from '../../model/pack-index';
import { PIX_COUNT_BY_LEVEL } from '../../model/referential';
import type { Skill } from '../../model/types';
import { servableChallenges } from '../servable-challenges';
import { firstIndexAtLeast } from './ability-grid';

export interface SkillNode {
  skill: Skill;
  /** mean difficulty of the skill's servable challenges */
  difficulty: number;
  /** mean discriminant of the skill's servable challenges */
  discriminant: number;
  /** first grid index whose θ ≥ difficulty */
  gridIndex: number;
}

export interface CompetenceFrame {
  competenceId: string;
  /** target skills of the competence that have a servable challenge, target order */
  skills: SkillNode[];
  /** the same skills by increasing difficulty (then target order) */
  byDifficulty: SkillNode[];
  nodeById: Map<string, SkillNode>;
  /** level at each grid point when exactly the skills with b ≤ θ are validated */
  levelAt: Int32Array;
  maxReachableLevel: number;
  /** prior of the competence's ability when it is not the pack-wide one */
  prior?: Float64Array;
}

/** Level of a pix total (§2.2), with the float-noise rounding of competenceScore. */
export function levelOfPix(total: number, maxReachableLevel: number): number {
  const rounded = Math.round(total * 1e9) / 1e9;
  return Math.min(Math.floor(rounded / PIX_COUNT_BY_LEVEL), maxReachableLevel);
}

function skillNode(index: PackIndex, skill: Skill, grid: Float64Array, locale?: string): SkillNode | null {
  const challenges = servableChallenges(index, skill.id, locale);
  if (challenges.length === 0) return null;
  const mean = (values: number[]) => Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 1e9) / 1e9;
  const difficulty = mean(challenges.map((c) => c.difficulty));
  return { skill, difficulty, discriminant: mean(challenges.map((c) => c.discriminant)), gridIndex: firstIndexAtLeast(grid, difficulty) };
}

/** Frames of every competence of the target, in order of first appearance. */
export function competenceFrames(
  index: PackIndex,
  targetSkillIds: readonly string[],
  grid: Float64Array,
  maxReachableLevel: number,
  locale?: string,
): Map<string, CompetenceFrame> {
  const frames = new Map<string, CompetenceFrame>();
  for (const skillId of targetSkillIds) {
    const skill = index.skillsById.get(skillId);
    if (!skill) continue;
    const node = skillNode(index, skill, grid, locale);
    if (!node) continue;
    let frame = frames.get(skill.competenceId);
    if (!frame) {
      frame = { competenceId: skill.competenceId, skills: [], byDifficulty: [], nodeById: new Map(), levelAt: new Int32Array(grid.length), maxReachableLevel };
      frames.set(skill.competenceId, frame);
    }
    frame.skills.push(node);
    frame.nodeById.set(skill.id, node);
  }
  for (const frame of frames.values()) {
    frame.byDifficulty = frame.skills.map((node, order) => ({ node, order }))
      .sort((x, y) => x.node.gridIndex - y.node.gridIndex || x.order - y.order)
      .map((x) => x.node);
    const pixAt = new Float64Array(grid.length + 1);
    for (const node of frame.skills) pixAt[node.gridIndex] += node.skill.pixValue;
    let running = 0;
    for (let i = 0; i < grid.length; i++) {
      running += pixAt[i];
      frame.levelAt[i] = levelOfPix(running, maxReachableLevel);
    }
  }
  return frames;
}

/** Prior where every level the frame can give is equally likely, θ uniform inside its band. */
export function levelUniformPrior(frame: CompetenceFrame, grid: Float64Array, margin: number): Float64Array {
  const low = Math.min(...frame.skills.map((n) => n.difficulty)) - margin;
  const high = Math.max(...frame.skills.map((n) => n.difficulty)) + margin;
  const inside = (i: number) => grid[i] >= low - 1e-9 && grid[i] < high - 1e-9;
  const pointsOfLevel = new Map<number, number>();
  for (let i = 0; i < grid.length; i++) if (inside(i)) pointsOfLevel.set(frame.levelAt[i], (pointsOfLevel.get(frame.levelAt[i]) ?? 0) + 1);
  const prior = new Float64Array(grid.length);
  for (let i = 0; i < grid.length; i++) if (inside(i)) prior[i] = 1 / (pointsOfLevel.size * (pointsOfLevel.get(frame.levelAt[i]) ?? 1));
  return prior;
}
