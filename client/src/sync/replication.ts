/**
 * The browser side of the sync (the only place that talks replication): one RxDB replication per
 * collection against the node's /api/sync endpoints, in the protocol of shared/src/sync, every answer of
 * the node parsed with the shared zod schemas. Two receipts (receipt-levels.ts): every write the node
 * acknowledges, and every document pulled from it, leaves a receipt (« enregistré dans l'établissement »);
 * what has none is "en attente". Then `GET /api/sync/receipts` tells which of them central holds
 * (« transmis »). The node's answer wins on a conflict (it re-scores: its result is the one that counts).
 */
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { RxCollection } from 'rxdb';
import { BehaviorSubject, Subject } from 'rxjs';
import * as z from 'zod/mini';
import { SYNC_FORMAT_HEADER, SYNC_FORMAT_VERSION, type SyncCheckpoint, type SyncCollection } from '../../../shared/src/sync/protocol';
import { docSchemas, pullResponseSchema, pushResponseSchema, receiptsResponseSchema } from '../../../shared/src/sync/schemas';
import { ApiFailure, api } from '../api/http';
import { nodeReachability } from '../api/reachability';
import type { PupilDatabase, ReplicatedDocuments } from '../db/database';
import type { TransmissionDoc } from '../db/schemas';
import { awaitingTransmission, secondReceipts, type NodeKind } from './receipt-levels';

type Doc = { id: string; updatedAt: string };

export interface SyncHandle {
  stop: () => Promise<void>;
  /** resolves when every collection has pushed and pulled what it could */
  syncNow: () => Promise<void>;
  errors$: Subject<string>;
  /** the kind of node this device syncs with, once it has answered a receipts request (null before) */
  node$: BehaviorSubject<NodeKind | null>;
}

const COLLECTIONS: { name: SyncCollection; local: keyof ReplicatedDocuments }[] = [
  { name: 'campaign-participations', local: 'participations' },
  { name: 'assessments', local: 'assessments' },
  { name: 'answers', local: 'answers' },
  { name: 'user-tutorials', local: 'tutorials' },
];

/** A receipts request at most this often (after pushes, pulls, the node's RESYNC)… */
const RECEIPTS_MIN_INTERVAL_MS = 3_000;
/** …and this often while something acknowledged by a relay is not known to be at central yet. */
const RECEIPTS_POLL_MS = 10_000;

/** Sync requests go through the one HTTP client (parsed with the shared schemas), with the format header. */
function call<S extends z.ZodMiniType>(path: string, schema: S, body?: unknown): Promise<z.output<S>> {
  return api(path, schema, { body, headers: { [SYNC_FORMAT_HEADER]: String(SYNC_FORMAT_VERSION) } });
}

async function writeReceipts(db: PupilDatabase, collection: SyncCollection, docs: Doc[]): Promise<void> {
  if (docs.length === 0) return;
  const at = new Date().toISOString();
  await db.receipts.bulkUpsert(docs.map((d) => ({ id: `${collection}:${d.id}`, syncCollection: collection, updatedAt: d.updatedAt, at })));
}

/**
 * Second receipts: asks the node which acknowledged documents central does not hold yet, throttled,
 * only when some receipt lacks its second one (or the node's kind is not known yet). On central, every
 * receipt is confirmed locally, without asking again.
 */
function receiptsChecker(db: PupilDatabase, node$: BehaviorSubject<NodeKind | null>, onError: (message: string) => void) {
  let lastStart = -Infinity;
  let running = false;
  let again = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function check(): Promise<void> {
    const read = async () => {
      const [receipts, transmissions] = await Promise.all([db.receipts.find().exec(), db.transmissions.find().exec()]);
      return { receipts: receipts.map((r) => r.toJSON()), transmissions: new Map(transmissions.map((t) => [t.id, t.toJSON() as TransmissionDoc])) };
    };
    const before = await read();
    if (node$.value !== null && awaitingTransmission(before.receipts, before.transmissions, { includeParked: true }) === 0) return;
    const requestedAt = new Date().toISOString();
    const answer =
      node$.value === 'central'
        ? { node: 'central' as const, checkedAt: requestedAt, upstreamPending: [], upstreamParked: [] }
        : await call('/api/sync/receipts', receiptsResponseSchema);
    if (stopped) return;
    if (node$.value !== answer.node) node$.next(answer.node);
    // read again: receipts written meanwhile are newer than requestedAt, secondReceipts leaves them for the next check
    const after = await read();
    const { upserts, removals } = secondReceipts(after.receipts, after.transmissions, answer, requestedAt, new Date().toISOString());
    if (upserts.length > 0) await db.transmissions.bulkUpsert(upserts);
    if (removals.length > 0) await db.transmissions.bulkRemove(removals);
  }

  function request(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    const wait = lastStart + RECEIPTS_MIN_INTERVAL_MS - Date.now();
    if (wait > 0) {
      timer ??= setTimeout(() => {
        timer = undefined;
        request();
      }, wait);
      return;
    }
    running = true;
    lastStart = Date.now();
    check()
      .catch((error: unknown) => onError(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          request();
        }
      });
  }

  // A relay forwards in the background without telling the device: look again while something waits for central.
  const poll = setInterval(() => {
    if (!(nodeReachability()?.online ?? navigator.onLine) || node$.value === 'central') return;
    void Promise.all([db.receipts.find().exec(), db.transmissions.find().exec()]).then(([receipts, transmissions]) => {
      const map = new Map(transmissions.map((t) => [t.id, t.toJSON() as TransmissionDoc]));
      if (awaitingTransmission(receipts.map((r) => r.toJSON()), map, { includeParked: false }) > 0) request();
    }, () => undefined);
  }, RECEIPTS_POLL_MS);

  return {
    request,
    stop: () => {
      stopped = true;
      clearInterval(poll);
      if (timer) clearTimeout(timer);
    },
  };
}

