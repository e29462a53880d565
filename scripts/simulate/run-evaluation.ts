/**
 * One simulated competence evaluation: the learner answers what the engine asks until it stops; every
 * `nextChallenge` call is timed from the full answer history, as a device would do it. The final
 * level is scored with the engine's own rule (KEs for smart random, capacity → KEs for flash).
 */
import { performance } from 'node:perf_hooks';
import { flashCapacity } from '../../shared/src/engine/flash/flash';
import { flashConfigOf, type FlashConfig } from '../../shared/src/engine/flash/flash-config';
import { flashKnowledgeElements } from '../../shared/src/engine/flash/flash-knowledge-elements';
import { nextChallenge } from '../../shared/src/engine/next-challenge';
import { smartRandomKnowledgeElements } from '../../shared/src/engine/smart-random/smart-random';
import type { EngineContext } from '../../shared/src/engine/types';
import type { PackIndex } from '../../shared/src/model/pack-index';
import type { AnswerEvent, AssessmentMethod, KnowledgeElement } from '../../shared/src/model/types';
import type { Rng } from '../../shared/src/random/seeded-rng';
import { currentKnowledgeElements } from '../../shared/src/scoring/knowledge-elements';
import { answerProbability, scoreOf, type CompetenceModel } from './learner';

export interface EngineSetup {
  key: string;
  label: string;
  method: AssessmentMethod;
  flash?: Partial<FlashConfig>;
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
  theta: number;
  engine: EngineSetup;
  guess: number;
  slip: number;
  maxReachableLevel: number;
  rng: Rng;
}

/** Safety net: no engine should ever ask this many questions in one competence. */
const MAX_QUESTIONS = 200;
const START = Date.UTC(2025, 8, 1, 8, 0, 0);

export function runEvaluation(input: EvaluationInput): EvaluationOutcome {
  const { index, model, engine, rng } = input;
  const context: EngineContext = {
    assessmentId: `${input.learnerId}:${engine.key}`,
    userId: input.learnerId,
    targetSkillIds: model.skills.map((s) => s.id),
    previousKnowledgeElements: [],
    method: engine.method,
    maxReachableLevel: input.maxReachableLevel,
    flash: engine.flash,
  };
  const answers: AnswerEvent[] = [];
  const pickMs: number[] = [];
  for (let n = 0; n <= MAX_QUESTIONS; n++) {
    const started = performance.now();
    const step = nextChallenge(index, context, answers);
    pickMs.push(performance.now() - started);
    if (step.done) break;
    if (n === MAX_QUESTIONS) throw new Error(`Le moteur ${engine.key} ne s'arrête pas (${MAX_QUESTIONS} questions).`);
    const correct = rng.nextFloat() < answerProbability(input.theta, step.challenge, input.guess, input.slip);
    answers.push({
      id: `${context.assessmentId}:${String(n).padStart(3, '0')}`,
      userId: input.learnerId,
      assessmentId: context.assessmentId,
      challengeId: step.challenge.id,
      value: correct ? 'bonne réponse' : 'mauvaise réponse',
      timeout: step.challenge.timer !== undefined ? 10 : null,
      focusedOut: false,
      timeSpent: 30,
      createdAt: new Date(START + n * 30_000).toISOString(),
      result: correct ? 'ok' : 'ko',
    });
  }

  let kes: KnowledgeElement[];
  if (engine.method === 'FLASH') {
    const { capacity } = flashCapacity(index, answers, flashConfigOf(engine.flash));
    kes = flashKnowledgeElements({ index, assessmentId: context.assessmentId, userId: input.learnerId, targetSkillIds: context.targetSkillIds, answers, capacity });
  } else {
    kes = smartRandomKnowledgeElements(index, context, answers);
  }
  const score = scoreOf(currentKnowledgeElements(kes), model.competenceId, input.maxReachableLevel);
  return { questions: answers.length, level: score.level, pix: score.pix, pickMs };
}

