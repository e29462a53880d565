/**
 * Brute-force protection: ten failed logins for one account within ten minutes lock that account
 * (429) until the oldest failure leaves the window. Stored in SQLite so a restart does not reset it.
 */
import type { Db } from '../db/database';
import { countFailuresSince, deleteFailures, insertFailure } from './login-failure-repository';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 10 * 60 * 1000;

export function isLocked(db: Db, accountKey: string, nowMs: number): boolean {
  return countFailuresSince(db, accountKey, nowMs - WINDOW_MS) >= MAX_FAILURES;
}

export function recordFailure(db: Db, accountKey: string, nowMs: number): void {
  insertFailure(db, accountKey, nowMs, nowMs - WINDOW_MS);
}

export function clearFailures(db: Db, accountKey: string): void {
  deleteFailures(db, accountKey);
}