export function startSync(db: PupilDatabase, onUnauthorized: () => void): SyncHandle {
  const errors$ = new Subject<string>();
  const resync$ = new Subject<'RESYNC'>();
  const node$ = new BehaviorSubject<NodeKind | null>(null);
  const states: RxReplicationState<Doc, SyncCheckpoint>[] = [];
  const receipts = receiptsChecker(db, node$, (message) => errors$.next(message));

  for (const { name, local } of COLLECTIONS) {
    const collection = db.collections[local] as unknown as RxCollection<Doc>;
    const docSchema = docSchemas[name];
    const state = replicateRxCollection<Doc, SyncCheckpoint>({
      collection,
      replicationIdentifier: `pix-${name}-v${SYNC_FORMAT_VERSION}`,
      live: true,
      retryTime: 3000,
      waitForLeadership: true,
      pull: {
        batchSize: 200,
        stream$: resync$.asObservable(),
        handler: async (checkpoint, batchSize) => {
          const query = new URLSearchParams({ seq: String(checkpoint?.seq ?? 0), id: checkpoint?.id ?? '', limit: String(batchSize) });
          const result = await call(`/api/sync/${name}/pull?${query.toString()}`, pullResponseSchema(docSchema));
          await writeReceipts(db, name, result.documents);
          receipts.request();
          return { documents: result.documents, checkpoint: result.checkpoint ?? checkpoint };
        },
      },
      push: {
        batchSize: 100,
        handler: async (rows) => {
          const result = await call(`/api/sync/${name}/push`, pushResponseSchema(docSchema), { rows });
          const rejected = new Map(result.rejected.map((r) => [r.id, r]));
          const conflicts = new Set(result.conflicts.map((d) => d.id));
          // A refused forged row will never be accepted: keep it out of the pending count.
          for (const r of result.rejected.filter((r) => !r.retryable)) errors$.next(r.message);
          await writeReceipts(
            db,
            name,
            rows.map((row) => row.newDocumentState).filter((doc) => !conflicts.has(doc.id) && !rejected.get(doc.id)?.retryable),
          );
          await writeReceipts(db, name, result.conflicts);
          receipts.request();
          // Rows the node cannot take yet (their assessment has not arrived): push the batch again later.
          if (result.rejected.some((r) => r.retryable)) throw new Error('en attente de documents liés');
          return result.conflicts;
        },
      },
    });
    state.error$.subscribe((error) => {
      const cause = (error as { parameters?: { errors?: unknown[] } }).parameters?.errors?.[0];
      if (cause instanceof ApiFailure && cause.status === 401) onUnauthorized();
      errors$.next(error.message);
    });
    states.push(state);
  }

  // The node tells when this user's documents change (another device, a re-scored answer).
  let source: EventSource | null = null;
  if (typeof EventSource !== 'undefined') {
    source = new EventSource('/api/sync/stream');
    const onResync = () => {
      resync$.next('RESYNC');
      receipts.request();
    };
    source.onmessage = onResync;
    source.addEventListener('RESYNC', onResync);
    // the stream is the one request open while idle: its break is the first sign of a dropped link
    source.onopen = () => nodeReachability()?.reportAnswer();
    source.onerror = () => nodeReachability()?.check();
  }
  // Back online (the browser says so, or the node answers again after a network failure): push and pull now.
  const stopListening = nodeReachability()?.subscribe((online) => {
    if (!online) return;
    for (const state of states) state.reSync();
    receipts.request();
  });
  // once at the start: which kind of node this is, and what it forwarded while the device was away
  receipts.request();

  return {
    errors$,
    node$,
    syncNow: async () => {
      for (const state of states) state.reSync();
      await Promise.all(states.map((s) => s.awaitInSync()));
    },
    stop: async () => {
      stopListening?.();
      source?.close();
      receipts.stop();
      await Promise.all(states.map((s) => s.cancel()));
    },
  };
}

/** Local documents whose current version the node does not hold yet (no receipt of that version). */
export async function unreceiptedDocuments(db: PupilDatabase): Promise<ReplicatedDocuments> {
  const receipts = new Map((await db.receipts.find().exec()).map((r) => [r.id, r.updatedAt]));
  const kept: ReplicatedDocuments = { answers: [], assessments: [], participations: [], tutorials: [] };
  for (const { name, local } of COLLECTIONS) {
    const docs = (await (db[local] as unknown as RxCollection<Doc>).find().exec()).map((d) => d.toJSON() as Doc);
    (kept[local] as Doc[]).push(...docs.filter((d) => receipts.get(`${name}:${d.id}`) !== d.updatedAt));
  }
  return kept;
}

/** How many local documents the node does not hold yet. */
export async function pendingDocuments(db: PupilDatabase): Promise<number> {
  const kept = await unreceiptedDocuments(db);
  return COLLECTIONS.reduce((n, { local }) => n + kept[local].length, 0);
}
