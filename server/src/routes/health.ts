/** GET /api/health: is this node up, which mode, is its database answering. */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context';

export function healthRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();
  routes.get('/', (c) => {
    let db: 'ok' | 'error' = 'ok';
    try {
      deps.db.prepare('SELECT 1').get();
    } catch {
      db = 'error';
    }
    const { mode, upstream, version } = deps.config;
    return c.json({ mode, upstream, version, db }, db === 'ok' ? 200 : 503);
  });
  return routes;
}
