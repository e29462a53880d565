import { describe, expect, it } from 'vitest';
import { indexPack } from '../../shared/src/model/pack-index';
import { createRng } from '../../shared/src/random/seeded-rng';
import { buildIndex } from '../../shared/src/testing/builders';
import { syntheticPack } from '../../shared/src/testing/synthetic-pack';
import { answerProbability, competenceModel, drawTrueTheta, trueScore } from './learner';

describe('answerProbability', () => {
  it.each([
    { theta: 0, b: 0, g: 0.1, s: 0.05, expected: 0.1 + 0.85 * 0.5 },
    { theta: 20, b: 0, g: 0.1, s: 0.05, expected: 0.95 },
    { theta: -20, b: 0, g: 0.1, s: 0.05, expected: 0.1 },
    { theta: 1, b: 0, g: 0, s: 0, expected: 1 / (1 + Math.exp(-1.6)) },
  ])('θ=$theta b=$b g=$g s=$s → $expected', ({ theta, b, g, s, expected }) => {
    expect(answerProbability(theta, { difficulty: b, discriminant: 1.6 }, g, s)).toBeCloseTo(expected, 6);
  });
});

describe('true level', () => {
  // one tube 1..6, one skill per level ⇒ each skill is worth 4 pix (cap), so 2 skills = 1 level:
  // use two tubes so that each level is worth 8 pix. b(level) = (level − 3.5)·0.9.
  const index = buildIndex({ competences: [{ index: '1.1', tubes: [{ name: '@a', levels: [1, 2, 3, 4, 5, 6] }, { name: '@b', levels: [1, 2, 3, 4, 5, 6] }] }] });
  const model = competenceModel(index, 'competence-1-1', 6);

  it.each([
    { theta: -3, level: 0 },
    { theta: -2.25, level: 1 },
    { theta: -1.36, level: 1 },
    { theta: 0.45, level: 4 },
    { theta: 2.25, level: 6 },
    { theta: 9, level: 6 },
  ])('θ = $theta → level $level', ({ theta, level }) => {
    expect(trueScore(model, theta, 6).level).toBe(level);
  });

  it('level bands are contiguous and cover 0..6', () => {
    expect(model.bands.map((b) => b.level)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (let i = 1; i < model.bands.length; i++) expect(model.bands[i].from).toBe(model.bands[i - 1].to);
  });

  it('drawn θ give each level of the competence about equally often', () => {
    const rng = createRng('theta');
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 7000; i++) counts[trueScore(model, drawTrueTheta(model, rng), 6).level]++;
    for (const count of counts) expect(Math.abs(count - 1000)).toBeLessThan(120);
  });

  it('on the synthetic pack, true levels cover 0..6', () => {
    const synthetic = indexPack(syntheticPack({ seed: 3 }));
    const rng = createRng('theta');
    const seen = new Set<number>();
    for (const competence of synthetic.pack.competences) {
      const m = competenceModel(synthetic, competence.id, 6);
      for (let i = 0; i < 50; i++) seen.add(trueScore(m, drawTrueTheta(m, rng), 6).level);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
