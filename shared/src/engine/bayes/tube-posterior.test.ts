import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../testing/builders';
import { bayesConfigOf } from './bayes-config';
import { bandGrid, competenceFrames } from './tube-model';
import { allTubeMoments, competencePosterior, levelDistribution, noiseMass, normalCdf, tubeMarginal, tubePixTables, upperTails, type Observation } from './tube-posterior';

describe('normalCdf', () => {
  it.each([
    [0, 0.5], [1, 0.8413447], [-1, 0.1586553], [1.96, 0.9750021], [-3, 0.0013499], [8, 1],
  ])('Φ(%d) = %d', (z, expected) => {
    expect(normalCdf(z)).toBeCloseTo(expected, 6);
  });
});

describe('bandGrid', () => {
  it.each([
    { difficulties: [0], points: 2, margin: 1, grid: [-0.75, -0.25, 0.25, 0.75] },
    { difficulties: [1, 0, 1], points: 1, margin: 0.5, grid: [-0.25, 0.5, 1.25] },
    { difficulties: [-2.25, -1.35], points: 3, margin: 0.9, grid: [-3, -2.7, -2.4, -2.1, -1.8, -1.5, -1.2, -0.9, -0.6] },
  ])('$difficulties, $points per band → $grid', ({ difficulties, points, margin, grid }) => {
    expect([...bandGrid(difficulties, points, margin)].map((x) => Math.round(x * 1e6) / 1e6)).toEqual(grid);
  });
});

describe('tube posterior', () => {
  const index = buildIndex({ competences: [{ index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3, 4, 5] }, { name: '@mail', levels: [1, 2, 3, 4, 5] }] }] });
  const config = bayesConfigOf();
  const frame = [...competenceFrames(index, index.pack.skills.map((s) => s.id), 6, config).values()][0];
  const at = (tube: number, level: number, ok: boolean): [number, Observation] => {
    const node = frame.tubes[tube].skills.find((n) => n.skill.level === level);
    if (!node) throw new Error(`no level ${level}`);
    return [tube, { discriminant: node.discriminant, difficulty: node.difficulty, ok }];
  };
  const posteriorOf = (answers: [number, Observation][]) => competencePosterior(frame, frame.tubes.map((_, t) => answers.filter(([tube]) => tube === t).map(([, o]) => o)));
  const levels = (answers: [number, Observation][]) => {
    const posterior = posteriorOf(answers);
    const pix = tubePixTables(frame, new Set());
    return levelDistribution(frame, posterior.weights, allTubeMoments(posterior, pix), 0);
  };

  it('the level distribution is a distribution, and moves with the answers', () => {
    const prior = levels([]);
    expect(prior.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 9);
    const strong = levels([at(0, 5, true), at(1, 5, true), at(0, 4, true), at(1, 4, true)]);
    const weak = levels([at(0, 1, false), at(1, 1, false), at(0, 2, false)]);
    expect(strong.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 9);
    expect(strong.indexOf(Math.max(...strong))).toBe(5);
    expect(weak[0]).toBeGreaterThan(0.8);
  });

  it('each tube keeps its own ladder: a success high in one tube says little about the other when they disagree', () => {
    const posterior = posteriorOf([at(0, 5, true), at(0, 4, true), at(1, 2, false), at(1, 1, false)]);
    const web = upperTails(tubeMarginal(posterior, 0));
    const mail = upperTails(tubeMarginal(posterior, 1));
    const b3 = frame.tubes[0].skills.find((n) => n.skill.level === 3)?.gridIndex ?? 0;
    // one ability per competence would give both tubes the same P(θ ≥ b3)
    expect(web[b3]).toBeGreaterThan(0.6);
    expect(mail[b3]).toBeLessThan(0.2);
    expect(web[b3] - mail[b3]).toBeGreaterThan(0.5);
  });

  it('consistent answers make the consistent learner more likely; a contradiction makes it less likely', () => {
    const prior = noiseMass(posteriorOf([]), 0);
    const consistent = noiseMass(posteriorOf([at(0, 1, true), at(0, 2, true), at(0, 3, false), at(1, 2, true), at(1, 3, false)]), 0);
    const contradicting = noiseMass(posteriorOf([at(0, 1, false), at(0, 2, true), at(0, 4, true), at(0, 3, false), at(1, 1, false), at(1, 3, true)]), 0);
    expect(prior).toBeCloseTo(0.5, 9);
    expect(consistent).toBeGreaterThan(prior);
    expect(contradicting).toBeLessThan(prior);
  });
});
