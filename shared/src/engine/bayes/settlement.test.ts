import { describe, expect, it } from 'vitest';
import { buildIndex, skillIdOf } from '../../testing/builders';
import { abilityGrid, gaussianPrior } from './ability-grid';
import { DEFAULT_BAYES_CONFIG } from './bayes-config';
import { competenceFrames, levelOfPix } from './competence-frame';
import { inferredSkills, settle } from './settlement';

const index = buildIndex({ competences: [{ index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3, 4] }, { name: '@mail', levels: [1, 2, 3] }] }] });
const targets = index.pack.skills.map((s) => s.id);
const grid = abilityGrid(DEFAULT_BAYES_CONFIG);
const frame = [...competenceFrames(index, targets, grid, 6).values()][0];
const options = { inferencePlausibility: 0.5, withinOneWeight: 1 };
/** A posterior concentrated at θ. */
const pointMass = (theta: number) => gaussianPrior(grid, theta, 0.01);
const levelTheta = (level: number) => (level - 3.5) * 0.9;

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
    expect([levelAt(-4.2), levelAt(-2.25), levelAt(-1.35), levelAt(-0.45), levelAt(0.45), levelAt(3)]).toEqual([0, 1, 2, 3, 3, 3]);
  });

  it('lists the skills by increasing difficulty', () => {
    const levels = frame.byDifficulty.map((n) => n.skill.level);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
  });
});

describe('settle', () => {
  it.each([
    { theta: 0, level: 3, validated: 6, invalidated: 1 },
    { theta: -1.8, level: 1, validated: 2, invalidated: 5 },
    { theta: -4.5, level: 0, validated: 0, invalidated: 7 },
  ])('a sure ability θ=$theta infers every untested skill and the level $level for sure', ({ theta, level, validated, invalidated }) => {
    const s = settle(frame, new Map(), pointMass(theta), options);
    const inferred = inferredSkills(frame, new Map(), s);
    expect(s.level).toBe(level);
    expect(s.exactProbability).toBeCloseTo(1, 6);
    expect([...inferred.values()].filter(Boolean)).toHaveLength(validated);
    expect([...inferred.values()].filter((v) => !v)).toHaveLength(invalidated);
  });

  it('a direct failure below the ability lowers the KE level but no longer invalidates the harder skills', () => {
    const decisions = new Map([[skillIdOf('@web', 1), false]]);
    const s = settle(frame, decisions, pointMass(0), options);
    const inferred = inferredSkills(frame, decisions, s);
    expect(s.level).toBe(2);
    expect(s.exactProbability).toBeCloseTo(0, 6);
    expect(s.withinOneProbability).toBeCloseTo(1, 6);
    expect(inferred.get(skillIdOf('@web', 3))).toBe(true);
    expect(inferred.has(skillIdOf('@web', 1))).toBe(false);
  });

  it.each([
    { plausibility: 0.5, level: 2 },
    { plausibility: 0.2, level: 3 },
    { plausibility: 0, level: 3 },
  ])('with plausibility $plausibility, a slip is compensated only by a plausible harder skill (level $level)', ({ plausibility, level }) => {
    // θ just below level 4's difficulty: P(θ ≥ b4) ≈ 0.3, so validating @web4 is plausible at 0.2 only.
    const decisions = new Map([[skillIdOf('@web', 1), false]]);
    const posterior = gaussianPrior(grid, levelTheta(4) - 0.25, 0.45);
    expect(settle(frame, decisions, posterior, { ...options, inferencePlausibility: plausibility }).level).toBe(level);
  });

  it('a decision change is settled as if it were in the decisions, without touching them', () => {
    const base = new Map([[skillIdOf('@web', 1), true]]);
    const posterior = pointMass(0);
    const changed = settle(frame, base, posterior, options, { skillId: skillIdOf('@web', 3), validated: false });
    expect(changed).toEqual(settle(frame, new Map([...base, [skillIdOf('@web', 3), false]]), posterior, options));
    expect(base.has(skillIdOf('@web', 3))).toBe(false);
  });

  it('a change to `undefined` leaves the skill to the cut (a contested second answer)', () => {
    const base = new Map([[skillIdOf('@web', 1), false], [skillIdOf('@web', 2), true]]);
    const contested = settle(frame, base, pointMass(2), options, { skillId: skillIdOf('@web', 1), validated: undefined });
    const without = new Map([[skillIdOf('@web', 2), true]]);
    expect(contested).toEqual(settle(frame, without, pointMass(2), options));
    // A strong learner's contested easy skill is then validated by the cut.
    expect(inferredSkills(frame, without, contested).get(skillIdOf('@web', 1))).toBe(true);
  });

  it('an unsure ability gives a level whose exact probability is low', () => {
    const s = settle(frame, new Map(), gaussianPrior(grid, -1.3, 3), options);
    expect(s.exactProbability).toBeLessThan(0.5);
    expect(inferredSkills(frame, new Map(), s).size).toBe(frame.skills.length);
  });
});
