/**
 * One simulated assessment (competence evaluation or campaign): the learner answers what the engine
 * asks until it stops (with a 2PL at their true ability, or with any AnswerPolicy of a learner family);
 * every `nextChallenge` call is timed from the full answer history, as a device would do it. The final levels are scored with the engine's own rule (KEs for smart random and the
 * Bayesian engine, capacity → KEs for flash).
 */
import { performance } from 'node:perf_hooks';
import { bayesKnowledgeElements } from '../../shared/src/engine/bayes/bayes-knowledge-elements';
import { nextBayesChallenge } from '../../shared/src/engine/bayes/bayes';
import type { BayesConfig } from '../../shared/src/engine/bayes/bayes-config';
import { flashCapacity } from '../../shared/src/engine/flash/flash';
import { flashConfigOf, type FlashConfig } from '../../shared/src/engine/flash/flash-config';
import { flashKnowledgeElements } from '../../shared/src/engine/flash/flash-knowledge-elements';
import { nextChallenge } from '../../shared/src/engine/next-challenge';
import { smartRandomKnowledgeElements } from '../../shared/src/engine/smart-random/smart-random';
import type { EngineContext } from '../../shared/src/engine/types';
import type { PackIndex } from '../../shared/src/model/pack-index';
import type { AnswerEvent, AssessmentMethod, Challenge, KnowledgeElement } from '../../shared/src/model/types';
import type { Rng } from '../../shared/src/random/seeded-rng';
import { currentKnowledgeElements } from '../../shared/src/scoring/knowledge-elements';
import { scoreOf, twoPlPolicy, type AnswerPolicy, type AnswerResult, type CompetenceModel, type PastAnswer } from './learner';

export interface EngineSetup {
  key: string;
  label: string;
  method: AssessmentMethod;
  flash?: Partial<FlashConfig>;
  /** Bayesian engine settings overriding DEFAULT_BAYES_CONFIG (variants) */
  bayes?: Partial<BayesConfig>;
}

export interface EvaluationOutcome {
  questions: number;
  level: number;
  pix: number;
  pickMs: number[];
}

export interface EvaluationInput {
  index: PackIndex;
  model: CompetenceModel;
  learnerId: string;
  /** true ability: 2PL answers (ignored when `answer` is given) */
  theta?: number;
  /** how the learner answers, instead of the 2PL at `theta` */
  answer?: AnswerPolicy;
  engine: EngineSetup;
  guess: number;
  slip: number;
  maxReachableLevel: number;
  rng: Rng;
}

/** Safety net: no engine should ever ask this many questions in one competence. */
const MAX_QUESTIONS = 200;
const START = Date.UTC(2025, 8, 1, 8, 0, 0);

/** One competence evaluation: a campaign run on a single competence model. */
export function runEvaluation(input: EvaluationInput): EvaluationOutcome {
  const outcome = runAssessment({
    ...input,
    learners: [{ model: input.model, theta: input.theta ?? Number.NEGATIVE_INFINITY }],
    targetSkillIds: input.model.skills.map((s) => s.id),
  });
  return { questions: outcome.questions, level: outcome.levels[0].level, pix: outcome.levels[0].pix, pickMs: outcome.pickMs };
}

export interface AssessmentInput extends Omit<EvaluationInput, 'model' | 'theta'> {
  /** one true ability per competence of the assessment (the 2PL answers unless `answer` is given) */
  learners: { model: CompetenceModel; theta: number }[];
  targetSkillIds: string[];
}

const ANSWER_VALUES: Record<AnswerResult, string> = { ok: 'bonne réponse', ko: 'mauvaise réponse', aband: '#ABAND#' };

export interface AssessmentOutcome {
  questions: number;
  /** level and pix of each competence, in the order of `learners` */
  levels: { competenceId: string; level: number; pix: number }[];
  pickMs: number[];
}

/**
 * Plays one assessment (competence evaluation or campaign): the learner answers each challenge with
 * `answer` when given, else with the 2PL at the true ability of its competence; the final levels are scored per competence from the engine's KEs.
 */
export function runAssessment(input: AssessmentInput): AssessmentOutcome {
  const { index, engine, rng } = input;
  const thetaByCompetence = new Map(input.learners.map((l) => [l.model.competenceId, l.theta]));
  const competenceOf = (challenge: Challenge): string => index.skillsById.get(challenge.skillId)?.competenceId ?? challenge.competenceId;
  const answer = input.answer ?? twoPlPolicy((c) => thetaByCompetence.get(competenceOf(c)) ?? Number.NEGATIVE_INFINITY, input.guess, input.slip);
  const past: PastAnswer[] = [];
  const context: EngineContext = {
    assessmentId: `${input.learnerId}:${engine.key}`,
    userId: input.learnerId,
    targetSkillIds: input.targetSkillIds,
    previousKnowledgeElements: [],
    method: engine.method,
    maxReachableLevel: input.maxReachableLevel,
    flash: engine.flash,
  };
  const answers: AnswerEvent[] = [];
  const pickMs: number[] = [];
  for (let n = 0; n <= MAX_QUESTIONS; n++) {
    const started = performance.now();
    const step = engine.bayes ? nextBayesChallenge(index, context, answers, engine.bayes) : nextChallenge(index, context, answers);
    pickMs.push(performance.now() - started);
    if (step.done) break;
    if (n === MAX_QUESTIONS) throw new Error(`Le moteur ${engine.key} ne s'arrête pas (${MAX_QUESTIONS} questions).`);
    const result = answer(step.challenge, rng, past);
    past.push({ challenge: step.challenge, result });
    answers.push({
      id: `${context.assessmentId}:${String(n).padStart(3, '0')}`,
      userId: input.learnerId,
      assessmentId: context.assessmentId,
      challengeId: step.challenge.id,
      value: ANSWER_VALUES[result],
      timeout: step.challenge.timer !== undefined ? 10 : null,
      focusedOut: false,
      timeSpent: 30,
      createdAt: new Date(START + n * 30_000).toISOString(),
      result,
    });
  }

  let kes: KnowledgeElement[];
  if (engine.method === 'FLASH') {
    const { capacity } = flashCapacity(index, answers, flashConfigOf(engine.flash));
    kes = flashKnowledgeElements({ index, assessmentId: context.assessmentId, userId: input.learnerId, targetSkillIds: context.targetSkillIds, answers, capacity });
  } else if (engine.method === 'BAYES') {
    kes = bayesKnowledgeElements(index, context, answers, engine.bayes);
  } else {
    kes = smartRandomKnowledgeElements(index, context, answers);
  }
  const current = currentKnowledgeElements(kes);
  const levels = input.learners.map(({ model }) => {
    const score = scoreOf(current, model.competenceId, input.maxReachableLevel);
    return { competenceId: model.competenceId, level: score.level, pix: score.pix };
  });
  return { questions: answers.length, levels, pickMs };
}
