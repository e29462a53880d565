/**
 * Where a competence stands given its decided skills (knowledge elements) and the ability posterior:
 * the untested skills the posterior settles (inferred KEs), the level the KEs would give if the
 * assessment stopped now, and the posterior probability that this level is the learner's level
 * (exactly, and within one level). The stopping rule and the selection both read it (ADR 0002).
 */
import { upperTail } from './ability-grid';
import type { CompetenceFrame } from './competence-frame';
import { levelOfPix } from './competence-frame';

/** skill id → validated? for the skills that already have a current KE (direct or inferred) */
export type Decisions = ReadonlyMap<string, boolean>;

export interface Settlement {
  /** untested skills inferred by the model: skill id → validated? */
  inferred: Map<string, boolean>;
  /** level given by the decided and inferred KEs */
  level: number;
  /** P(level = true level) */
  exactProbability: number;
  /** P(|level − true level| ≤ 1) */
  withinOneProbability: number;
}

export function settle(frame: CompetenceFrame, decisions: Decisions, posterior: Float64Array, confidence: number): Settlement {
  const tail = upperTail(posterior);
  const inferred = new Map<string, boolean>();
  let pix = 0;
  for (const node of frame.skills) {
    const decided = decisions.get(node.skill.id);
    if (decided !== undefined) {
      if (decided) pix += node.skill.pixValue;
      continue;
    }
    const mastered = tail[node.gridIndex];
    if (mastered > confidence) {
      inferred.set(node.skill.id, true);
      pix += node.skill.pixValue;
    } else if (mastered < 1 - confidence) {
      inferred.set(node.skill.id, false);
    }
  }
  const level = levelOfPix(pix, frame.maxReachableLevel);
  let exactProbability = 0;
  let withinOneProbability = 0;
  for (let i = 0; i < posterior.length; i++) {
    const gap = Math.abs(frame.levelAt[i] - level);
    if (gap === 0) exactProbability += posterior[i];
    if (gap <= 1) withinOneProbability += posterior[i];
  }
  return { inferred, level, exactProbability, withinOneProbability };
}

/**
 * Decisions after a hypothetical answer on `skillId` (§2.1): a direct KE on the skill, then on the
 * same tube every undecided easier target skill validated (success) or harder one invalidated (failure).
 */
export function decideAnswer(frame: CompetenceFrame, decisions: Decisions, skillId: string, correct: boolean): Map<string, boolean> {
  const next = new Map(decisions);
  const answered = frame.skills.find((n) => n.skill.id === skillId);
  if (!answered || decisions.has(skillId)) return next;
  next.set(skillId, correct);
  for (const node of frame.skills) {
    if (node.skill.tubeId !== answered.skill.tubeId || decisions.has(node.skill.id) || node.skill.id === skillId) continue;
    const inferred = correct ? node.skill.level < answered.skill.level : node.skill.level > answered.skill.level;
    if (inferred) next.set(node.skill.id, correct);
  }
  return next;
}
