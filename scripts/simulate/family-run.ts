/**
 * Plays the learners of one family (scripts/simulate/families.ts) through a competence evaluation with
 * every engine and records, per engine, the questions, the level and pix against the truth (the §2.2
 * score of the skills the learner truly masters) and the pick timings. Each engine's run answers with
 * its own fork of the learner's random source, `learner.rng.fork(engine.key)`, as before the families.
 */
import type { PackIndex } from '../../shared/src/model/pack-index';
import type { SimulatedLearner } from './families';
import { masteredScore } from './learner';
import { recordEvaluation, type EngineSamples } from './report';
import { runEvaluation, type EngineSetup } from './run-evaluation';

export interface FamilyRunInput {
  index: PackIndex;
  learners: Iterable<SimulatedLearner>;
  engines: readonly EngineSetup[];
  guess: number;
  slip: number;
  maxReachableLevel: number;
  seed: number;
  samples: (engineKey: string) => EngineSamples;
}

/** Returns how many learners were played. */
export function simulateFamily(input: FamilyRunInput): number {
  let count = 0;
  for (const learner of input.learners) {
    count++;
    const truth = masteredScore(learner.model, learner.mastered, input.maxReachableLevel);
    for (const engine of input.engines) {
      const outcome = runEvaluation({
        index: input.index, model: learner.model, learnerId: learner.learnerId, answer: learner.answer, engine,
        guess: input.guess, slip: input.slip, maxReachableLevel: input.maxReachableLevel, rng: learner.rng.fork(engine.key),
      });
      recordEvaluation(input.samples(engine.key), outcome, truth, {
        competenceId: learner.model.competenceId, seed: input.seed,
        ...(learner.stepLevel !== undefined ? { stepLevel: learner.stepLevel } : {}),
      });
    }
  }
  return count;
}
