/**
 * Size limits of the HTTP API, in one place: the node enforces them on every request (app.ts), and a
 * relay's forwarder keeps its pushes to central (the same program) well under them.
 */

/** Largest request body a node accepts under /api (hono bodyLimit); beyond it: 413. */
export const API_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * Bytes of replicated documents a node stores per user (answers, assessments, participations, tutorials);
 * beyond it a pushed row is refused (QUOTA_EXCEEDED), what is stored stays. A pupil's whole schooling is
 * well under it (an answer weighs ~0.5 KB: 3,000 answers ≈ 1.5 MB); a flood of 20 KB answers is not.
 */
export const USER_STORAGE_QUOTA_BYTES = 4 * 1024 * 1024;
