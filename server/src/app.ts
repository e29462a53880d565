/**
 * The node's HTTP application: API under /api (one error shape, one log line per request), and the
 * built PWA served at / with a fallback to index.html for client-side routes.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packRoutes } from './content/pack-route';
import type { AppDeps, AppEnv } from './context';
import { errorBody, handleError } from './http/errors';
import { NO_INLINE_HASHES, readInlineHashes } from './http/inline-hashes';
import { API_BODY_LIMIT_BYTES } from './http/limits';
import { originCheck } from './http/origin-check';
import { secureHeaders } from './http/secure-headers';
import { authRoutes, meRoutes } from './routes/auth';
import { campaignRoutes } from './routes/campaigns';
import { healthRoutes } from './routes/health';
import { relayHealthRoutes, relayRoutes } from './routes/relay';
import { syncRoutes } from './routes/sync';

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  // First: every response (files, fallback, errors, 404s) gets the security headers (ADR 0006).
  app.use('*', secureHeaders(deps.staticRoot ? readInlineHashes(join(deps.staticRoot, 'simulators')) : NO_INLINE_HASHES));
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    deps.log(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`);
  });
  app.use('/api/*', originCheck(deps.log));
  app.use('/api/*', bodyLimit({ maxSize: API_BODY_LIMIT_BYTES }));

  if (deps.relay) app.route('/api/health', relayHealthRoutes(deps));
  app.route('/api/health', healthRoutes(deps));
  app.route('/api/auth', authRoutes(deps));
  app.route('/api/me', meRoutes(deps));
  app.route('/api/sync', syncRoutes(deps));
  app.route('/api', campaignRoutes(deps));
  app.route('/api', relayRoutes(deps));

  // Before the PWA's static files: the pack (solutions included) is for logged-in users only.
  app.route('/content', packRoutes(deps));

  app.all('/api/*', (c) => c.json(errorBody('NOT_FOUND', `Route inconnue : ${c.req.method} ${c.req.path}`), 404));

  if (deps.staticRoot) mountPwa(app, deps.staticRoot);

  app.notFound((c) => c.json(errorBody('NOT_FOUND', 'Page introuvable.'), 404));
  app.onError((error, c) => handleError(error, c, deps.log));
  return app;
}

function mountPwa(app: Hono<AppEnv>, root: string) {
  const rootForServe = relative(process.cwd(), root) || '.';
  app.use('*', async (c, next) => {
    await next();
    const path = c.req.path;
    // The service worker and the entry page must never be served stale by HTTP caches.
    if (path === '/sw.js' || path === '/' || path.endsWith('.html') || path.endsWith('.webmanifest')) {
      c.header('Cache-Control', 'no-cache');
    } else if (path.startsWith('/assets/')) {
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
    }
  });
  app.use('*', serveStatic({ root: rootForServe }));
  const indexFile = join(root, 'index.html');
  app.get('*', (c) => {
    if (!existsSync(indexFile)) return c.text('Application non construite : lancez npm run build.', 503);
    return c.html(readFileSync(indexFile, 'utf8'));
  });
}
