/**
 * Selection and stopping of the Bayesian engine (ADR 0002, round 5).
 *
 * Candidates: every undecided target skill of a competence still open, with one challenge (never one
 * already answered; `validé` preferred; no timed challenge right after a timed answer when an untimed
 * one is possible). A candidate's value is the expected gain, over its two outcomes, of the settlement
 * value P(exact) + w·P(±1) of its competence, plus a tie-breaker favouring the skill whose mastery is
 * the most uncertain. Candidates of one tube with the same calibration share their value. Equal values
 * are split by a hash of the assessment id, so the pick is seeded and reproducible.
 * A competence is open while it has fewer than its minimum of answers, or one answer is expected to
 * raise its settlement value by more than `continueGain` once its level is settled (P(exact) and P(±1)
 * at their thresholds), by more than `unsettledGain` before; never beyond its maximum of answers. So a
 * learner whose answers are consistent is asked until the level is sure, and a learner whose answers
 * are noisy is not asked what cannot help.
 */
import type { PackIndex } from '../../model/pack-index';
import type { Challenge } from '../../model/types';
import { hashInt } from '../../random/hash-int';
import { isTimed, servableChallenges } from '../servable-challenges';
import { levelDistributionOf, type AssessmentState, type CompetenceState } from './assessment-state';
import type { BayesConfig } from './bayes-config';
import { masteryOfUndecided, settle, type Settlement } from './settlement';
import { levelDistribution, noiseMass, predictiveSuccess, tubeLikelihoods, tubeMoments, withObservation } from './tube-posterior';

const TIE_EPSILON = 1e-9;
/** weight of the uncertainty tie-breaker p(1 − p) (≤ 0.25): far below any real gain */
const UNCERTAINTY_WEIGHT = 1e-4;

export interface SelectionInput {
  index: PackIndex;
  state: AssessmentState;
  config: BayesConfig;
  assessmentId: string;
  locale?: string;
  answeredChallengeIds: ReadonlySet<string>;
  lastAnswerWasTimed: boolean;
  answeredCount: number;
}

export interface Candidate {
  competenceId: string;
  skillId: string;
  challenge: Challenge;
  /** expected gain of the settlement value */
  gain: number;
  value: number;
  /** P(level within one) of the competence now (progress) */
  withinOneNow: number;
}

export function isSettled(settlement: Settlement, config: BayesConfig): boolean {
  return settlement.exactProbability >= config.exactLevelConfidence && settlement.withinOneProbability >= config.withinOneLevelConfidence;
}

/**
 * A level 0 must rest on a failure at the competence's easiest level: while nothing has succeeded, the
 * competence stays open until one of its easiest skills has been asked (or none can be).
 */
export function easiestLevelTested(competence: CompetenceState): boolean {
  return competence.frame.skills.some((n) => isEasiest(competence.frame, n) && competence.decisions.get(n.skill.id) === false);
}

function isEasiest(frame: CompetenceState['frame'], node: { difficulty: number } | undefined): boolean {
  return node !== undefined && node.difficulty <= frame.easiestDifficulty + 1e-9;
}

export function isOpen(competence: CompetenceState, now: Settlement, bestGain: number, config: BayesConfig, easiestAskable = true): boolean {
  if (competence.answeredCount >= config.maximumQuestionsPerCompetence) return false;
  if (competence.answeredCount < config.minimumQuestionsPerCompetence) return true;
  if (!competence.hasSuccess && easiestAskable && !easiestLevelTested(competence)) return true;
  // Nothing right after this many answers, an easiest skill among the failures: level 0, as smart random
  // concludes once the easiest skills are invalidated.
  if (!competence.hasSuccess && config.answersWithoutSuccess > 0 && competence.answeredCount >= config.answersWithoutSuccess) return false;
  if (isSettled(now, config)) return bestGain > config.continueGain;
  const consistent = config.noises.length > 1 ? noiseMass(competence.posterior, 0) : 0;
  return bestGain > consistent * config.consistentUnsettledGain + (1 - consistent) * config.unsettledGain;
}

function chooseChallenge(remaining: Challenge[], avoidTimed: boolean, seed: string): Challenge | undefined {
  const validated = remaining.filter((c) => c.status === 'validé');
  let pool = validated.length > 0 ? validated : remaining;
  if (avoidTimed) {
    const untimed = pool.filter((c) => !isTimed(c));
    if (untimed.length > 0) pool = untimed;
  }
  return pool.length > 0 ? pool[Math.abs(hashInt(seed)) % pool.length] : undefined;
}

/** Variance of the true level under a level distribution. */
export function levelVariance(distribution: Float64Array): number {
  let mean = 0;
  let square = 0;
  for (let level = 0; level < distribution.length; level++) {
    mean += level * distribution[level];
    square += level * level * distribution[level];
  }
  return Math.max(0, square - mean * mean);
}

