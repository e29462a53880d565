/**
 * « Félicitations ! Vous avez atteint le niveau N » during a test: announced only right after a correct
 * answer (result 'ok') the learner has just submitted, only for the competence of that answer's skill, and
 * only when the level shown for that competence (earned-level.ts, the scorecards' rule) is higher after
 * that answer than before it: the announced level is the one that answer reached.
 * Never for another competence, never for a skip or a wrong answer, whatever an engine infers after it.
 * The caller passes only an answer submitted in its own session: answers found when a page loads or
 * synced from elsewhere announce nothing (a reload never congratulates).
 */
import type { PackIndex } from '../model/pack-index';
import type { KnowledgeElement } from '../model/types';
import type { ScoringOptions } from './competence-score';
import { competenceOfChallenge, competencesWithCorrectAnswer, shownCompetenceScore, type EvidenceAnswer } from './earned-level';
import { currentKnowledgeElements } from './knowledge-elements';

/** What the learner's record holds at one moment. */
export interface KnowledgeSnapshot {
  /** the full KE history (resets included) */
  knowledgeElements: KnowledgeElement[];
  /** the answers known here */
  answers: readonly EvidenceAnswer[];
}

export interface LevelUpInput extends ScoringOptions {
  /** the answer just submitted */
  answer: EvidenceAnswer;
  /** the record when it was submitted */
  before: KnowledgeSnapshot;
  /** the record once its KEs are written */
  after: KnowledgeSnapshot;
}

export interface LevelUp {
  competenceId: string;
  level: number;
}

/** The level shown for a competence (the scorecards' level). */
export function shownLevel(index: PackIndex, snapshot: KnowledgeSnapshot, competenceId: string, opts: ScoringOptions = {}): number {
  const current = currentKnowledgeElements(snapshot.knowledgeElements).filter((ke) => ke.competenceId === competenceId);
  const earned = competencesWithCorrectAnswer(index, snapshot.knowledgeElements, snapshot.answers);
  return shownCompetenceScore(current, competenceId, earned, opts).level;
}

/** The level-up to announce after `input.answer`, or null. */
export function levelUpAfterAnswer(index: PackIndex, input: LevelUpInput): LevelUp | null {
  if (input.answer.result !== 'ok') return null;
  const competenceId = competenceOfChallenge(index, input.answer.challengeId);
  if (competenceId === undefined) return null;
  const { maxReachableLevel } = input;
  const before = shownLevel(index, input.before, competenceId, { maxReachableLevel });
  // the answer itself is a correct answer in the competence, even before the record lists it
  const after = shownLevel(index, { ...input.after, answers: [...input.after.answers, input.answer] }, competenceId, { maxReachableLevel });
  return after > before ? { competenceId, level: after } : null;
}
