/** Repository of failed logins (table login_failures), for login-throttle.ts. */
import type { Db } from '../db/database';

export function countFailuresSince(db: Db, accountKey: string, sinceMs: number): number {
  return (db.prepare('SELECT count(*) AS n FROM login_failures WHERE account_key = ? AND at_ms > ?').get(accountKey, sinceMs) as { n: number }).n;
}

/** Records a failure and forgets those older than `forgetBeforeMs`, in one transaction. */
export function insertFailure(db: Db, accountKey: string, atMs: number, forgetBeforeMs: number): void {
  db.transaction(() => {
    db.prepare('DELETE FROM login_failures WHERE at_ms <= ?').run(forgetBeforeMs);
    db.prepare('INSERT INTO login_failures (account_key, at_ms) VALUES (?, ?)').run(accountKey, atMs);
  })();
}

export function deleteFailures(db: Db, accountKey: string): void {
  db.prepare('DELETE FROM login_failures WHERE account_key = ?').run(accountKey);
}
