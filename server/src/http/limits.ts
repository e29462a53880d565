/**
 * Size limits of the HTTP API, in one place: the node enforces them on every request (app.ts), and a
 * relay's forwarder keeps its pushes to central (the same program) well under them.
 */

/** Largest request body a node accepts under /api (hono bodyLimit); beyond it: 413. */
export const API_BODY_LIMIT_BYTES = 5 * 1024 * 1024;
