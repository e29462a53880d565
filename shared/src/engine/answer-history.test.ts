import { describe, expect, it } from 'vitest';
import { buildAnswer } from '../testing/builders';
import { orderAnswers } from './answer-history';

describe('orderAnswers', () => {
  it('sorts by createdAt then id and keeps the first answer to a challenge', () => {
    const answers = [
      buildAnswer({ id: 'c', challengeId: 'ch-2', createdAt: '2025-01-01T10:02:00.000Z' }),
      buildAnswer({ id: 'b', challengeId: 'ch-1', createdAt: '2025-01-01T10:00:00.000Z', result: 'ko' }),
      buildAnswer({ id: 'a', challengeId: 'ch-3', createdAt: '2025-01-01T10:00:00.000Z' }),
      buildAnswer({ id: 'd', challengeId: 'ch-1', createdAt: '2025-01-01T10:05:00.000Z', result: 'ok' }),
    ];
    expect(orderAnswers(answers).map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });

  it('does not modify its input', () => {
    const answers = [buildAnswer({ id: 'z', createdAt: '2025-01-02T00:00:00.000Z' }), buildAnswer({ id: 'y', challengeId: 'ch-2' })];
    orderAnswers(answers);
    expect(answers.map((a) => a.id)).toEqual(['z', 'y']);
  });
});
