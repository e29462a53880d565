/**
 * Brute-force protection: ten failed logins for one account within ten minutes lock that account
 * (429) until the oldest failure leaves the window. Stored in SQLite so a restart does not reset it.
 */
import type { Db } from '../db/database';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 10 * 60 * 1000;

export function isLocked(db: Db, accountKey: string, nowMs: number): boolean {
  const row = db
    .prepare('SELECT count(*) AS n FROM login_failures WHERE account_key = ? AND at_ms > ?')
    .get(accountKey, nowMs - WINDOW_MS) as { n: number };
  return row.n >= MAX_FAILURES;
}

export function recordFailure(db: Db, accountKey: string, nowMs: number): void {
  db.transaction(() => {
    db.prepare('DELETE FROM login_failures WHERE at_ms <= ?').run(nowMs - WINDOW_MS);
    db.prepare('INSERT INTO login_failures (account_key, at_ms) VALUES (?, ?)').run(accountKey, nowMs);
  })();
}

export function clearFailures(db: Db, accountKey: string): void {
  db.prepare('DELETE FROM login_failures WHERE account_key = ?').run(accountKey);
}
