import { describe, expect, it } from 'vitest';
import { createRng } from './seeded-rng';

function draw(seed: string | number, count: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => rng.nextFloat());
}

describe('createRng', () => {
  it('replays the same sequence for the same seed, string or number', () => {
    expect(draw('graine', 50)).toEqual(draw('graine', 50));
    expect(draw(42, 10)).toEqual(draw('42', 10));
  });

  it('gives different sequences for different seeds', () => {
    expect(draw('a', 10)).not.toEqual(draw('b', 10));
  });

  it('nextFloat is uniform on [0, 1): mean ≈ 0.5, variance ≈ 1/12, every decile filled', () => {
    const values = draw('uniform', 20_000);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(mean).toBeCloseTo(0.5, 1);
    expect(variance).toBeCloseTo(1 / 12, 2);
    const deciles = new Array<number>(10).fill(0);
    for (const v of values) deciles[Math.floor(v * 10)]++;
    for (const count of deciles) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it.each([1, 2, 7, 100])('nextInt(%i) stays in [0, n) and reaches both ends', (n) => {
    const rng = createRng(`int-${n}`);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const k = rng.nextInt(n);
      expect(Number.isInteger(k)).toBe(true);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(n);
      seen.add(k);
    }
    expect(seen.has(0)).toBe(true);
    expect(seen.has(n - 1)).toBe(true);
  });

  it.each([0, -1, 2.5, Number.NaN])('nextInt(%s) throws', (n) => {
    expect(() => createRng('x').nextInt(n)).toThrow(RangeError);
  });

  it('normal() has mean ≈ 0 and standard deviation ≈ 1', () => {
    const rng = createRng('normal');
    const values = Array.from({ length: 20_000 }, () => rng.normal());
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
    expect(values.every(Number.isFinite)).toBe(true);
  });

  it('fork depends on the seed and label only, not on draws already made', () => {
    const fresh = createRng('root');
    const used = createRng('root');
    for (let i = 0; i < 17; i++) used.nextFloat();
    expect(draw(fresh.fork('x').seed, 5)).toEqual(draw(used.fork('x').seed, 5));
    const a = fresh.fork('x');
    const b = fresh.fork('y');
    expect([a.nextFloat(), a.nextFloat()]).not.toEqual([b.nextFloat(), b.nextFloat()]);
  });
});
