import { describe, expect, it } from 'vitest';
import {
  ladderDelayMs,
  LOGIN_THROTTLE,
  loginWait,
  longestWindowMs,
  retryAfterSeconds,
  tooManyAttemptsMessage,
  type LoginFailures,
  type ScopeFailures,
} from './login-throttle';

const S = 1000;
const none: ScopeFailures = { count: 0, lastAtMs: null };
const NOW = 1_000_000_000;

function failures(partial: Partial<LoginFailures>): LoginFailures {
  return { pair: none, account: none, source: none, ...partial };
}

describe('ladderDelayMs', () => {
  it.each([
    // scope, failures, wait after them
    ['pair', 0, 0],
    ['pair', 4, 0],
    ['pair', 5, 1 * S],
    ['pair', 6, 2 * S],
    ['pair', 7, 4 * S],
    ['pair', 13, 256 * S],
    ['pair', 14, 300 * S],
    ['pair', 1000, 300 * S],
    ['account', 9, 0],
    ['account', 10, 1 * S],
    ['account', 14, 16 * S],
    ['account', 15, 30 * S],
    ['account', 30, 30 * S],
    ['source', 49, 0],
    ['source', 50, 1 * S],
    ['source', 55, 32 * S],
    ['source', 56, 60 * S],
    ['source', 10_000, 60 * S],
  ] as const)('%s: after %i failures → %i ms', (scope, count, expected) => {
    expect(ladderDelayMs(LOGIN_THROTTLE[scope], count)).toBe(expected);
  });
});

describe('loginWait', () => {
  it.each([
    ['no failure at all', failures({}), null],
    ['four failures of the pair cost nothing', failures({ pair: { count: 4, lastAtMs: NOW } }), null],
    ['the fifth of the pair: 1 s from it', failures({ pair: { count: 5, lastAtMs: NOW } }), { scope: 'pair', retryAfterMs: 1 * S }],
    ['time already spent counts', failures({ pair: { count: 7, lastAtMs: NOW - 3 * S } }), { scope: 'pair', retryAfterMs: 1 * S }],
    ['a wait already over', failures({ pair: { count: 7, lastAtMs: NOW - 4 * S } }), null],
    [
      'thirty failures from another PC: only the mild account wait',
      failures({ account: { count: 30, lastAtMs: NOW } }),
      { scope: 'account', retryAfterMs: 30 * S },
    ],
    [
      'the longest of the scopes wins',
      failures({ pair: { count: 6, lastAtMs: NOW }, account: { count: 12, lastAtMs: NOW }, source: { count: 50, lastAtMs: NOW } }),
      { scope: 'account', retryAfterMs: 4 * S },
    ],
    [
      'a spraying source waits even on an account it never tried',
      failures({ source: { count: 52, lastAtMs: NOW - 1 * S } }),
      { scope: 'source', retryAfterMs: 3 * S },
    ],
    ['a school behind one address: 49 uncleared failures cost nothing', failures({ source: { count: 49, lastAtMs: NOW } }), null],
  ] as const)('%s', (_label, given, expected) => {
    expect(loginWait(given, NOW)).toEqual(expected);
  });
});

describe('announced wait', () => {
  it.each([
    [1, 1],
    [999, 1],
    [1000, 1],
    [1001, 2],
    [29_500, 30],
  ])('%i ms → %i s (rounded up)', (retryAfterMs, seconds) => {
    expect(retryAfterSeconds({ scope: 'pair', retryAfterMs })).toBe(seconds);
  });

  it.each([
    [1, 'Trop de tentatives de connexion. Réessayez dans 1 seconde.'],
    [30, 'Trop de tentatives de connexion. Réessayez dans 30 secondes.'],
    [60, 'Trop de tentatives de connexion. Réessayez dans 1 minute.'],
    [256, 'Trop de tentatives de connexion. Réessayez dans 4 minutes 16 s.'],
    [300, 'Trop de tentatives de connexion. Réessayez dans 5 minutes.'],
  ])('%i s → « %s »', (seconds, message) => {
    expect(tooManyAttemptsMessage(seconds)).toBe(message);
  });

  it('failures are kept as long as the longest window', () => {
    expect(longestWindowMs()).toBe(3600 * S);
  });
});
