/**
 * Entry point of the adaptive engines: chooses the engine from `context.method` and returns the next
 * step. BAYES runs the Bayesian engine of issue 8 (ADR 0002), the default of new competence evaluations
 * and campaigns (engine-choice.ts); SMART_RANDOM is Pix's engine, also what an assessment without a
 * method runs; FLASH runs the IRT engine; CERTIFICATION_V2 tests are fixed at start and never reach
 * this function.
 */
import type { PackIndex } from '../model/pack-index';
import type { AnswerEvent } from '../model/types';
import { nextBayesChallenge } from './bayes/bayes';
import { nextFlashChallenge } from './flash/flash';
import { nextSmartRandomChallenge } from './smart-random/smart-random';
import type { EngineContext, EngineStep } from './types';

export function nextChallenge(index: PackIndex, context: EngineContext, answers: AnswerEvent[]): EngineStep {
  switch (context.method ?? 'SMART_RANDOM') {
    case 'FLASH':
      return nextFlashChallenge(index, context, answers);
    case 'BAYES':
      return nextBayesChallenge(index, context, answers);
    case 'SMART_RANDOM':
    case 'CERTIFICATION_V2':
    default:
      return nextSmartRandomChallenge(index, context, answers);
  }
}

export { CHECKPOINT_EVERY, progressInCheckpoint } from './checkpoint';
export type { EngineContext, EngineStep } from './types';
