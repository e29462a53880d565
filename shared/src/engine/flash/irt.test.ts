import { describe, expect, it } from 'vitest';
import { fisherInformation, minimumCapability, probabilityOfSuccess } from './irt';

describe('2PL model', () => {
  it.each([
    { theta: 0, a: 1.6, b: 0, p: 0.5 },
    { theta: 1, a: 1, b: 0, p: 1 / (1 + Math.exp(-1)) },
    { theta: -1, a: 2, b: 0, p: 1 / (1 + Math.exp(2)) },
  ])('P(θ=$theta | a=$a, b=$b) = $p', ({ theta, a, b, p }) => {
    expect(probabilityOfSuccess(theta, a, b)).toBeCloseTo(p, 12);
  });

  it('information is a²/4 at θ = b and decreases away from b', () => {
    expect(fisherInformation(0.7, 1.6, 0.7)).toBeCloseTo(1.6 ** 2 / 4, 12);
    expect(fisherInformation(1.7, 1.6, 0.7)).toBeLessThan(fisherInformation(1.2, 1.6, 0.7));
    expect(fisherInformation(-0.3, 1.6, 0.7)).toBeCloseTo(fisherInformation(1.7, 1.6, 0.7), 12);
  });

  it('minimum capability is where P reaches the threshold (0.95 by default)', () => {
    const capability = minimumCapability(0.9, 1.6);
    expect(capability).toBeCloseTo(0.9 + Math.log(19) / 1.6, 12);
    expect(probabilityOfSuccess(capability, 1.6, 0.9)).toBeCloseTo(0.95, 12);
    expect(probabilityOfSuccess(minimumCapability(0, 1.4, 0.8), 1.4, 0)).toBeCloseTo(0.8, 12);
  });
});
