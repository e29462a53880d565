/**
 * Session tokens: 32 random bytes, given to the browser in an HttpOnly SameSite=Strict cookie (or as a
 * bearer token to the sync client); only their SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Db } from '../db/database';

export const SESSION_COOKIE = 'pix_session';
const SESSION_DAYS = 30;

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createSession(db: Db, userId: string, now: Date): { token: string; expiresAt: Date } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 24 * 3600 * 1000);
  db.prepare('INSERT INTO auth_sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
    digest(token),
    userId,
    now.toISOString(),
    expiresAt.toISOString(),
  );
  return { token, expiresAt };
}

export function deleteSession(db: Db, token: string): void {
  db.prepare('DELETE FROM auth_sessions WHERE token_hash = ?').run(digest(token));
}

export function userIdForToken(db: Db, token: string, now: Date): string | undefined {
  const row = db.prepare('SELECT user_id, expires_at FROM auth_sessions WHERE token_hash = ?').get(digest(token)) as
    | { user_id: string; expires_at: string }
    | undefined;
  if (!row || row.expires_at <= now.toISOString()) return undefined;
  return row.user_id;
}

/** The token of the request: bearer header first (sync clients), else the cookie. */
export function requestToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim() || undefined;
  return getCookie(c, SESSION_COOKIE);
}
