/**
 * Replication endpoints (RxDB protocol, see shared/src/sync/protocol.ts and docs/adr/0001):
 *   GET  /api/sync/:collection/pull?seq=N&id=ID&limit=N
 *   POST /api/sync/:collection/push   { rows: [{ assumedMasterState?, newDocumentState }] }
 *   GET  /api/sync/stream             SSE, `RESYNC` when the caller's documents changed
 *   GET  /api/sync/receipts           what this node still owes central (second receipt, « transmis »)
 * For a user session or a relay token (relay-to-central hop).
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { SYNC_FORMAT_HEADER, SYNC_FORMAT_VERSION, isSyncCollection, type SyncCollection } from '../../../shared/src/sync/protocol';
import { pullQuerySchema, pushRequestSchema, type ReceiptsResponse } from '../../../shared/src/sync/schemas';
import type { AppDeps } from '../context';
import { ApiError, badRequest, notFound } from '../http/errors';
import { mayAccess, requirePrincipal, type SyncEnv } from '../sync/principal';
import { upstreamStateOf } from '../sync/outbox';
import { pullDocuments } from '../sync/pull';
import { applyRows, parseOr400, type PushOutcome, type PushRows, type SyncDeps } from '../sync/push';
import { PushQueue } from '../sync/push-queue';
import { deriverOf } from '../sync/deriver';

const KEEP_ALIVE_MS = 25_000;

function collectionOf(name: string): SyncCollection {
  if (!isSyncCollection(name)) throw notFound(`Collection inconnue : ${name}`);
  return name;
}

function syncDeps(deps: AppDeps): SyncDeps {
  if (!deps.content) throw new ApiError(503, 'CONTENT_UNAVAILABLE', "Le contenu pédagogique n'est pas chargé sur ce serveur : synchronisation impossible.");
  return { db: deps.db, index: deps.content, forwarding: deps.config.mode === 'relay', now: deps.now, log: deps.log, events: deps.syncEvents };
}

/** Rows applied per transaction: a big push is stored in several turns of the event loop (bounded work). */
export const PUSH_CHUNK_ROWS = 100;

/**
 * Applies a push PUSH_CHUNK_ROWS rows at a time, each chunk in its own group commit, one after the other.
 * Rows are independent (each is accepted or rejected on its own), so a push need not be atomic: a crash
 * between chunks leaves stored what was acknowledged by no one yet, and the device sends the push again
 * (idempotent). The response gathers every chunk's.
 */
async function applyInChunks(queue: PushQueue, rows: PushRows, apply: (rows: PushRows) => PushOutcome): Promise<PushOutcome> {
  const conflicts: PushOutcome['response']['conflicts'] = [];
  const rejected: PushOutcome['response']['rejected'] = [];
  const changedUsers = new Set<string>();
  const queued = new Set<string>();
  for (let start = 0; start === 0 || start < rows.length; start += PUSH_CHUNK_ROWS) {
    const part = await queue.submit(() => apply(rows.slice(start, start + PUSH_CHUNK_ROWS)));
    conflicts.push(...part.response.conflicts);
    rejected.push(...part.response.rejected);
    part.changedUsers.forEach((id) => changedUsers.add(id));
    part.queued.forEach((id) => queued.add(id));
  }
  return { response: { conflicts, rejected }, changedUsers, queued };
}

export function syncRoutes(deps: AppDeps) {
  const routes = new Hono<SyncEnv>();
  // The deriver's next piece of work rides in each group's transaction (one commit for both).
  const deriverFor = () => (deps.content ? deriverOf({ db: deps.db, index: deps.content, now: deps.now, log: deps.log, events: deps.syncEvents }) : undefined);
  const queue = new PushQueue(deps.db, 64, {
    work: () => deriverFor()?.work() ?? new Set<string>(),
    finish: (changed) => deriverFor()?.finish(changed as Set<string>),
  });
  routes.use('*', requirePrincipal(deps));
  routes.use('*', async (c, next) => {
    const version = c.req.header(SYNC_FORMAT_HEADER);
    if (version !== undefined && version !== String(SYNC_FORMAT_VERSION)) {
      throw new ApiError(409, 'SYNC_FORMAT_MISMATCH', `Format de synchronisation ${version} non pris en charge (attendu : ${SYNC_FORMAT_VERSION}). Mettez l'application à jour.`);
    }
    await next();
  });

  routes.get('/stream', (c) => {
    const events = deps.syncEvents;
    if (!events) throw new ApiError(503, 'STREAM_UNAVAILABLE', 'Flux de synchronisation indisponible.');
    const principal = c.get('principal');
    return streamSSE(c, async (stream) => {
      let pending = false;
      let closed = false;
      let wake: () => void = () => {};
      const unsubscribe = events.subscribe((userIds) => {
        if ([...userIds].some((id) => mayAccess(principal, id))) {
          pending = true;
          wake();
        }
      });
      stream.onAbort(() => {
        closed = true;
        unsubscribe();
        wake();
      });
      while (!closed) {
        if (pending) {
          pending = false;
          await stream.writeSSE({ data: 'RESYNC' });
          continue;
        }
        const timedOut = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), KEEP_ALIVE_MS);
          wake = () => {
            clearTimeout(timer);
            resolve(false);
          };
        });
        if (timedOut && !closed) await stream.write(': keep-alive\n\n');
      }
    });
  });

  // A relay answers the caller's documents still in (or parked in) its outbox; central holds what it acknowledged.
  routes.get('/receipts', (c) => {
    const principal = c.get('principal');
    const relay = deps.config.mode === 'relay';
    const state = relay ? upstreamStateOf(deps.db, principal.kind === 'user' ? [principal.userId] : principal.userIds) : { pending: [], parked: [] };
    const body: ReceiptsResponse = { node: relay ? 'relay' : 'central', checkedAt: deps.now().toISOString(), upstreamPending: state.pending, upstreamParked: state.parked };
    return c.json(body);
  });

  routes.get('/:collection/pull', (c) => {
    const collection = collectionOf(c.req.param('collection'));
    const query = parseOr400(pullQuerySchema, c.req.query());
    syncDeps(deps);
    return c.json(pullDocuments(deps.db, c.get('principal'), collection, { seq: query.seq, id: query.id }, query.limit));
  });

  routes.post('/:collection/push', async (c) => {
    const collection = collectionOf(c.req.param('collection'));
    const sync = syncDeps(deps);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw badRequest('INVALID_JSON', "Le corps de la requête n'est pas un JSON valide.");
    }
    const principal = c.get('principal');
    const outcome = await applyInChunks(queue, parseOr400(pushRequestSchema, body).rows, (rows) => applyRows(sync, principal, collection, rows));
    deps.syncEvents?.publish(outcome.changedUsers);
    // Derivation runs in slices (the event loop stays free). While it keeps up, the push answers once its
    // own assessments are derived; under load it answers once stored, and derived state follows on the stream.
    const deriver = deriverFor();
    if (deriver?.keepingUp()) await deriver.settled(outcome.queued);
    else deriver?.kick();
    return c.json(outcome.response);
  });

  return routes;
}
