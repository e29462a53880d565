/**
 * Session tokens: 32 random bytes, given to the browser in an HttpOnly SameSite=Strict cookie (or as a
 * bearer token to the sync client); only their SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Db } from '../db/database';
import { deleteSessionByHash, insertSession, sessionUserByHash } from './session-repository';

export const SESSION_COOKIE = 'pix_session';
const SESSION_DAYS = 30;

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createSession(db: Db, userId: string, now: Date): { token: string; expiresAt: Date } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 24 * 3600 * 1000);
  insertSession(db, { tokenHash: digest(token), userId, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
  return { token, expiresAt };
}

export function deleteSession(db: Db, token: string): void {
  deleteSessionByHash(db, digest(token));
}

export function userIdForToken(db: Db, token: string, now: Date): string | undefined {
  return sessionUserByHash(db, digest(token), now);
}

/** The token of the request: bearer header first (sync clients), else the cookie. */
export function requestToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim() || undefined;
  return getCookie(c, SESSION_COOKIE);
}
