import { describe, expect, it } from 'vitest';
import { createKnowledgeElements } from '../../scoring/knowledge-elements';
import { buildAnswer, buildIndex, challengeIdOf, skillIdOf } from '../../testing/builders';
import { abilityGrid, gaussianPrior } from './ability-grid';
import { DEFAULT_BAYES_CONFIG } from './bayes-config';
import { competenceFrames, levelOfPix } from './competence-frame';
import { decideAnswer, settle } from './settlement';

const index = buildIndex({ competences: [{ index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3, 4] }, { name: '@mail', levels: [1, 2, 3] }] }] });
const targets = index.pack.skills.map((s) => s.id);
const grid = abilityGrid(DEFAULT_BAYES_CONFIG);
const frame = [...competenceFrames(index, targets, grid, 6).values()][0];
/** A posterior concentrated at θ. */
const pointMass = (theta: number) => gaussianPrior(grid, theta, 0.01);

describe('levelOfPix', () => {
  it.each([
    [0, 6, 0], [7.9999999999, 6, 1], [16, 6, 2], [60, 6, 6], [60, 5, 5],
  ])('%f pix (max %i) → level %i', (pix, max, level) => {
    expect(levelOfPix(pix, max)).toBe(level);
  });
});

describe('competence frame', () => {
  it('gives the level of every ability: level L once every skill of b ≤ θ is validated', () => {
    // Two skills per level 1..3 (4 pix each), one at level 4 (capped at 4 pix).
    const levelAt = (theta: number) => frame.levelAt[grid.indexOf(theta)];
    expect([levelAt(-4), levelAt(-2.25), levelAt(-1.35), levelAt(-0.45), levelAt(0.45), levelAt(3)]).toEqual([0, 1, 2, 3, 3, 3]);
  });
});

describe('decideAnswer follows §2.1 like createKnowledgeElements', () => {
  it.each([
    { skill: ['@web', 2], correct: true },
    { skill: ['@web', 2], correct: false },
    { skill: ['@web', 4], correct: true },
    { skill: ['@mail', 1], correct: false },
  ] as const)('$skill ok=$correct', ({ skill: [tube, level], correct }) => {
    const decided = decideAnswer(frame, new Map(), skillIdOf(tube, level), correct);
    const challenge = index.challengesById.get(challengeIdOf(tube, level));
    if (!challenge) throw new Error('challenge missing');
    const kes = createKnowledgeElements({
      answer: buildAnswer({ challengeId: challenge.id, result: correct ? 'ok' : 'ko' }), challenge, index, targetSkillIds: new Set(targets), knowledgeElements: [],
    });
    expect(new Map(kes.map((ke) => [ke.skillId, ke.status === 'validated']))).toEqual(decided);
  });

  it('an already decided skill changes nothing', () => {
    const before = new Map([[skillIdOf('@web', 2), false]]);
    expect(decideAnswer(frame, before, skillIdOf('@web', 2), true)).toEqual(before);
  });
});

describe('settle', () => {
  it.each([
    { theta: 0, level: 3, validated: 6, invalidated: 1 },
    { theta: -1.8, level: 1, validated: 2, invalidated: 5 },
    { theta: -4.5, level: 0, validated: 0, invalidated: 7 },
  ])('a sure ability θ=$theta infers every untested skill and the level $level for sure', ({ theta, level, validated, invalidated }) => {
    const s = settle(frame, new Map(), pointMass(theta), 0.95);
    expect(s.level).toBe(level);
    expect(s.exactProbability).toBeCloseTo(1, 6);
    expect([...s.inferred.values()].filter(Boolean)).toHaveLength(validated);
    expect([...s.inferred.values()].filter((v) => !v)).toHaveLength(invalidated);
  });

  it('a direct failure below the ability lowers the KE level and its probability of being right', () => {
    const s = settle(frame, new Map([[skillIdOf('@web', 1), false]]), pointMass(0), 0.95);
    expect(s.level).toBe(2);
    expect(s.exactProbability).toBeCloseTo(0, 6);
    expect(s.withinOneProbability).toBeCloseTo(1, 6);
  });

  it('an unsure ability infers nothing and leaves level 0', () => {
    const s = settle(frame, new Map(), gaussianPrior(grid, 0, 3), 0.95);
    expect(s.inferred.size).toBe(0);
    expect(s.level).toBe(0);
    expect(s.exactProbability).toBeLessThan(0.5);
  });
});
