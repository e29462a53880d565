/**
 * Store-and-forward, upward: pushes the outbox to central with the same protocol a device uses
 * (bearer = relay token), collection by collection in dependency order. A row is marked only from
 * central's answer: accepted (or already there, returned as a conflict) → forwarded; refused for good
 * → marked with its code and message, never retried; refused as retryable → stays pending. Network
 * or HTTP failures leave everything pending: the next attempt sends the same documents again, which
 * central stores once (idempotent push).
 */
import { SYNC_COLLECTIONS, type SyncCollection, type SyncDoc } from '../../../shared/src/sync/protocol';
import { pushResponseSchema } from '../../../shared/src/sync/schemas';
import * as z from 'zod/mini';
import type { Db } from '../db/database';
import { readDocument } from '../sync/document-store';
import { markForwarded, markRejected, markRetry, pendingOutbox, type OutboxRow } from '../sync/outbox';

export interface Upstream {
  url: string;
  token: string;
  fetch: typeof fetch;
  timeoutMs?: number;
  /** aborts requests in flight (the relay is stopping) */
  signal?: AbortSignal;
}

/** Timeout of one upstream request, cut short when the relay stops. */
export function upstreamSignal(upstream: Upstream): AbortSignal {
  const timeout = AbortSignal.timeout(upstream.timeoutMs ?? 30_000);
  return upstream.signal ? AbortSignal.any([timeout, upstream.signal]) : timeout;
}

export interface ForwardResult {
  sent: number;
  forwarded: number;
  rejected: number;
  retry: number;
}

const responseSchema = pushResponseSchema(z.unknown());

export class UpstreamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpstreamError';
  }
}

async function pushUpstream(upstream: Upstream, collection: SyncCollection, docs: SyncDoc[]) {
  let response: Response;
  try {
    response = await upstream.fetch(`${upstream.url}/api/sync/${collection}/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${upstream.token}` },
      body: JSON.stringify({ rows: docs.map((doc) => ({ newDocumentState: doc })) }),
      signal: upstreamSignal(upstream),
    });
  } catch (error) {
    throw new UpstreamError(`central injoignable : ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new UpstreamError(`central a répondu ${response.status} : ${(await response.text()).slice(0, 200)}`);
  const parsed = responseSchema.safeParse(await response.json());
  if (!parsed.success) throw new UpstreamError('réponse de central illisible');
  return parsed.data;
}

/** One forwarding pass over at most `limit` outbox rows. Throws UpstreamError when central is unreachable. */
export async function forwardOnce(db: Db, upstream: Upstream, now: () => Date, limit = 500): Promise<ForwardResult> {
  const rows = pendingOutbox(db, limit);
  const result: ForwardResult = { sent: 0, forwarded: 0, rejected: 0, retry: 0 };
  for (const collection of SYNC_COLLECTIONS) {
    const ofCollection = rows.filter((r) => r.collection === collection);
    if (ofCollection.length === 0) continue;
    const byDoc = new Map<string, OutboxRow[]>();
    for (const row of ofCollection) byDoc.set(row.doc_id, [...(byDoc.get(row.doc_id) ?? []), row]);
    const docs: SyncDoc[] = [];
    const missing: number[] = [];
    for (const [docId, outboxRows] of byDoc) {
      const doc = readDocument(db, collection, docId);
      if (doc) docs.push(doc);
      else missing.push(...outboxRows.map((r) => r.seq));
    }
    if (missing.length > 0) markRejected(db, missing, 'MISSING_DOCUMENT', 'document absent de la base du relais');
    if (docs.length === 0) continue;
    const answer = await pushUpstream(upstream, collection, docs);
    result.sent += docs.length;
    const refused = new Map(answer.rejected.map((r) => [r.id, r]));
    const forwarded: number[] = [];
    for (const [docId, outboxRows] of byDoc) {
      const seqs = outboxRows.map((r) => r.seq);
      const rejection = refused.get(docId);
      if (!rejection) forwarded.push(...seqs);
      else if (rejection.retryable) {
        markRetry(db, seqs, `${rejection.code} : ${rejection.message}`);
        result.retry += seqs.length;
      } else {
        markRejected(db, seqs, rejection.code, rejection.message);
        result.rejected += seqs.length;
      }
    }
    markForwarded(db, forwarded, now().toISOString());
    result.forwarded += forwarded.length;
  }
  return result;
}
