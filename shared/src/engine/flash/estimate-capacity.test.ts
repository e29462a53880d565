import { describe, expect, it } from 'vitest';
import {
  CAPACITY_GRID,
  DEFAULT_ERROR_RATE,
  estimateCapacity,
  limitVariation,
  type CalibratedResponse,
} from './estimate-capacity';

const ok = (difficulty: number, discriminant = 1.6): CalibratedResponse => ({ difficulty, discriminant, correct: true });
const ko = (difficulty: number, discriminant = 1.6): CalibratedResponse => ({ difficulty, discriminant, correct: false });

/**
 * Independent reference: the same sequential EAP computed as a fine Riemann sum (4001 points) instead
 * of the 81-point grid, without step cap.
 */
function referenceEap(responses: CalibratedResponse[], start: number): number {
  const n = 4001;
  const xs = Array.from({ length: n }, (_, i) => -9 + (18 * i) / (n - 1));
  const like = xs.map(() => 1);
  let theta = start;
  for (const r of responses) {
    let num = 0;
    let den = 0;
    xs.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(r.discriminant * (r.difficulty - x)));
      like[i] *= r.correct ? p : 1 - p;
      const w = like[i] * Math.exp(-((x - theta) ** 2) / 3);
      num += w * x;
      den += w;
    });
    theta = num / den;
  }
  return theta;
}

describe('capacity grid', () => {
  it('has 81 points from −9 to 9 with step 0.225', () => {
    expect(CAPACITY_GRID).toHaveLength(81);
    expect(CAPACITY_GRID[0]).toBe(-9);
    expect(CAPACITY_GRID[80]).toBeCloseTo(9, 12);
    expect(CAPACITY_GRID[1] - CAPACITY_GRID[0]).toBeCloseTo(0.225, 12);
  });
});

describe('estimateCapacity', () => {
  it.each([
    { start: undefined, expected: 0 },
    { start: -3, expected: -3 },
  ])('no answer → start capacity ($start) and error rate 5', ({ start, expected }) => {
    expect(estimateCapacity([], { startCapacity: start })).toEqual({ capacity: expected, errorRate: DEFAULT_ERROR_RATE });
  });

  it.each<{ label: string; responses: CalibratedResponse[]; start: number }>([
    { label: 'one success at b = 0', responses: [ok(0)], start: 0 },
    { label: 'one failure at b = 1', responses: [ko(1)], start: 0 },
    { label: 'success, success, failure', responses: [ok(-1), ok(0.5), ko(1.5)], start: 0 },
    { label: 'v3 start, mixed answers', responses: [ok(-3), ok(-2), ko(0), ok(-1, 1.4), ko(1, 1.4)], start: -3 },
  ])('matches a fine-grid reference EAP: $label', ({ responses, start }) => {
    const { capacity } = estimateCapacity(responses, { startCapacity: start });
    expect(capacity).toBeCloseTo(referenceEap(responses, start), 2);
  });

  it('a success and a failure mirror each other around the start', () => {
    const up = estimateCapacity([ok(0)]).capacity;
    const down = estimateCapacity([ko(0)]).capacity;
    expect(up).toBeGreaterThan(0);
    expect(down).toBeCloseTo(-up, 12);
  });

  it('successes raise and failures lower the estimate', () => {
    const base = estimateCapacity([ok(0), ko(1)]).capacity;
    expect(estimateCapacity([ok(0), ko(1), ok(0.5)]).capacity).toBeGreaterThan(base);
    expect(estimateCapacity([ok(0), ko(1), ko(0.5)]).capacity).toBeLessThan(base);
  });

  it('the error rate shrinks as informative answers accumulate', () => {
    const answers = [ok(-1), ko(1), ok(0), ko(0.5), ok(-0.5), ko(0.3), ok(0.1), ko(0.2)];
    const errors = [2, 4, 8].map((n) => estimateCapacity(answers.slice(0, n)).errorRate);
    expect(errors[0]).toBeLessThan(DEFAULT_ERROR_RATE);
    expect(errors[1]).toBeLessThan(errors[0]);
    expect(errors[2]).toBeLessThan(errors[1]);
  });

  it('with variationPercent every step respects the cap', () => {
    const answers = [ok(3), ok(4), ok(5), ok(6), ko(-2), ko(-3), ok(2)];
    let previous = 0;
    for (let n = 1; n <= answers.length; n++) {
      const { capacity } = estimateCapacity(answers.slice(0, n), { variationPercent: 0.5 });
      const cap = Math.abs(previous) < 0.5 ? 0.5 : Math.abs(previous) * 0.5;
      expect(Math.abs(capacity - previous)).toBeLessThanOrEqual(cap + 1e-12);
      previous = capacity;
    }
    // Without the cap the first step of a success on a very hard item is larger than 0.5.
    expect(estimateCapacity([ok(3)]).capacity).toBeGreaterThan(0.5);
    expect(estimateCapacity([ok(3)], { variationPercent: 0.5 }).capacity).toBe(0.5);
  });
});

describe('limitVariation', () => {
  it.each([
    { previous: 0, next: 2, percent: 0.5, expected: 0.5 },
    { previous: 0.4, next: -3, percent: 0.5, expected: -0.1 },
    { previous: 2, next: 5, percent: 0.5, expected: 3 },
    { previous: -2, next: -5, percent: 0.5, expected: -3 },
    { previous: 2, next: 2.3, percent: 0.5, expected: 2.3 },
    { previous: 1, next: 0, percent: 0.5, expected: 0.5 },
    { previous: 1, next: 7, percent: undefined, expected: 7 },
  ])('$previous → $next with $percent gives $expected', ({ previous, next, percent, expected }) => {
    expect(limitVariation(previous, next, percent)).toBeCloseTo(expected, 12);
  });
});
