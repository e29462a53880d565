/**
 * Cross-site request forgery guard for the API's state-changing requests (POST, PUT, PATCH, DELETE).
 * The session cookie is SameSite=Strict, but "site" ignores ports and subdomains: another port of the
 * same host (or a sibling subdomain) is same-site, and its pages could post with the pupil's cookie.
 * So a browser request is refused (403 FORBIDDEN_ORIGIN) when:
 * - `Sec-Fetch-Site` says `cross-site` or `same-site` (the browser's own verdict), or
 * - `Origin` is not the node's own origin (a sandboxed frame's `null` included).
 * Requests with neither header (curl, the relay's fetch) and requests authenticated by a bearer token
 * (sync clients, relay token: a page cannot make a browser attach one) pass. Login is checked too
 * (login CSRF would log the pupil into someone else's account).
 *
 * The node's own origin is the request's scheme and Host, or X-Forwarded-Proto / X-Forwarded-Host
 * when a reverse proxy sets them: a page cannot add those headers to a cross-origin request without a
 * CORS preflight, which the node never grants, so honouring them opens nothing (ADR 0006).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { errorBody } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const FORBIDDEN_ORIGIN_MESSAGE =
  "Requête refusée : elle vient d'une autre page que l'application Pix hors-ligne. Rechargez l'application et réessayez.";

/** The first value of a possibly comma-separated forwarded header. */
function forwarded(c: Context, name: string): string | undefined {
  return c.req.header(name)?.split(',')[0]?.trim() || undefined;
}

/** `https://relais.college.fr`, `http://127.0.0.1:3000`: the origin this request was addressed to. */
export function ownOrigin(c: Context): string {
  const url = new URL(c.req.url);
  const proto = forwarded(c, 'x-forwarded-proto') ?? url.protocol.slice(0, -1);
  const host = forwarded(c, 'x-forwarded-host') ?? url.host;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return url.origin;
  }
}

function sameOrigin(origin: string, own: string): boolean {
  try {
    return new URL(origin).origin === own;
  } catch {
    // 'null' (sandboxed frame, file:, some redirects) or garbage
    return false;
  }
}

/** Why a request is refused, or null when it may go on. Pure over the request's headers. */
export function forbiddenOrigin(c: Context): string | null {
  if (SAFE_METHODS.has(c.req.method)) return null;
  if (c.req.header('authorization')?.toLowerCase().startsWith('bearer ')) return null;
  const site = c.req.header('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return `Sec-Fetch-Site: ${site}`;
  const origin = c.req.header('origin');
  if (origin !== undefined && !sameOrigin(origin, ownOrigin(c))) return `Origin: ${origin}`;
  return null;
}

/** Mounted on /api/*: refuses forged state-changing requests before any route runs (and before the body is read). */
export function originCheck(log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const reason = forbiddenOrigin(c);
    if (reason) {
      log(`refused ${c.req.method} ${c.req.path}: ${reason}, node ${ownOrigin(c)}`);
      return c.json(errorBody('FORBIDDEN_ORIGIN', FORBIDDEN_ORIGIN_MESSAGE), 403);
    }
    await next();
  };
}
