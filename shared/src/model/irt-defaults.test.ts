import { describe, expect, it } from 'vitest';
import { challengeIrtDefaults } from './irt-defaults';
import type { ChallengeType } from './types';

describe('challengeIrtDefaults (content/README.md)', () => {
  const cases: [number, ChallengeType, number, number][] = [
    [1, 'QCU', -2.25, 1.4],
    [6, 'QROC', 2.25, 1.6],
    [8, 'QCM', 4.05, 1.6],
    [3, 'QROCM-ind', -0.45, 1.6],
    [4, 'QROCM-dep', 0.45, 1.6],
  ];
  it.each(cases)('level %i %s → difficulty %d, discriminant %d', (level, type, difficulty, discriminant) => {
    expect(challengeIrtDefaults(level, type)).toEqual({ difficulty, discriminant });
  });
});
