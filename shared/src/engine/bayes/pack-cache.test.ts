import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../testing/builders';
import { bayesConfigOf } from './bayes-config';
import { modelTables } from './pack-cache';

const spec = { competences: [{ index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3] }] }, { index: '1.2', tubes: [{ name: '@mail', levels: [1, 2] }] }] };
const index = buildIndex(spec);
const all = index.pack.skills.map((s) => s.id);

describe('modelTables (per-pack cache)', () => {
  it.each([
    { name: 'same pack and settings', other: () => modelTables(index, bayesConfigOf()), same: true },
    { name: 'other model settings', other: () => modelTables(index, bayesConfigOf({ slip: 0.2 })), same: false },
    { name: 'other prior shape', other: () => modelTables(index, bayesConfigOf({ priorShape: 'gaussian' })), same: false },
    { name: 'another pack', other: () => modelTables(buildIndex(spec), bayesConfigOf()), same: false },
  ])('$name → same tables: $same', ({ other, same }) => {
    expect(modelTables(index, bayesConfigOf()) === other()).toBe(same);
  });

  it('caches the frames per scope and the curves per calibration', () => {
    const tables = modelTables(index, bayesConfigOf());
    expect(tables.framesOf(all, 6)).toBe(tables.framesOf([...all], 6));
    expect(tables.framesOf(all, 6)).not.toBe(tables.framesOf(all, 5));
    expect([...tables.framesOf(all.slice(0, 3), 6).keys()]).toHaveLength(1);
    expect(tables.curveOf(1.6, 0)).toBe(tables.curveOf(1.6, 0));
    expect(tables.curveOf(1.6, 0)[0]).toBeLessThan(tables.curveOf(1.6, 0)[tables.grid.length - 1]);
  });

  it.each([
    { priorShape: 'gaussian' as const, framePrior: false },
    { priorShape: 'levels' as const, framePrior: true },
  ])('prior $priorShape: frames carry their own prior: $framePrior', ({ priorShape, framePrior }) => {
    const frames = modelTables(index, bayesConfigOf({ priorShape })).framesOf(all, 6);
    expect([...frames.values()].every((f) => (f.prior !== undefined) === framePrior)).toBe(true);
  });
});
