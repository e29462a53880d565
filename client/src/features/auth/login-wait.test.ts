import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../api/http';
import { retryAtOf, secondsLeft } from './login-wait';

const NOW = 1_700_000_000_000;
const message = 'Trop de tentatives de connexion. Réessayez dans 30 secondes.';

describe('retryAtOf', () => {
  it.each([
    ['a 429 with its wait', new ApiFailure(429, 'TOO_MANY_ATTEMPTS', message, { retryAfterSeconds: 30 }), NOW + 30_000],
    ['a 429 without details', new ApiFailure(429, 'TOO_MANY_ATTEMPTS', message), null],
    ['a 429 with malformed details', new ApiFailure(429, 'TOO_MANY_ATTEMPTS', message, { retryAfterSeconds: 'soon' }), null],
    ['a 429 with a negative wait', new ApiFailure(429, 'TOO_MANY_ATTEMPTS', message, { retryAfterSeconds: -1 }), null],
    ['wrong credentials', new ApiFailure(401, 'INVALID_CREDENTIALS', 'incorrects'), null],
    ['not an ApiFailure', new Error('boom'), null],
  ])('%s', (_label, failure, expected) => {
    expect(retryAtOf(failure, NOW)).toBe(expected);
  });
});

describe('secondsLeft', () => {
  it.each([
    [30_000, 30],
    [29_001, 30],
    [29_000, 29],
    [1, 1],
    [0, 0],
    [-5_000, 0],
  ])('%i ms before the retry → %i s', (remainingMs, seconds) => {
    expect(secondsLeft(NOW + remainingMs, NOW)).toBe(seconds);
  });
});
