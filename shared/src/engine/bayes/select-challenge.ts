/**
 * Selection of the Bayesian engine (ADR 0002). For every competence not settled yet, each undecided
 * skill is a candidate with one challenge (never one already answered; validé preferred; no timed
 * challenge right after a timed answer when an untimed one is possible). A candidate's value is the
 * expected gain, over its two outcomes, of P(exact level) + w·P(level within one) of the settlement —
 * with the direct KE the answer would write — plus a small share of the expected reduction of the
 * posterior variance, which breaks the ties when no single answer can move the level yet.
 * With `answersPerSkill` 2 (second chance), a skill answered once in this assessment is a candidate
 * too: an answer that agrees keeps its KE, one that disagrees leaves it to the ability estimate —
 * the lookahead asks it again only when that is worth more than a new skill (a surprising answer).
 * Candidates with the same calibration and pix value in a competence are valued once.
 * Equal values are split by a hash of the assessment id, so the pick is seeded and reproducible.
 * Stopping (isOpen): a competence needs its minimum of answers (two while P(exact) < `uncertainBelow`),
 * then stays open until settled and no answer is expected to gain more than `continueGain` on the
 * settlement value nor `exactContinueGain` on P(exact level).
 */
import type { PackIndex } from '../../model/pack-index';
import type { Challenge } from '../../model/types';
import { hashInt } from '../../random/hash-int';
import { isTimed, servableChallenges } from '../servable-challenges';
import { posteriorVariance, predictiveSuccess, updatePosterior } from './ability-grid';
import type { AssessmentState, CompetenceState } from './assessment-state';
import type { BayesConfig } from './bayes-config';
import { settle, settlementValue, type DecisionChange, type Settlement } from './settlement';

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
  /** expected gain of the settlement value */
  gain: number;
  /** expected gain of P(exact level) alone */
  exactGain: number;
  /** gain + weighted expected variance reduction */
  value: number;
  /** P(level within one) of the competence's settlement now (progress) */
  withinOneNow: number;
}

export function isSettled(settlement: Settlement, config: BayesConfig): boolean {
  return settlement.exactProbability >= config.exactLevelConfidence && settlement.withinOneProbability >= config.withinOneLevelConfidence;
}

/**
 * Whether a competence still needs questions: below its minimum or maximum number of answers, not
 * settled, or settled but one more answer is expected to raise its settlement value by more than
 * `continueGain` (the best gain is given by the caller).
 */
export function isOpen(competence: CompetenceState, now: Settlement, best: BestGains, config: BayesConfig): boolean {
  if (competence.answeredCount >= config.maximumQuestionsPerCompetence) return false;
  // A competence is never settled on the prior alone: the level must rest on its own answers.
  if (competence.answeredCount < config.minimumQuestionsPerCompetence) return true;
  // …nor on fewer than `minimumQuestionsWhenUncertain` answers while its level is uncertain.
  if (competence.answeredCount < config.minimumQuestionsWhenUncertain && now.exactProbability < config.uncertainBelow) return true;
  if (best.gain <= config.minimumGain) return false;
  return !isSettled(now, config) || best.gain > config.continueGain || best.exactGain > config.exactContinueGain;
}