/** Expected settlement value and level variance after answering `challenge`. */
function expectedAfter(competence: CompetenceState, tube: number, challenge: Challenge, config: BayesConfig): { value: number; variance: number } {
  const { posterior, frame } = competence;
  const pOk = predictiveSuccess(posterior, tube, challenge);
  let value = 0;
  let variance = 0;
  for (const ok of [true, false]) {
    const weight = ok ? pOk : 1 - pOk;
    if (weight <= 0) continue;
    const after = withObservation(posterior, tube, { discriminant: challenge.discriminant, difficulty: challenge.difficulty, ok });
    const moments = [...competence.moments];
    moments[tube] = tubeMoments(frame, tubeLikelihoods(after, tube), competence.pixTables[tube]);
    const distribution = levelDistribution(frame, after.weights, moments, competence.fixedPix);
    value += weight * settle(distribution, competence.hasSuccess || ok, config).value;
    variance += weight * levelVariance(distribution);
  }
  return { value, variance };
}

/** Candidates of the competences still open (empty when the assessment is over). */
export function rankCandidates(input: SelectionInput): Candidate[] {
  const { index, state, config } = input;
  const candidates: Candidate[] = [];
  for (const competence of state.competences.values()) {
    if (competence.answeredCount >= config.maximumQuestionsPerCompetence) continue;
    const distributionNow = levelDistributionOf(competence);
    const now = settle(distributionNow, competence.hasSuccess, config);
    const varianceNow = levelVariance(distributionNow);
    const mastery = masteryOfUndecided(competence.posterior, competence.decisions);
    const drafts: { skillId: string; tube: number; challenge: Challenge; uncertainty: number }[] = [];
    for (const node of competence.frame.skills) {
      const p = mastery.get(node.skill.id);
      if (p === undefined) continue;
      const remaining = servableChallenges(index, node.skill.id, input.locale).filter((c) => !input.answeredChallengeIds.has(c.id));
      const challenge = chooseChallenge(remaining, input.lastAnswerWasTimed, `${input.assessmentId}:${input.answeredCount}:${node.skill.id}`);
      if (challenge) drafts.push({ skillId: node.skill.id, tube: node.tube, challenge, uncertainty: p * (1 - p) });
    }
    const memo = new Map<string, { value: number; variance: number }>();
    let bestGain = -Infinity;
    const valued = drafts.map((d) => {
      const key = `${d.tube}|${d.challenge.discriminant}|${d.challenge.difficulty}`;
      let expected = memo.get(key);
      if (expected === undefined) {
        expected = expectedAfter(competence, d.tube, d.challenge, config);
        memo.set(key, expected);
      }
      const gain = expected.value - now.value + config.informationWeight * (varianceNow - expected.variance);
      bestGain = Math.max(bestGain, gain);
      return { ...d, gain };
    });
    const easiestSkill = (skillId: string) => isEasiest(competence.frame, competence.frame.nodeById.get(skillId));
    const easiestAskable = drafts.some((d) => easiestSkill(d.skillId));
    if (valued.length === 0 || !isOpen(competence, now, bestGain, config, easiestAskable)) continue;
    // Open only to rest a level 0 on the easiest level: ask that level.
    const onlyEasiest = !competence.hasSuccess && easiestAskable && !easiestLevelTested(competence)
      && (!isOpen(competence, now, bestGain, config, false) || (config.answersWithoutSuccess > 0 && competence.answeredCount + 1 >= config.answersWithoutSuccess));
    for (const v of onlyEasiest ? valued.filter((x) => easiestSkill(x.skillId)) : valued) {
      candidates.push({
        competenceId: competence.frame.competenceId, skillId: v.skillId, challenge: v.challenge, gain: v.gain,
        value: v.gain + UNCERTAINTY_WEIGHT * v.uncertainty, withinOneNow: now.withinOneProbability,
      });
    }
  }
  if (input.lastAnswerWasTimed) {
    const untimed = candidates.filter((c) => !isTimed(c.challenge));
    if (untimed.length > 0) return untimed;
  }
  return candidates;
}

/** The best candidate; among equal values, one chosen by the assessment id and the answer count. */
export function pickCandidate(candidates: Candidate[], assessmentId: string, answeredCount: number): Candidate | undefined {
  if (candidates.length === 0) return undefined;
  const best = Math.max(...candidates.map((c) => c.value));
  const tied = candidates.filter((c) => c.value >= best - TIE_EPSILON);
  return tied[Math.abs(hashInt(`${assessmentId}#${answeredCount}`)) % tied.length];
}
