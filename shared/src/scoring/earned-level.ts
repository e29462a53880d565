/**
 * No level without a correct answer: a competence scores (pix and level) only once the learner has
 * answered at least one of its challenges right since its last reset. Inferred knowledge elements still
 * shape the score of such a competence, but they never raise it on their own: an engine that infers
 * validated skills from skips (the Bayesian posterior moves after every answer) must not show a
 * « niveau 1 » to a pupil who pressed « Je passe » on every question. Every shown score goes through
 * this rule (scorecards, the level-up banner), whatever the engine wrote.
 *
 * A correct answer in a competence is either
 * - a direct validated KE of the competence (from any context: evaluation, campaign, another device),
 *   unless its answer is known here and was not right (an engine writing a direct KE it should not);
 * - or a known answer with result 'ok' on a challenge of the competence (an engine may write no direct KE
 *   for it, e.g. on a skill already assessed elsewhere).
 * Both count only after the competence's last reset (§2.4): a reset competence starts again from nothing.
 */
import type { PackIndex } from '../model/pack-index';
import type { AnswerEvent, KnowledgeElement } from '../model/types';
import { competenceScore, type CompetenceScore, type ScoringOptions } from './competence-score';
import { toMillis } from './time';

/** What this rule reads of an answer. */
export type EvidenceAnswer = Pick<AnswerEvent, 'id' | 'challengeId' | 'result' | 'createdAt'>;

/** The competence a challenge measures (its skill's competence), undefined when not in the pack. */
export function competenceOfChallenge(index: PackIndex, challengeId: string): string | undefined {
  const challenge = index.challengesById.get(challengeId);
  if (!challenge) return undefined;
  return index.skillsById.get(challenge.skillId)?.competenceId ?? challenge.competenceId;
}

function lastResetByCompetence(kes: readonly KnowledgeElement[]): Map<string, number> {
  const last = new Map<string, number>();
  for (const ke of kes) {
    if (ke.status !== 'reset') continue;
    last.set(ke.competenceId, Math.max(last.get(ke.competenceId) ?? Number.NEGATIVE_INFINITY, toMillis(ke.createdAt)));
  }
  return last;
}

/**
 * The competences in which the learner has at least one correct answer since their last reset.
 * @param kes the learner's full KE history (resets included)
 * @param answers the learner's answers known here (the device knows all of its pupil's); may be empty
 */
export function competencesWithCorrectAnswer(
  index: PackIndex,
  kes: readonly KnowledgeElement[],
  answers: readonly EvidenceAnswer[] = [],
): Set<string> {
  const lastReset = lastResetByCompetence(kes);
  const sinceReset = (competenceId: string, at: string) => toMillis(at) > (lastReset.get(competenceId) ?? Number.NEGATIVE_INFINITY);
  const answerById = new Map(answers.map((a) => [a.id, a]));
  const earned = new Set<string>();
  for (const ke of kes) {
    if (ke.source !== 'direct' || ke.status !== 'validated' || !sinceReset(ke.competenceId, ke.createdAt)) continue;
    const answer = answerById.get(ke.answerId);
    if (answer === undefined || answer.result === 'ok') earned.add(ke.competenceId);
  }
  for (const answer of answers) {
    if (answer.result !== 'ok') continue;
    const competenceId = competenceOfChallenge(index, answer.challengeId);
    if (competenceId !== undefined && sinceReset(competenceId, answer.createdAt)) earned.add(competenceId);
  }
  return earned;
}

/**
 * The score shown for a competence: its score from the current KEs when it has a correct answer,
 * the empty score (0 pix, level 0) otherwise.
 */
export function shownCompetenceScore(
  currentKes: KnowledgeElement[],
  competenceId: string,
  earned: ReadonlySet<string>,
  opts: ScoringOptions = {},
): CompetenceScore {
  return competenceScore(earned.has(competenceId) ? currentKes : [], competenceId, opts);
}
