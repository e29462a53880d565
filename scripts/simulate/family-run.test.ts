import { describe, expect, it } from 'vitest';
import { indexPack } from '../../shared/src/model/pack-index';
import { syntheticPack } from '../../shared/src/testing/synthetic-pack';
import { familyLearners, familyRoot, type FamilyContext } from './families';
import { simulateFamily } from './family-run';
import { competenceModel, drawTrueTheta, trueScore } from './learner';
import { emptySamples, type EngineSamples } from './report';
import { runEvaluation, type EngineSetup } from './run-evaluation';

const index = indexPack(syntheticPack({ seed: 5 }));
const models = index.pack.competences.map((c) => competenceModel(index, c.id, 6)).filter((m) => m.skills.length > 0);
const engines: EngineSetup[] = [
  { key: 'smartRandom', label: 'Smart random', method: 'SMART_RANDOM' },
  { key: 'flash', label: 'Flash', method: 'FLASH' },
];
const context: FamilyContext = { index, models, seed: 2, learners: 25, guess: 0.1, slip: 0.05 };
const strip = (s: EngineSamples) => ({ ...s, pickMs: s.pickMs.length, levels: undefined });

function run(name: Parameters<typeof familyLearners>[0]): Map<string, EngineSamples> {
  const samples = new Map(engines.map((e) => [e.key, emptySamples()]));
  simulateFamily({ index, learners: familyLearners(name, context), engines, guess: 0.1, slip: 0.05, maxReachableLevel: 6, seed: 2, samples: (k) => samples.get(k) ?? emptySamples() });
  return samples;
}

describe('simulateFamily', () => {
  it('today: the same samples as the historical loop (competence, θ, 2PL run per engine)', () => {
    const families = run('today');
    const root = familyRoot('today', 2);
    const historical = new Map(engines.map((e) => [e.key, emptySamples()]));
    for (let i = 0; i < 25; i++) {
      const learnerRng = root.fork(`learner-${i}`);
      const model = models[learnerRng.nextInt(models.length)];
      const theta = drawTrueTheta(model, learnerRng);
      const truth = trueScore(model, theta, 6);
      for (const engine of engines) {
        const outcome = runEvaluation({ index, model, learnerId: `learner-${i}`, theta, engine, guess: 0.1, slip: 0.05, maxReachableLevel: 6, rng: learnerRng.fork(engine.key) });
        const s = historical.get(engine.key) ?? emptySamples();
        s.questions.push(outcome.questions);
        s.levelErrors.push(Math.abs(outcome.level - truth.level));
        s.pixErrors.push(Math.abs(outcome.pix - truth.pix));
        for (const ms of outcome.pickMs) s.pickMs.push(ms);
      }
    }
    for (const engine of engines) expect(strip(families.get(engine.key) ?? emptySamples())).toEqual(strip(historical.get(engine.key) ?? emptySamples()));
  });

  it('steps: one level per (competence, L) and engine, tagged with L and the seed', () => {
    const samples = run('steps').get('smartRandom') ?? emptySamples();
    expect(samples.levels).toHaveLength(models.length * 8);
    expect(samples.levels?.every((o) => o.seed === 2 && o.stepLevel !== undefined)).toBe(true);
    expect(samples.levels?.filter((o) => o.stepLevel === 0).every((o) => o.trueLevel === 0)).toBe(true);
  });

  it('skippers are scored 0 by every engine', () => {
    for (const samples of run('skippers').values()) expect(samples.levels?.every((o) => o.engineLevel === 0 && o.trueLevel === 0)).toBe(true);
  });
});
