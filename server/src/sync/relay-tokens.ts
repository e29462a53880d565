/**
 * Relay tokens: what a school relay presents to central (bearer) to push and pull the documents of
 * ONE organisation. 32 random bytes with a `pixr_` prefix, shown once; only the SHA-256 is stored.
 */
import { sql } from '../db/statements';
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database';

export const RELAY_TOKEN_PREFIX = 'pixr_';

export function hashRelayToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createRelayToken(db: Db, organizationId: string, createdBy: string, now: Date): string {
  const token = `${RELAY_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  sql(db, 'INSERT INTO relay_tokens (hash, organization_id, created_by, created_at) VALUES (?, ?, ?, ?)').run(
    hashRelayToken(token),
    organizationId,
    createdBy,
    now.toISOString(),
  );
  return token;
}

/** The organisation a (non-revoked) relay token is bound to. */
export function organizationForRelayToken(db: Db, token: string): string | undefined {
  if (!token.startsWith(RELAY_TOKEN_PREFIX)) return undefined;
  const row = sql(db, 'SELECT organization_id FROM relay_tokens WHERE hash = ? AND revoked_at IS NULL').get(hashRelayToken(token)) as
    | { organization_id: string }
    | undefined;
  return row?.organization_id;
}
