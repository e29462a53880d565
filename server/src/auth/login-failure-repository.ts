/**
 * Repository of failed logins (table login_failures: account key, source, time), for login-throttle.ts.
 * A row is written when an attempt starts and deleted if it succeeds, so concurrent attempts see each other.
 */
import type { LoginFailures, ScopeFailures } from '../../../shared/src/accounts/login-throttle';
import type { Db } from '../db/database';

export interface AttemptKey {
  account: string;
  source: string;
}

type Row = { n: number; last: number | null };

function scope(row: Row): ScopeFailures {
  return { count: row.n, lastAtMs: row.n === 0 ? null : row.last };
}

/** The failures of the pair, the account and the source, each since its own time. */
export function findFailures(db: Db, key: AttemptKey, since: Record<keyof LoginFailures, number>): LoginFailures {
  const select = 'SELECT count(*) AS n, max(at_ms) AS last FROM login_failures';
  return {
    pair: scope(db.prepare(`${select} WHERE account_key = ? AND source = ? AND at_ms > ?`).get(key.account, key.source, since.pair) as Row),
    account: scope(db.prepare(`${select} WHERE account_key = ? AND at_ms > ?`).get(key.account, since.account) as Row),
    source: scope(db.prepare(`${select} WHERE source = ? AND at_ms > ?`).get(key.source, since.source) as Row),
  };
}

/** Records a failure and forgets every one older than `forgetBeforeMs`. */
export function insertFailure(db: Db, key: AttemptKey, atMs: number, forgetBeforeMs: number): void {
  db.prepare('DELETE FROM login_failures WHERE at_ms <= ?').run(forgetBeforeMs);
  db.prepare('INSERT INTO login_failures (account_key, source, at_ms) VALUES (?, ?, ?)').run(key.account, key.source, atMs);
}

/** Forgets the failures of one account from one source (those from other sources stay). */
export function deletePairFailures(db: Db, key: AttemptKey): void {
  db.prepare('DELETE FROM login_failures WHERE account_key = ? AND source = ?').run(key.account, key.source);
}
