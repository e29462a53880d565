/**
 * Security headers on every response of the node (API, PWA files, index.html fallback, errors, 404s):
 * Hono's secure-headers (nosniff, X-Frame-Options SAMEORIGIN, Referrer-Policy no-referrer, COOP/CORP
 * same-origin…), a Content-Security-Policy, and Strict-Transport-Security when the request came over HTTPS.
 *
 * Two policies (ADR 0006):
 * - the app's: only the node's own files, fetches and workers; framed by itself only; the simulators'
 *   inline scripts and styles allowed by hash, because the app loads each simulator into a sandboxed
 *   `srcdoc` iframe, which inherits this policy;
 * - /simulators/*: the same hashes, nothing to fetch, and `sandbox` so that a simulator opened directly
 *   runs in an opaque origin too.
 * Style attributes are allowed (`style-src-attr 'unsafe-inline'`): the simulators build their DOM with
 * them; no style element or stylesheet is allowed beyond the node's files, those hashes and the two
 * color-scheme rules react-dsfr adds. No inline script of the app, no eval, no plugin.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders as honoSecureHeaders } from 'hono/secure-headers';
import { cspHash, type InlineHashes } from './inline-hashes';

/** 180 days; no includeSubDomains: other hosts of a school's domain may still serve plain HTTP. */
export const HSTS = 'max-age=15552000';

export const SIMULATORS_PREFIX = '/simulators/';

type Policy = [directive: string, ...sources: string[]][];

const serialise = (policy: Policy): string => policy.map((directive) => directive.join(' ')).join('; ');

/** Sources, or `'none'` when there are none (a directive with no source is invalid). */
const orNone = (sources: string[]): string[] => (sources.length ? sources : ["'none'"]);

/**
 * The style elements react-dsfr adds to the page at start (useIsDark: the root's color-scheme), by hash:
 * to be updated if a new react-dsfr writes another text (the browser test of the pupil's journey fails).
 */
export const DSFR_INLINE_STYLES = [':root { color-scheme: light; }', ':root { color-scheme: dark; }'].map(cspHash);

export function appPolicy(hashes: InlineHashes): string {
  const styles = [...DSFR_INLINE_STYLES, ...hashes.styles];
  return serialise([
    ['default-src', "'self'"],
    ['script-src', "'self'", ...hashes.scripts],
    ['style-src', "'self'", ...styles],
    ['style-src-elem', "'self'", ...styles],
    ['style-src-attr', "'unsafe-inline'"],
    // DSFR draws some icons and form controls with data: SVGs in its CSS.
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    // API calls, the sync stream (EventSource /api/sync/stream), the service worker's precache.
    ['connect-src', "'self'"],
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['frame-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'self'"],
  ]);
}

export function simulatorPolicy(hashes: InlineHashes): string {
  return serialise([
    ['default-src', "'none'"],
    ['script-src', ...orNone(hashes.scripts)],
    ['style-src', ...orNone(hashes.styles)],
    ['style-src-elem', ...orNone(hashes.styles)],
    ['style-src-attr', "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'self'"],
    // Opened directly (not through the app's srcdoc iframe), a simulator still gets an opaque origin.
    ['sandbox', 'allow-scripts', 'allow-forms'],
  ]);
}

function cameOverHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:';
}

/** The middleware to mount first on `*`, so that it also sees the responses of onError and notFound. */
export function secureHeaders(hashes: InlineHashes): MiddlewareHandler {
  const common = honoSecureHeaders({ strictTransportSecurity: false, referrerPolicy: 'no-referrer' });
  const app = appPolicy(hashes);
  const simulator = simulatorPolicy(hashes);
  return async (c, next) => {
    await common(c, next);
    c.res.headers.set('Content-Security-Policy', c.req.path.startsWith(SIMULATORS_PREFIX) ? simulator : app);
    if (cameOverHttps(c)) c.res.headers.set('Strict-Transport-Security', HSTS);
  };
}
