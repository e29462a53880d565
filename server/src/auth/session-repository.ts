/** Repository of sessions (table auth_sessions): only the SHA-256 of a token is ever stored. */
import type { Db } from '../db/database';
import { sql } from '../db/statements';

export function insertSession(db: Db, session: { tokenHash: string; userId: string; createdAt: string; expiresAt: string }): void {
  sql(db, 'INSERT INTO auth_sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
    session.tokenHash,
    session.userId,
    session.createdAt,
    session.expiresAt,
  );
}

export function deleteSessionByHash(db: Db, tokenHash: string): void {
  sql(db, 'DELETE FROM auth_sessions WHERE token_hash = ?').run(tokenHash);
}

/** The user of a session still valid at `now` (statement cached: one lookup per sync request). */
export function sessionUserByHash(db: Db, tokenHash: string, now: Date): string | undefined {
  const row = sql(db, 'SELECT user_id, expires_at FROM auth_sessions WHERE token_hash = ?').get(tokenHash) as { user_id: string; expires_at: string } | undefined;
  return row && row.expires_at > now.toISOString() ? row.user_id : undefined;
}
