/**
 * Where a competence stands (ADR 0002, round 5): the level the engine reports, how likely it is to be
 * the learner's true level, and the inferred KEs that make the KEs give that level.
 *
 * Reported level: the ℓ maximising P(ℓ) + w·P(|ℓ' − ℓ| ≤ 1) under the posterior (w = levelChoiceWeight;
 * a large w drifts away from the extreme levels, whose neighbourhood is one level short) — but 0 while the competence
 * has no correct answer at all: a level above 0 always rests on at least one success.
 * Inferred KEs, per tube: first what §2.1 infers within the tube from its answers (below a success
 * validated, above a failure invalidated); every other untested skill is validated when its tube's
 * ability is probably above it (P(θ_t ≥ b) ≥ ½), invalidated otherwise. When those KEs give another
 * level than the reported one, the most plausible of these posterior-inferred skills are flipped
 * (validate the one most probably mastered, or invalidate the least probably mastered), never beyond
 * `inferenceFloor`; a flip follows its tube's ladder since P(θ_t ≥ b) falls as b rises.
 */
import type { BayesConfig } from './bayes-config';
import { levelOfPix, type CompetenceFrame } from './tube-model';
import { tubeMarginal, upperTails, type CompetencePosterior } from './tube-posterior';

export interface Settlement {
  level: number;
  /** P(true level = level) */
  exactProbability: number;
  /** P(|true level − level| ≤ 1) */
  withinOneProbability: number;
  /** exactProbability + withinOneWeight · withinOneProbability */
  value: number;
}

export function settle(distribution: Float64Array, hasSuccess: boolean, config: Pick<BayesConfig, 'withinOneWeight' | 'levelChoiceWeight'>): Settlement {
  const around = (level: number) => (distribution[level - 1] ?? 0) + distribution[level] + (distribution[level + 1] ?? 0);
  let best = 0;
  if (hasSuccess) {
    let bestScore = -Infinity;
    for (let level = 0; level < distribution.length; level++) {
      const score = distribution[level] + config.levelChoiceWeight * around(level);
      if (score > bestScore + 1e-12) {
        bestScore = score;
        best = level;
      }
    }
  }
  const exactProbability = distribution[best];
  const withinOneProbability = around(best);
  return { level: best, exactProbability, withinOneProbability, value: exactProbability + config.withinOneWeight * withinOneProbability };
}

/** P(skill mastered) for every skill of the frame not in `decided`. */
export function masteryOfUndecided(posterior: CompetencePosterior, decided: { has(skillId: string): boolean }): Map<string, number> {
  const mastery = new Map<string, number>();
  posterior.frame.tubes.forEach((tube, t) => {
    const undecided = tube.skills.filter((node) => !decided.has(node.skill.id));
    if (undecided.length === 0) return;
    const tails = upperTails(tubeMarginal(posterior, t));
    for (const node of undecided) mastery.set(node.skill.id, tails[node.gridIndex]);
  });
  return mastery;
}

/**
 * Status of every undecided skill of the frame. `decided`: skill → validated (direct KEs and KEs from
 * elsewhere); `targetLevel`: the reported level.
 */
export function inferredStatuses(
  frame: CompetenceFrame,
  posterior: CompetencePosterior,
  decided: ReadonlyMap<string, boolean>,
  targetLevel: number,
  hasSuccess: boolean,
  config: Pick<BayesConfig, 'inferenceFloor'>,
): Map<string, boolean> {
  const mastery = masteryOfUndecided(posterior, decided);
  const statuses = new Map<string, boolean>();
  let pix = 0;
  for (const node of frame.skills) if (decided.get(node.skill.id) === true) pix += node.skill.pixValue;
  const pixOf = (skillId: string) => frame.nodeById.get(skillId)?.skill.pixValue ?? 0;
  // §2.1 within a tube first: below a validated skill validated, above an invalidated one invalidated.
  const forced = ladderStatuses(frame, decided);
  const free: [string, number][] = [];
  for (const [skillId, p] of mastery) {
    const ladder = forced.get(skillId);
    const validated = ladder ?? (hasSuccess && p >= 0.5);
    statuses.set(skillId, validated);
    if (validated) pix += pixOf(skillId);
    if (ladder === undefined) free.push([skillId, p]);
  }
  // Flips of the other skills toward the reported level, most plausible first.
  const ordered = free.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  if (hasSuccess) {
    for (const [skillId, p] of ordered) {
      if (levelOfPix(pix, frame.maxReachableLevel) >= targetLevel || p < config.inferenceFloor) break;
      if (statuses.get(skillId)) continue;
      statuses.set(skillId, true);
      pix += pixOf(skillId);
    }
  }
  for (let k = ordered.length - 1; k >= 0; k--) {
    const [skillId, p] = ordered[k];
    if (levelOfPix(pix, frame.maxReachableLevel) <= targetLevel || p > 1 - config.inferenceFloor) break;
    if (!statuses.get(skillId)) continue;
    statuses.set(skillId, false);
    pix -= pixOf(skillId);
  }
  return statuses;
}

/**
 * What §2.1 infers within each tube from the decided skills: an undecided skill strictly easier than a
 * validated one of its tube is validated, one strictly harder than an invalidated one is invalidated;
 * a skill caught between both (a slip or a lucky guess) is left to the posterior.
 */
export function ladderStatuses(frame: CompetenceFrame, decided: ReadonlyMap<string, boolean>): Map<string, boolean> {
  const statuses = new Map<string, boolean>();
  for (const tube of frame.tubes) {
    let hardestValidated = -Infinity;
    let easiestInvalidated = Infinity;
    for (const node of tube.skills) {
      const status = decided.get(node.skill.id);
      if (status === true) hardestValidated = Math.max(hardestValidated, node.skill.level);
      if (status === false) easiestInvalidated = Math.min(easiestInvalidated, node.skill.level);
    }
    for (const node of tube.skills) {
      if (decided.has(node.skill.id)) continue;
      const below = node.skill.level < hardestValidated;
      const above = node.skill.level > easiestInvalidated;
      if (below !== above) statuses.set(node.skill.id, below);
    }
  }
  return statuses;
}
