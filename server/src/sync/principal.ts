/**
 * Who is syncing: a user (session cookie or bearer) syncs only their own documents; a relay (relay
 * token bound to one organisation) syncs the documents of that organisation's users (its learners'
 * accounts and its members). Resolved once per request by `requirePrincipal`.
 */
import { sql } from '../db/statements';
import type { MiddlewareHandler } from 'hono';
import { requestToken, userIdForToken } from '../auth/sessions';
import type { AppDeps } from '../context';
import type { Db } from '../db/database';
import { unauthorized } from '../http/errors';
import { organizationForRelayToken } from './relay-tokens';

export type Principal =
  | { kind: 'user'; userId: string }
  | { kind: 'relay'; organizationId: string; userIds: ReadonlySet<string> };

export type SyncEnv = { Variables: { userId: string; principal: Principal } };

export function organizationUserIds(db: Db, organizationId: string): Set<string> {
  const rows = sql(db, 
      `SELECT user_id FROM organization_learners WHERE organization_id = ? AND user_id IS NOT NULL
       UNION SELECT user_id FROM memberships WHERE organization_id = ?`,
    )
    .all(organizationId, organizationId) as { user_id: string }[];
  return new Set(rows.map((r) => r.user_id));
}

export function resolvePrincipal(deps: AppDeps, token: string | undefined): Principal | undefined {
  if (!token) return undefined;
  const userId = userIdForToken(deps.db, token, deps.now());
  if (userId) return { kind: 'user', userId };
  const organizationId = organizationForRelayToken(deps.db, token);
  if (organizationId) return { kind: 'relay', organizationId, userIds: organizationUserIds(deps.db, organizationId) };
  return undefined;
}

export function requirePrincipal(deps: AppDeps): MiddlewareHandler<SyncEnv> {
  return async (c, next) => {
    const principal = resolvePrincipal(deps, requestToken(c));
    if (!principal) throw unauthorized();
    c.set('principal', principal);
    if (principal.kind === 'user') c.set('userId', principal.userId);
    await next();
  };
}

export function mayAccess(principal: Principal, userId: string): boolean {
  return principal.kind === 'user' ? principal.userId === userId : principal.userIds.has(userId);
}

export function describePrincipal(principal: Principal): string {
  return principal.kind === 'user' ? `user ${principal.userId}` : `relay of organization ${principal.organizationId}`;
}
