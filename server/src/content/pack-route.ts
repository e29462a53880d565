/**
 * GET /content/pack.json — the content pack, solutions included, for logged-in users only (a device needs
 * the solutions to train and adapt offline; the node re-scores every answer). Not part of the service
 * worker's precache: the device keeps the copy it downloaded after login (client/src/content/pack.ts).
 * gzip when accepted, ETag revalidation (304) so a device that has the current pack downloads nothing.
 */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context';
import { ApiError } from '../http/errors';
import { requireUser } from '../routes/require-user';

export function packRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();
  routes.get('/pack.json', requireUser(deps), (c) => {
    const pack = deps.packDownload;
    if (!pack) throw new ApiError(503, 'CONTENT_UNAVAILABLE', "Le contenu pédagogique n'est pas chargé sur ce serveur.");
    c.header('Cache-Control', 'private, no-cache');
    c.header('ETag', pack.etag);
    c.header('Vary', 'Accept-Encoding, Cookie, Authorization');
    const known = c.req.header('if-none-match');
    if (known && known.split(',').some((tag) => tag.trim().replace(/^W\//, '') === pack.etag)) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      c.header('Content-Encoding', 'gzip');
      return c.body(new Uint8Array(pack.gzip));
    }
    return c.body(pack.json);
  });
  return routes;
}
