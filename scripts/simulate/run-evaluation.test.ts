import { describe, expect, it } from 'vitest';
import { indexPack } from '../../shared/src/model/pack-index';
import { createRng } from '../../shared/src/random/seeded-rng';
import { syntheticPack } from '../../shared/src/testing/synthetic-pack';
import { competenceModel, trueScore } from './learner';
import { runEvaluation, type EngineSetup } from './run-evaluation';

const index = indexPack(syntheticPack({ seed: 11 }));
const model = competenceModel(index, 'competence-1-1', 6);
const engines: EngineSetup[] = [
  { key: 'smartRandom', label: 'Smart random', method: 'SMART_RANDOM' },
  { key: 'flash', label: 'Flash', method: 'FLASH', flash: { limitToOneQuestionPerTube: false } },
];

describe('runEvaluation', () => {
  it.each(engines)('$key: a learner who never slips nor guesses far above or below the content is scored at the bounds', (engine) => {
    const base = { index, model, engine, guess: 0, slip: 0, maxReachableLevel: 6 };
    const expert = runEvaluation({ ...base, learnerId: 'expert', theta: 8, rng: createRng('e') });
    const novice = runEvaluation({ ...base, learnerId: 'novice', theta: -8, rng: createRng('n') });
    expect(expert.level).toBe(trueScore(model, 8, 6).level);
    expect(novice.level).toBe(0);
    expect(expert.questions).toBeGreaterThan(0);
    // one timing per call, the last one being the call that ends the evaluation
    expect(expert.pickMs).toHaveLength(expert.questions + 1);
  });

  it.each(engines)('$key: same seed, same run', (engine) => {
    const input = { index, model, engine, guess: 0.1, slip: 0.05, maxReachableLevel: 6, learnerId: 'l', theta: 0.3 };
    const a = runEvaluation({ ...input, rng: createRng('same') });
    const b = runEvaluation({ ...input, rng: createRng('same') });
    expect({ ...a, pickMs: [] }).toEqual({ ...b, pickMs: [] });
  });

  it.each(engines)('$key: an answer policy replaces the 2PL (always « Je passe » → level 0, always right → the 2PL expert\'s level)', (engine) => {
    const base = { index, model, engine, guess: 0.1, slip: 0.05, maxReachableLevel: 6, rng: createRng('p') };
    const skipper = runEvaluation({ ...base, learnerId: 'skipper', answer: () => 'aband' });
    const expert = runEvaluation({ ...base, learnerId: 'expert', answer: () => 'ok' });
    expect(skipper).toMatchObject({ level: 0, pix: 0 });
    expect(skipper.questions).toBeGreaterThan(0);
    expect(expert.level).toBe(trueScore(model, 8, 6).level);
  });

  it('a policy sees the challenge and the past answers of the assessment', () => {
    const seen: number[] = [];
    runEvaluation({
      index, model, engine: engines[0], guess: 0.1, slip: 0.05, maxReachableLevel: 6, rng: createRng('q'), learnerId: 'l',
      answer: (challenge, _rng, past) => {
        seen.push(past.length);
        expect(challenge.skillId).toMatch(/^skill-/);
        return past.length % 2 === 0 ? 'ok' : 'ko';
      },
    });
    expect(seen).toEqual(seen.map((_, i) => i));
  });
});
