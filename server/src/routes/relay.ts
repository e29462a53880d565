/**
 * Relay administration:
 * - POST /api/organizations/:id/relay-tokens (organisation ADMIN, on central): creates a relay token,
 *   shown once;
 * - GET /api/relay/snapshot (relay token): what the school's relay needs to work offline;
 * - GET /api/relay/status (an ADMIN of the relay's school; on central, of any organisation, seeing only the
 *   pupils of the organisations they administer): link state, downward pulls, content pack
 *   versions (contentVersionMismatch), pupils still waiting and what was parked (refused for good:
 *   count and the latest rows, with pupil, collection, code, French reason and date);
 * - GET /api/health on a relay adds outboxPending, lastForwardAt, upstreamReachable.
 */
import { Hono } from 'hono';
import { PARKED_LATEST_MAX } from '../../../shared/src/relay/parked';
import type { AppDeps, AppEnv } from '../context';
import { ApiError, forbidden, notFound } from '../http/errors';
import { buildSnapshot } from '../relay/snapshot';
import { getSetting } from '../db/database';
import { administeredOrganizationIds, isAdmin, organizationExists } from '../orga/campaign-repository';
import { RELAY_ORGANIZATION_KEY } from '../relay/downstream';
import { countQueuedDerivations } from '../sync/derivation-queue';
import { countParkedOutbox, countPendingOutbox, latestParkedOutbox, pendingByUser } from '../sync/outbox';
import { organizationUserIds, requirePrincipal, type SyncEnv } from '../sync/principal';
import { createRelayToken } from '../sync/relay-tokens';
import { requireUser } from './require-user';

function linkState(deps: AppDeps) {
  return {
    outboxPending: countPendingOutbox(deps.db),
    // assessments whose derived state (KEs, completion) is still to compute (deriver.ts)
    derivationsQueued: countQueuedDerivations(deps.db),
    lastForwardAt: deps.relay?.lastForwardAt ?? null,
    upstreamReachable: deps.relay?.upstreamReachable ?? null,
  };
}

export function relayHealthRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();
  routes.get('/', (c) => {
    let db: 'ok' | 'error' = 'ok';
    let link: ReturnType<typeof linkState> | Record<string, never> = {};
    try {
      link = linkState(deps);
    } catch {
      db = 'error';
    }
    const { mode, upstream, version } = deps.config;
    return c.json({ mode, upstream, version, db, ...link }, db === 'ok' ? 200 : 503);
  });
  return routes;
}

/**
 * The organisations whose pupils a status page shows to `userId`: on a relay, its school's, to that school's
 * administrators only (none before its first snapshot); on central, those the user administers.
 */
function statusOrganizations(deps: AppDeps, userId: string): string[] {
  const administered = administeredOrganizationIds(deps.db, userId);
  if (deps.config.mode === 'central') return administered;
  const school = getSetting(deps.db, RELAY_ORGANIZATION_KEY);
  return school ? administered.filter((id) => id === school) : [];
}

export function relayRoutes(deps: AppDeps) {
  const routes = new Hono<SyncEnv>();

  routes.post('/organizations/:id/relay-tokens', requireUser(deps), (c) => {
    if (deps.config.mode === 'relay') {
      throw new ApiError(409, 'CENTRAL_ONLY', "Un jeton de relais se crée sur le serveur central, qui le reconnaît ensuite.");
    }
    const organizationId = c.req.param('id');
    if (!organizationExists(deps.db, organizationId)) throw notFound('Organisation introuvable.');
    if (!isAdmin(deps.db, organizationId, c.get('userId'))) {
      throw forbidden("Seul un administrateur de l'organisation peut créer un jeton de relais.");
    }
    const createdAt = deps.now();
    const token = createRelayToken(deps.db, organizationId, c.get('userId'), createdAt);
    deps.log(`relay token created for organization ${organizationId} by ${c.get('userId')}`);
    return c.json(
      { token, organizationId, createdAt: createdAt.toISOString(), message: 'Copiez ce jeton maintenant : il ne sera plus jamais affiché.' },
      201,
    );
  });

  routes.get('/relay/snapshot', requirePrincipal(deps), (c) => {
    const principal = c.get('principal');
    if (principal.kind !== 'relay') throw forbidden('Réservé aux relais d\'établissement (jeton de relais).');
    const snapshot = buildSnapshot(deps.db, principal.organizationId, deps.content?.pack.version ?? null);
    if (!snapshot) throw notFound('Organisation introuvable.');
    return c.json(snapshot);
  });

  routes.get('/relay/status', requireUser(deps), (c) => {
    const schools = statusOrganizations(deps, c.get('userId'));
    if (schools.length === 0) throw forbidden("Réservé aux administrateurs de l'établissement.");
    const users = new Set(schools.flatMap((id) => [...organizationUserIds(deps.db, id)]));
    const pupils = pendingByUser(deps.db, users).map((p) => ({
      name: `${p.firstName ?? ''} ${p.lastName ?? ''}`.trim() || p.userId,
      division: p.division,
      pending: p.pending,
    }));
    const parked = {
      count: countParkedOutbox(deps.db, users),
      latest: latestParkedOutbox(deps.db, users, PARKED_LATEST_MAX).map((p) => ({
        pupil: `${p.firstName ?? ''} ${p.lastName ?? ''}`.trim() || p.userId,
        division: p.division,
        collection: p.collection,
        code: p.code,
        reason: p.reason,
        parkedAt: p.parkedAt,
      })),
    };
    return c.json({
      mode: deps.config.mode,
      upstream: deps.config.upstream,
      ...linkState(deps),
      lastSnapshotAt: deps.relay?.lastSnapshotAt ?? null,
      lastError: deps.relay?.lastError ?? null,
      lastPullAt: deps.relay?.lastPullAt ?? null,
      downstreamParked: deps.relay?.downstreamParked ?? 0,
      contentVersion: deps.content?.pack.version ?? null,
      centralContentVersion: deps.relay?.centralContentVersion ?? null,
      contentVersionMismatch: deps.relay?.contentVersionMismatch ?? null,
      pupils,
      parked,
    });
  });

  return routes;
}
