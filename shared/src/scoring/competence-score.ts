/**
 * Pix and level of one competence (§2.2): pix = min(floor(Σ earnedPix), maxLevel × 8), level =
 * min(floor(Σ / 8), maxLevel); the progress toward the next level is pix mod 8.
 * The reachable level is configurable: 6 by default, the level open to pupils (Pix's code default
 * is 5; production opened level 6 in December 2020; v3 certification uses 7).
 */
import { PIX_COUNT_BY_LEVEL } from '../model/referential';
import type { KnowledgeElement } from '../model/types';

export const DEFAULT_MAX_REACHABLE_LEVEL = 6;

export interface ScoringOptions {
  maxReachableLevel?: number;
}

export interface CompetenceScore {
  pix: number;
  level: number;
  /** pix earned inside the current level (0..7) */
  pixAheadForNextLevel: number;
  /** pix still missing to reach the next level (1..8) */
  pixToNextLevel: number;
  /** pixAheadForNextLevel / 8 × 100 */
  progressPercent: number;
  isMaxLevel: boolean;
}

export function maxReachablePixByCompetence(opts: ScoringOptions = {}): number {
  return (opts.maxReachableLevel ?? DEFAULT_MAX_REACHABLE_LEVEL) * PIX_COUNT_BY_LEVEL;
}

/** Score of a competence from the learner's CURRENT knowledge elements (see currentKnowledgeElements). */
export function competenceScore(
  currentKes: KnowledgeElement[],
  competenceId: string,
  opts: ScoringOptions = {},
): CompetenceScore {
  const maxLevel = opts.maxReachableLevel ?? DEFAULT_MAX_REACHABLE_LEVEL;
  const summed = currentKes.filter((ke) => ke.competenceId === competenceId).reduce((sum, ke) => sum + ke.earnedPix, 0);
  // pixValues such as 8/3 do not add up exactly in binary floating point: 3 × 8/3 may give 7.999…; round
  // away that noise before flooring so that the order of the knowledge elements never changes the score.
  const realTotal = Math.round(summed * 1e9) / 1e9;
  const pix = Math.min(Math.floor(realTotal), maxLevel * PIX_COUNT_BY_LEVEL);
  const level = Math.min(Math.floor(realTotal / PIX_COUNT_BY_LEVEL), maxLevel);
  const pixAheadForNextLevel = pix % PIX_COUNT_BY_LEVEL;
  return {
    pix,
    level,
    pixAheadForNextLevel,
    pixToNextLevel: PIX_COUNT_BY_LEVEL - pixAheadForNextLevel,
    progressPercent: (pixAheadForNextLevel / PIX_COUNT_BY_LEVEL) * 100,
    isMaxLevel: level >= maxLevel,
  };
}
