/**
 * Where a competence stands given its decided skills (current KEs) and the ability posterior (ADR 0002):
 * which untested skills the engine would infer, the level the KEs would then give, and the posterior
 * probability that this level is the learner's level (exactly, and within one level).
 *
 * Inference is a cut on difficulty: untested skills with b up to the cut are inferred validated, the
 * others invalidated — "the estimated ability is above / below this skill". Only plausible cuts are
 * considered (a validated skill has P(θ ≥ b) ≥ α, an invalidated one P(θ ≥ b) ≤ 1 − α, α =
 * inferencePlausibility); among them the engine keeps the one whose level is most probably right.
 * With α = 0.5 that is the posterior median. The stopping rule and the selection both read it.
 */
import { upperTail } from './ability-grid';
import type { CompetenceFrame } from './competence-frame';
import { levelOfPix } from './competence-frame';

/** skill id → validated? for the skills that already have a current KE (direct or from elsewhere) */
export interface Decisions {
  get(skillId: string): boolean | undefined;
  has(skillId: string): boolean;
}

/**
 * One decision changed on top of `decisions`, without copying them: what an answer on `skillId` would
 * do — decide it (a first answer), or leave it to the cut (`undefined`: a second answer contradicting
 * the first).
 */
export interface DecisionChange {
  skillId: string;
  validated: boolean | undefined;
}

export interface SettlementOptions {
  inferencePlausibility: number;
  withinOneWeight: number;
}

export interface Settlement {
  /** untested skills with a grid index ≤ this are inferred validated, the others invalidated */
  validateUpTo: number;
  /** level given by the decided and inferred KEs */
  level: number;
  /** P(level = true level) */
  exactProbability: number;
  /** P(|level − true level| ≤ 1) */
  withinOneProbability: number;
}

const TIE = 1e-12;

/** Posterior mass of each true level (index = level). */
export function levelMass(frame: CompetenceFrame, posterior: Float64Array): Float64Array {
  const mass = new Float64Array(frame.maxReachableLevel + 1);
  for (let i = 0; i < posterior.length; i++) mass[frame.levelAt[i]] += posterior[i];
  return mass;
}

export function settlementValue(s: Pick<Settlement, 'exactProbability' | 'withinOneProbability'>, options: Pick<SettlementOptions, 'withinOneWeight'>): number {
  return s.exactProbability + options.withinOneWeight * s.withinOneProbability;
}

export function settle(frame: CompetenceFrame, decisions: Decisions, posterior: Float64Array, options: SettlementOptions, change?: DecisionChange): Settlement {
  const tail = upperTail(posterior);
  const mass = levelMass(frame, posterior);
  let decidedPix = 0;
  // Untested skills grouped by grid index, increasing: the possible cuts fall between groups.
  const cutIndex: number[] = [];
  const cutPix: number[] = [];
  for (const node of frame.byDifficulty) {
    const decided = change !== undefined && node.skill.id === change.skillId ? change.validated : decisions.get(node.skill.id);
    if (decided !== undefined) {
      if (decided) decidedPix += node.skill.pixValue;
      continue;
    }
    const last = cutIndex.length - 1;
    if (last >= 0 && cutIndex[last] === node.gridIndex) cutPix[last] += node.skill.pixValue;
    else {
      cutIndex.push(node.gridIndex);
      cutPix.push(node.skill.pixValue);
    }
  }
  const alpha = options.inferencePlausibility;
  // k = number of groups validated; plausible k form a range because the tail decreases.
  let median = 0;
  while (median < cutIndex.length && tail[cutIndex[median]] >= 0.5) median++;
  let best: Settlement | undefined;
  let bestValue = -Infinity;
  let bestDistance = Infinity;
  let pix = decidedPix;
  for (let k = 0; k <= cutIndex.length; k++) {
    if (k > 0) pix += cutPix[k - 1];
    const validatedPlausible = k === 0 || tail[cutIndex[k - 1]] >= alpha;
    const invalidatedPlausible = k === cutIndex.length || tail[cutIndex[k]] <= 1 - alpha;
    if (!(validatedPlausible && invalidatedPlausible) && k !== median) continue;
    const level = levelOfPix(pix, frame.maxReachableLevel);
    const exactProbability = mass[level];
    const withinOneProbability = exactProbability + (level > 0 ? mass[level - 1] : 0) + (level < mass.length - 1 ? mass[level + 1] : 0);
    const value = exactProbability + options.withinOneWeight * withinOneProbability;
    const distance = Math.abs(k - median);
    if (value > bestValue + TIE || (value > bestValue - TIE && distance < bestDistance)) {
      best = { validateUpTo: k === 0 ? -1 : cutIndex[k - 1], level, exactProbability, withinOneProbability };
      bestValue = value;
      bestDistance = distance;
    }
  }
  // k = median is always evaluated, so best is set.
  return best as Settlement;
}

/** The KEs the settlement infers: untested skill id → validated?, in target order. */
export function inferredSkills(frame: CompetenceFrame, decisions: Decisions, settlement: Settlement): Map<string, boolean> {
  const inferred = new Map<string, boolean>();
  for (const node of frame.skills) {
    if (decisions.has(node.skill.id)) continue;
    inferred.set(node.skill.id, node.gridIndex <= settlement.validateUpTo);
  }
  return inferred;
}
