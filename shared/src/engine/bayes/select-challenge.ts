/**
 * Selection of the Bayesian engine (ADR 0002). For every competence not settled yet, each undecided
 * skill is a candidate with one challenge (never one already answered; validé preferred; no timed
 * challenge right after a timed answer when an untimed one is possible). A candidate's value is the
 * expected gain, over its two outcomes, of P(exact level) + P(level within one) — with the KEs the
 * answer would write (direct + same-tube inference) — plus a small share of the expected reduction of
 * the posterior variance, which breaks the ties when no single answer can move the level yet.
 * Equal values are split by a hash of the assessment id, so the pick is seeded and reproducible.
 */
import type { PackIndex } from '../../model/pack-index';
import type { Challenge } from '../../model/types';
import { hashInt } from '../../random/hash-int';
import { isTimed, servableChallenges } from '../servable-challenges';
import { posteriorVariance, predictiveSuccess, updatePosterior } from './ability-grid';
import type { AssessmentState, CompetenceState } from './assessment-state';
import type { BayesConfig } from './bayes-config';
import { decideAnswer, settle, type Settlement } from './settlement';

const TIE_EPSILON = 1e-9;

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
  /** expected gain of P(exact) + P(within one) */
  gain: number;
  /** gain + weighted expected variance reduction */
  value: number;
}

export function isSettled(settlement: Settlement, config: BayesConfig): boolean {
  return settlement.exactProbability >= config.exactLevelConfidence && settlement.withinOneProbability >= config.withinOneLevelConfidence;
}

const valueOf = (s: Settlement): number => s.exactProbability + s.withinOneProbability;

function chooseChallenge(remaining: Challenge[], avoidTimed: boolean, seed: string): Challenge | undefined {
  const validated = remaining.filter((c) => c.status === 'validé');
  let pool = validated.length > 0 ? validated : remaining;
  if (avoidTimed) {
    const untimed = pool.filter((c) => !isTimed(c));
    if (untimed.length > 0) pool = untimed;
  }
  return pool.length > 0 ? pool[Math.abs(hashInt(seed)) % pool.length] : undefined;
}

function candidateValue(input: SelectionInput, competence: CompetenceState, skillId: string, challenge: Challenge, now: Settlement): { gain: number; value: number } {
  const { state, config } = input;
  const curve = state.curveOf(challenge.discriminant, challenge.difficulty);
  const pOk = predictiveSuccess(competence.posterior, curve);
  const varianceNow = posteriorVariance(state.grid, competence.posterior);
  let expected = 0;
  let expectedVariance = 0;
  for (const correct of [true, false]) {
    const weight = correct ? pOk : 1 - pOk;
    if (weight <= 0) continue;
    const posterior = updatePosterior(competence.posterior, curve, correct);
    const decisions = decideAnswer(competence.frame, competence.decisions, skillId, correct);
    expected += weight * valueOf(settle(competence.frame, decisions, posterior, config.inferenceConfidence));
    expectedVariance += weight * posteriorVariance(state.grid, posterior);
  }
  const gain = expected - valueOf(now);
  return { gain, value: gain + config.informationWeight * (varianceNow - expectedVariance) };
}

/** Candidates of the competences still open, in target order (empty when the assessment is over). */
export function rankCandidates(input: SelectionInput): Candidate[] {
  const { index, state, config } = input;
  const drafts: { competence: CompetenceState; skillId: string; challenge: Challenge; now: Settlement }[] = [];
  for (const competence of state.competences.values()) {
    if (competence.answeredCount >= config.maximumQuestionsPerCompetence) continue;
    const now = settle(competence.frame, competence.decisions, competence.posterior, config.inferenceConfidence);
    // A competence is never settled on the prior alone: the level must rest on its own answers.
    if (competence.answeredCount >= config.minimumQuestionsPerCompetence && isSettled(now, config)) continue;
    for (const node of competence.frame.skills) {
      const skillId = node.skill.id;
      if (competence.decisions.has(skillId)) continue;
      const remaining = servableChallenges(index, skillId, input.locale).filter((c) => !input.answeredChallengeIds.has(c.id));
      const challenge = chooseChallenge(remaining, input.lastAnswerWasTimed, `${input.assessmentId}:${input.answeredCount}:${skillId}`);
      if (challenge) drafts.push({ competence, skillId, challenge, now });
    }
  }
  const untimed = drafts.filter((d) => !isTimed(d.challenge));
  const allowed = input.lastAnswerWasTimed && untimed.length > 0 ? untimed : drafts;
  const scored = allowed.map((d) => ({
    competenceId: d.competence.frame.competenceId,
    skillId: d.skillId,
    challenge: d.challenge,
    ...candidateValue(input, d.competence, d.skillId, d.challenge, d.now),
  }));
  // A competence whose best answer can no longer move its level probabilities is closed: asking more
  // would only risk direct KEs that contradict the estimate.
  const bestGain = new Map<string, number>();
  for (const c of scored) bestGain.set(c.competenceId, Math.max(c.gain, bestGain.get(c.competenceId) ?? -Infinity));
  return scored.filter((c) => {
    const competence = state.competences.get(c.competenceId);
    return !competence || competence.answeredCount < config.minimumQuestionsPerCompetence || (bestGain.get(c.competenceId) ?? 0) > config.minimumGain;
  });
}

/** The best candidate; among equal values, one chosen by the assessment id and the answer count. */
export function pickCandidate(candidates: Candidate[], assessmentId: string, answeredCount: number): Candidate | undefined {
  if (candidates.length === 0) return undefined;
  const best = Math.max(...candidates.map((c) => c.value));
  const tied = candidates.filter((c) => c.value >= best - TIE_EPSILON);
  return tied[Math.abs(hashInt(`${assessmentId}#${answeredCount}`)) % tied.length];
}