/** Best expected gains of a competence's candidates: of the settlement value, and of P(exact) alone. */
export interface BestGains {
  gain: number;
  exactGain: number;
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

interface Valued {
  gain: number;
  exactGain: number;
  value: number;
}

/** What an answer on `skillId` changes: a first answer decides it, a second one keeps or contests it. */
function changeAfter(skillId: string, firstResult: boolean | undefined, correct: boolean): DecisionChange | undefined {
  if (firstResult === undefined) return { skillId, validated: correct };
  return correct === firstResult ? undefined : { skillId, validated: undefined };
}

function candidateValue(input: SelectionInput, competence: CompetenceState, skillId: string, firstResult: boolean | undefined, challenge: Challenge, now: Settlement): Valued {
  const { state, config } = input;
  const curve = state.curveOf(challenge.discriminant, challenge.difficulty);
  const pOk = predictiveSuccess(competence.posterior, curve);
  const varianceNow = posteriorVariance(state.grid, competence.posterior);
  let expected = 0;
  let expectedExact = 0;
  let expectedVariance = 0;
  for (const correct of [true, false]) {
    const weight = correct ? pOk : 1 - pOk;
    if (weight <= 0) continue;
    const posterior = updatePosterior(competence.posterior, curve, correct);
    const after = settle(competence.frame, competence.decisions, posterior, config, changeAfter(skillId, firstResult, correct));
    expected += weight * settlementValue(after, config);
    expectedExact += weight * after.exactProbability;
    expectedVariance += weight * posteriorVariance(state.grid, posterior);
  }
  const gain = expected - settlementValue(now, config);
  return { gain, exactGain: expectedExact - now.exactProbability, value: gain + config.informationWeight * (varianceNow - expectedVariance) };
}

/** Candidates of the competences still open, in target order (empty when the assessment is over). */
export function rankCandidates(input: SelectionInput): Candidate[] {
  const { index, state, config } = input;
  const drafts: { competence: CompetenceState; skillId: string; firstResult?: boolean; challenge: Challenge; now: Settlement }[] = [];
  const settlements = new Map<string, Settlement>();
  for (const competence of state.competences.values()) {
    if (competence.answeredCount >= config.maximumQuestionsPerCompetence) continue;
    const now = settle(competence.frame, competence.decisions, competence.posterior, config);
    settlements.set(competence.frame.competenceId, now);
    for (const node of competence.frame.skills) {
      const skillId = node.skill.id;
      const asked = state.answersBySkill.get(skillId)?.length ?? 0;
      // Never asked here: a candidate unless assessed elsewhere. Asked once: second chance. Twice: done.
      const firstResult = asked === 1 ? competence.decisions.get(skillId) : undefined;
      if (asked === 0 ? competence.decisions.has(skillId) : asked > 1 || config.answersPerSkill < 2 || firstResult === undefined) continue;
      const remaining = servableChallenges(index, skillId, input.locale).filter((c) => !input.answeredChallengeIds.has(c.id));
      const challenge = chooseChallenge(remaining, input.lastAnswerWasTimed, `${input.assessmentId}:${input.answeredCount}:${skillId}`);
      if (challenge) drafts.push({ competence, skillId, firstResult, challenge, now });
    }
  }
  const untimed = drafts.filter((d) => !isTimed(d.challenge));
  const allowed = input.lastAnswerWasTimed && untimed.length > 0 ? untimed : drafts;
  // Same competence, calibration and pix value: same outcomes, valued once.
  const memo = new Map<string, Valued>();
  const scored = allowed.map((d) => {
    const node = d.competence.frame.nodeById.get(d.skillId);
    const key = `${d.competence.frame.competenceId}|${d.challenge.discriminant}|${d.challenge.difficulty}|${node?.gridIndex}|${node?.skill.pixValue}|${d.firstResult}`;
    let valued = memo.get(key);
    if (!valued) {
      valued = candidateValue(input, d.competence, d.skillId, d.firstResult, d.challenge, d.now);
      memo.set(key, valued);
    }
    return { competenceId: d.competence.frame.competenceId, skillId: d.skillId, challenge: d.challenge, ...valued, withinOneNow: d.now.withinOneProbability };
  });
  const bestGains = new Map<string, BestGains>();
  for (const c of scored) {
    const best = bestGains.get(c.competenceId) ?? { gain: -Infinity, exactGain: -Infinity };
    bestGains.set(c.competenceId, { gain: Math.max(best.gain, c.gain), exactGain: Math.max(best.exactGain, c.exactGain) });
  }
  return scored.filter((c) => {
    const competence = state.competences.get(c.competenceId);
    const now = settlements.get(c.competenceId);
    return competence !== undefined && now !== undefined && isOpen(competence, now, bestGains.get(c.competenceId) ?? { gain: -Infinity, exactGain: -Infinity }, config);
  });
}

/** The best candidate; among equal values, one chosen by the assessment id and the answer count. */
export function pickCandidate(candidates: Candidate[], assessmentId: string, answeredCount: number): Candidate | undefined {
  if (candidates.length === 0) return undefined;
  const best = Math.max(...candidates.map((c) => c.value));
  const tied = candidates.filter((c) => c.value >= best - TIE_EPSILON);
  return tied[Math.abs(hashInt(`${assessmentId}#${answeredCount}`)) % tied.length];
}
