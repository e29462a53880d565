/** GET /api/health: is this node up, which mode, is its database answering, how much derivation is waiting. */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context';
import { countQueuedDerivations } from '../sync/derivation-queue';

export function healthRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();
  routes.get('/', (c) => {
    let db: 'ok' | 'error' = 'ok';
    let derivationsQueued: number | null = null;
    try {
      derivationsQueued = countQueuedDerivations(deps.db);
    } catch {
      db = 'error';
    }
    const { mode, upstream, version } = deps.config;
    return c.json({ mode, upstream, version, db, derivationsQueued }, db === 'ok' ? 200 : 503);
  });
  return routes;
}
