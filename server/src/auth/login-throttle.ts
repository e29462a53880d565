/**
 * Brute-force protection by progressive delays (issue 13, ADR 0004), over login-failure-repository.ts;
 * the delays themselves are the pure rule of shared/src/accounts/login-throttle.ts. Stored in SQLite so a
 * restart does not reset them; failures older than the longest window are forgotten.
 *
 * An attempt is counted as a failure from the moment it starts (and forgotten if it succeeds): the
 * password check is slow and asynchronous, so checking first and counting afterwards would let a burst of
 * parallel requests through the ladder before the first failure is written.
 */
import { LOGIN_THROTTLE, loginWait, longestWindowMs, type LoginWait } from '../../../shared/src/accounts/login-throttle';
import type { Db } from '../db/database';
import { deletePairFailures, findFailures, insertFailure, type AttemptKey } from './login-failure-repository';
import type { UserRow } from './user-repository';

export type { AttemptKey };

/** The account a login counts against: the user (e-mail and username alike), or the login typed when it names no one. */
export function attemptAccount(user: UserRow | undefined, login: string): string {
  return user ? `user:${user.id}` : `login:${login.trim().toLowerCase()}`;
}

/** The wait the attempt must honour (nothing recorded), or null once the attempt is recorded as a failure. */
export function startAttempt(db: Db, key: AttemptKey, nowMs: number): LoginWait | null {
  return db.transaction(() => {
    const since = {
      pair: nowMs - LOGIN_THROTTLE.pair.windowMs,
      account: nowMs - LOGIN_THROTTLE.account.windowMs,
      source: nowMs - LOGIN_THROTTLE.source.windowMs,
    };
    const wait = loginWait(findFailures(db, key, since), nowMs);
    if (!wait) insertFailure(db, key, nowMs, nowMs - longestWindowMs());
    return wait;
  })();
}

/** A success: the account's failures from this source are forgotten, other sources' stay. */
export function attemptSucceeded(db: Db, key: AttemptKey): void {
  deletePairFailures(db, key);
}
