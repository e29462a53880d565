/**
 * How long a login must wait after failed ones (issue 13, ADR 0004): progressive delays, never a lock.
 *
 * Failures are counted in three scopes, each with its own ladder: the pair (account, source address),
 * the account across every source, and the source across every account. A ladder lets `free` failures
 * through, then each further failure doubles the wait after it, from `baseMs` up to `capMs`. The wait runs
 * from the scope's latest failure; the login waits for the longest of the three. The account ladder is
 * mild on purpose: a classmate failing from another PC only delays the real pupil by seconds.
 *
 * Pure: failure counts and times come in, a wait comes out; the clock is the caller's.
 */

export interface DelayLadder {
  /** failures within the window that cost nothing */
  free: number;
  /** wait after the first failure past `free`; doubled by each further one */
  baseMs: number;
  capMs: number;
  /** failures older than this are forgotten */
  windowMs: number;
}

export type ThrottleScope = 'pair' | 'account' | 'source';

export type LoginThrottlePolicy = Record<ThrottleScope, DelayLadder>;

const SECOND = 1000;
const HOUR = 3600 * SECOND;

/** The numbers of ADR 0004. */
export const LOGIN_THROTTLE: LoginThrottlePolicy = {
  pair: { free: 4, baseMs: SECOND, capMs: 5 * 60 * SECOND, windowMs: HOUR },
  account: { free: 9, baseMs: SECOND, capMs: 30 * SECOND, windowMs: HOUR },
  source: { free: 49, baseMs: SECOND, capMs: 60 * SECOND, windowMs: HOUR },
};

/** The failures of one scope within its window. */
export interface ScopeFailures {
  count: number;
  /** the latest one, or null when count is 0 */
  lastAtMs: number | null;
}

export type LoginFailures = Record<ThrottleScope, ScopeFailures>;

/** The wait after `count` failures: 0 up to `free`, then base, 2 × base, 4 × base … capped. */
export function ladderDelayMs(ladder: DelayLadder, count: number): number {
  const past = count - ladder.free;
  if (past <= 0) return 0;
  // past ≥ 40 would only overflow towards Infinity; the cap is reached long before.
  return Math.min(ladder.capMs, ladder.baseMs * 2 ** Math.min(past - 1, 40));
}

export interface LoginWait {
  /** the scope whose wait is the longest (for logs, never shown: it would tell an account exists) */
  scope: ThrottleScope;
  retryAfterMs: number;
}

/** The wait before a login may be tried at `nowMs`, or null when it may be tried now. */
export function loginWait(failures: LoginFailures, nowMs: number, policy: LoginThrottlePolicy = LOGIN_THROTTLE): LoginWait | null {
  let wait: LoginWait | null = null;
  for (const scope of ['pair', 'account', 'source'] as const) {
    const { count, lastAtMs } = failures[scope];
    if (lastAtMs === null) continue;
    const retryAfterMs = lastAtMs + ladderDelayMs(policy[scope], count) - nowMs;
    if (retryAfterMs > 0 && (wait === null || retryAfterMs > wait.retryAfterMs)) wait = { scope, retryAfterMs };
  }
  return wait;
}

/** The longest window of the policy: failures older than this can be forgotten. */
export function longestWindowMs(policy: LoginThrottlePolicy = LOGIN_THROTTLE): number {
  return Math.max(policy.pair.windowMs, policy.account.windowMs, policy.source.windowMs);
}

/** The wait in whole seconds as the API announces it (rounded up: never invite a retry too early). */
export function retryAfterSeconds(wait: LoginWait): number {
  return Math.max(1, Math.ceil(wait.retryAfterMs / SECOND));
}

/** The French message of a 429. Says nothing of which scope waits, so it reveals no account. */
export function tooManyAttemptsMessage(seconds: number): string {
  const wait = seconds < 60 ? `${seconds} seconde${seconds > 1 ? 's' : ''}` : formatMinutes(seconds);
  return `Trop de tentatives de connexion. Réessayez dans ${wait}.`;
}

function formatMinutes(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const head = `${minutes} minute${minutes > 1 ? 's' : ''}`;
  return rest === 0 ? head : `${head} ${rest} s`;
}
