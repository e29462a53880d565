/**
 * The browser side of the sync (the only place that talks replication): one RxDB replication per
 * collection against the node's /api/sync endpoints, in the protocol of shared/src/sync. Every write
 * the node acknowledges, and every document pulled from it, leaves a receipt; what has no receipt is
 * "en attente". The node's answer wins on a conflict (it re-scores: its result is the one that counts).
 */
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { RxCollection } from 'rxdb';
import { Subject } from 'rxjs';
import { SYNC_FORMAT_HEADER, SYNC_FORMAT_VERSION, type SyncCheckpoint, type SyncCollection } from '../../../shared/src/sync/protocol';
import type { PupilDatabase } from '../db/database';

type Doc = { id: string; updatedAt: string };

export interface SyncHandle {
  stop: () => Promise<void>;
  /** resolves when every collection has pushed and pulled what it could */
  syncNow: () => Promise<void>;
  errors$: Subject<string>;
}

export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const COLLECTIONS: { name: SyncCollection; local: keyof PupilDatabase['collections'] }[] = [
  { name: 'campaign-participations', local: 'participations' },
  { name: 'assessments', local: 'assessments' },
  { name: 'answers', local: 'answers' },
  { name: 'user-tutorials', local: 'tutorials' },
];

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', [SYNC_FORMAT_HEADER]: String(SYNC_FORMAT_VERSION), ...(init?.headers ?? {}) },
  });
  if (!response.ok) {
    let message = `Erreur ${response.status}`;
    try {
      message = ((await response.json()) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // not JSON
    }
    throw new SyncHttpError(response.status, message);
  }
  return (await response.json()) as T;
}

async function writeReceipts(db: PupilDatabase, collection: SyncCollection, docs: Doc[]): Promise<void> {
  if (docs.length === 0) return;
  const at = new Date().toISOString();
  await db.receipts.bulkUpsert(docs.map((d) => ({ id: `${collection}:${d.id}`, syncCollection: collection, updatedAt: d.updatedAt, at })));
}

export function startSync(db: PupilDatabase, onUnauthorized: () => void): SyncHandle {
  const errors$ = new Subject<string>();
  const resync$ = new Subject<'RESYNC'>();
  const states: RxReplicationState<Doc, SyncCheckpoint>[] = [];

  for (const { name, local } of COLLECTIONS) {
    const collection = db.collections[local] as unknown as RxCollection<Doc>;
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
          const result = await call<{ documents: (Doc & { _deleted: boolean })[]; checkpoint: SyncCheckpoint | null }>(
            `/api/sync/${name}/pull?${query.toString()}`,
          );
          await writeReceipts(db, name, result.documents);
          return { documents: result.documents, checkpoint: result.checkpoint ?? checkpoint };
        },
      },
      push: {
        batchSize: 100,
        handler: async (rows) => {
          const result = await call<{ conflicts: (Doc & { _deleted: boolean })[]; rejected: { id: string; message: string; retryable: boolean }[] }>(
            `/api/sync/${name}/push`,
            { method: 'POST', body: JSON.stringify({ rows }) },
          );
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
          // Rows the node cannot take yet (their assessment has not arrived): push the batch again later.
          if (result.rejected.some((r) => r.retryable)) throw new Error('en attente de documents liés');
          return result.conflicts;
        },
      },
    });
    state.error$.subscribe((error) => {
      const cause = (error as { parameters?: { errors?: unknown[] } }).parameters?.errors?.[0];
      if (cause instanceof SyncHttpError && cause.status === 401) onUnauthorized();
      errors$.next(error.message);
    });
    states.push(state);
  }

  // The node tells when this user's documents change (another device, a re-scored answer).
  let source: EventSource | null = null;
  if (typeof EventSource !== 'undefined') {
    source = new EventSource('/api/sync/stream');
    source.onmessage = () => resync$.next('RESYNC');
    source.addEventListener('RESYNC', () => resync$.next('RESYNC'));
  }
  const onOnline = () => {
    for (const state of states) state.reSync();
  };
  window.addEventListener('online', onOnline);

  return {
    errors$,
    syncNow: async () => {
      for (const state of states) state.reSync();
      await Promise.all(states.map((s) => s.awaitInSync()));
    },
    stop: async () => {
      window.removeEventListener('online', onOnline);
      source?.close();
      await Promise.all(states.map((s) => s.cancel()));
    },
  };
}

/** Local documents whose current version the node does not hold yet, per collection. */
export async function pendingDocuments(db: PupilDatabase): Promise<number> {
  const receipts = new Map((await db.receipts.find().exec()).map((r) => [r.id, r.updatedAt]));
  let pending = 0;
  for (const { name, local } of COLLECTIONS) {
    const docs = (await (db.collections[local] as unknown as RxCollection<Doc>).find().exec()) as unknown as Doc[];
    pending += docs.filter((d) => receipts.get(`${name}:${d.id}`) !== d.updatedAt).length;
  }
  return pending;
}
