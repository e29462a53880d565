import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../testing/builders';
import { abilityGrid } from './ability-grid';
import { DEFAULT_BAYES_CONFIG } from './bayes-config';
import { competenceFrames, levelUniformPrior } from './competence-frame';
import { levelMass } from './settlement';

// Two skills per level 1..3 (4 pix each, b = −2.25, −1.35, −0.45) and one at level 4.
const index = buildIndex({ competences: [{ index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3, 4] }, { name: '@mail', levels: [1, 2, 3] }] }] });
const grid = abilityGrid(DEFAULT_BAYES_CONFIG);
const frame = [...competenceFrames(index, index.pack.skills.map((s) => s.id), grid, 6).values()][0];
const difficulties = frame.skills.map((n) => n.difficulty);

describe('levelUniformPrior', () => {
  it.each([1, 0.6])('margin %f: every level the skills can give has the same mass, none outside the margins', (margin) => {
    const prior = levelUniformPrior(frame, grid, margin);
    const mass = levelMass(frame, prior);
    const reachable = [...new Set(frame.levelAt)];
    for (const level of reachable) expect(mass[level]).toBeCloseTo(1 / reachable.length, 9);
    expect(prior.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 9);
    const low = Math.min(...difficulties) - margin;
    const high = Math.max(...difficulties) + margin;
    grid.forEach((theta, i) => {
      if (theta < low - 1e-9 || theta >= high - 1e-9) expect(prior[i]).toBe(0);
      else expect(prior[i]).toBeGreaterThan(0);
    });
  });

  it('is flat inside a level band', () => {
    const prior = levelUniformPrior(frame, grid, 1);
    const band = grid.map((_, i) => i).filter((i) => frame.levelAt[i] === 2 && prior[i] > 0);
    expect(band.length).toBeGreaterThan(1);
    for (const i of band) expect(prior[i]).toBeCloseTo(prior[band[0]], 12);
  });
});
