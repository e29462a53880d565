/**
 * Stages ("paliers", §4.2). A level stage is converted to a threshold:
 * round(100 × #campaign skills with level ≤ stage level / #campaign skills); level 0 is the zero stage.
 * The reached stage is the number of stages whose threshold ≤ mastery rate × 100.
 */
import type { Skill, Stage } from '../model/types';

export interface StageWithThreshold {
  stage: Stage;
  threshold: number;
}

export interface ReachedStage {
  /** 1-based rank of the reached stage (0 when even the first stage is not reached) */
  reachedStage: number;
  totalStages: number;
  stage: Stage | null;
}

export function stageThreshold(stage: Stage, skills: Skill[]): number {
  if (stage.threshold !== undefined) return stage.threshold;
  const level = stage.level ?? 0;
  if (level === 0 || skills.length === 0) return 0;
  return Math.round((100 * skills.filter((s) => s.level <= level).length) / skills.length);
}

/** Stages with their thresholds, lowest first. */
export function stageThresholds(stages: Stage[], skills: Skill[]): StageWithThreshold[] {
  return stages
    .map((stage) => ({ stage, threshold: stageThreshold(stage, skills) }))
    .sort((a, b) => a.threshold - b.threshold);
}

// mastery × 100 can land just below an integer (0.29 × 100 = 28.999…): compare with a tolerance
const EPSILON = 1e-9;

export function reachedStage(stages: Stage[], skills: Skill[], rate: number): ReachedStage {
  const sorted = stageThresholds(stages, skills);
  const reached = sorted.filter(({ threshold }) => threshold <= rate * 100 + EPSILON).length;
  return { reachedStage: reached, totalStages: sorted.length, stage: reached > 0 ? sorted[reached - 1].stage : null };
}
