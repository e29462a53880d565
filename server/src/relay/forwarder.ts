/**
 * Store-and-forward, upward: pushes the outbox to central with the same protocol a device uses
 * (bearer = relay token), collection by collection in dependency order, in batches cut by count
 * (PUSH_ROWS_MAX) AND by bytes (FORWARD_BATCH_BYTES, well under central's body limit), each marked as
 * soon as central answered it. A row is marked only from central's answer: accepted (or already there,
 * returned as a conflict) → forwarded; refused for good → parked with its code and French reason, never
 * retried; refused as retryable → stays pending (attempts + 1, so it goes behind fresh rows), parked
 * after RETRY_ATTEMPTS_MAX refusals. A batch central refuses whole as too big (413) or malformed
 * (400, 422) is halved until the culprit is alone, then that row is parked: no row can block the others.
 * The forwarder parks by itself a document missing from the relay's base, or too big to ever fit a batch.
 * Network failures and other HTTP answers (401, 5xx…) leave everything pending: the next attempt sends
 * the same documents again, which central stores once (idempotent push).
 */
import * as z from 'zod/mini';
import { PUSH_ROWS_MAX, SYNC_COLLECTIONS, type SyncCollection, type SyncDoc } from '../../../shared/src/sync/protocol';
import type { Db } from '../db/database';
import { API_BODY_LIMIT_BYTES } from '../http/limits';
import { readDocument } from '../sync/document-repository';
import { markForwarded, markParked, markRetry, pendingOutbox, type OutboxRow } from '../sync/outbox';

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

/** Byte budget of one push body sent to central: a fifth of its limit (room for a smaller proxy limit). */
export const FORWARD_BATCH_BYTES = Math.floor(API_BODY_LIMIT_BYTES / 5);
/** Retryable refusals of one row before it is parked (its dependency was itself parked, or never comes). */
export const RETRY_ATTEMPTS_MAX = 20;

export interface ForwardOptions {
  /** outbox rows read per pass (default PUSH_ROWS_MAX) */
  limit?: number;
  /** byte budget of one push body (default FORWARD_BATCH_BYTES) */
  maxBatchBytes?: number;
  /** rows per push (default PUSH_ROWS_MAX) */
  maxBatchRows?: number;
  retryAttemptsMax?: number;
}

export interface ForwardResult {
  /** documents central answered for */
  sent: number;
  forwarded: number;
  /** parked: refused for good, by central or by the forwarder */
  rejected: number;
  retry: number;
  /** pupils whose documents central now holds or refused: their devices' second receipt changed */
  users: Set<string>;
}

/** Central's answer, read leniently: a newer central may refuse with a code this relay does not know. */
const responseSchema = z.object({
  conflicts: z.array(z.unknown()),
  rejected: z.array(z.object({ id: z.string(), code: z.string(), message: z.string(), retryable: z.boolean() })),
});
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export class UpstreamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpstreamError';
  }
}

/** One document to send: its outbox rows and its serialised push row. */
interface Item {
  doc: SyncDoc;
  rows: OutboxRow[];
  /** `{"newDocumentState":…}` */
  json: string;
  bytes: number;
}

const ENVELOPE_BYTES = Buffer.byteLength('{"rows":[]}');

/** Statuses by which central refuses the content of a batch (so a smaller batch may pass). */
const CONTENT_REFUSALS = new Set([400, 413, 422]);

type PushOutcome =
  | { kind: 'answered'; rejected: z.infer<typeof responseSchema>['rejected'] }
  | { kind: 'refused'; status: number; code: string; message: string };

async function pushUpstream(upstream: Upstream, collection: SyncCollection, items: Item[]): Promise<PushOutcome> {
  let response: Response;
  try {
    response = await upstream.fetch(`${upstream.url}/api/sync/${collection}/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${upstream.token}` },
      body: `{"rows":[${items.map((item) => item.json).join(',')}]}`,
      signal: upstreamSignal(upstream),
    });
  } catch (error) {
    throw new UpstreamError(`central injoignable : ${error instanceof Error ? error.message : String(error)}`);
  }
  if (CONTENT_REFUSALS.has(response.status)) {
    const text = await response.text().catch(() => '');
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    const error = errorSchema.safeParse(body);
    return {
      kind: 'refused',
      status: response.status,
      code: error.success ? error.data.error.code : `HTTP_${response.status}`,
      message: error.success ? error.data.error.message : text.slice(0, 200),
    };
  }
  if (!response.ok) throw new UpstreamError(`central a répondu ${response.status} : ${(await response.text().catch(() => '')).slice(0, 200)}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new UpstreamError('réponse de central illisible');
  }
  const parsed = responseSchema.safeParse(body);
  if (!parsed.success) throw new UpstreamError('réponse de central illisible');
  return { kind: 'answered', rejected: parsed.data.rejected };
}

/** Consecutive batches within both budgets, in outbox order. */
function cutBatches(items: Item[], maxBytes: number, maxRows: number): Item[][] {
  const batches: Item[][] = [];
  let batch: Item[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const item of items) {
    if (batch.length > 0 && (batch.length >= maxRows || bytes + item.bytes > maxBytes)) {
      batches.push(batch);
      batch = [];
      bytes = ENVELOPE_BYTES;
    }
    batch.push(item);
    bytes += item.bytes;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

const seqsOf = (items: Item[]) => items.flatMap((item) => item.rows.map((row) => row.seq));
const kb = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('fr-FR')} Ko`;

/**
 * One forwarding pass over at most `limit` pending outbox rows (fewest attempts first). Throws
 * UpstreamError when central is unreachable; what central already answered stays marked.
 */
export async function forwardOnce(db: Db, upstream: Upstream, now: () => Date, options: ForwardOptions = {}): Promise<ForwardResult> {
  const maxBytes = options.maxBatchBytes ?? FORWARD_BATCH_BYTES;
  const maxRows = options.maxBatchRows ?? PUSH_ROWS_MAX;
  const retryAttemptsMax = options.retryAttemptsMax ?? RETRY_ATTEMPTS_MAX;
  const rows = pendingOutbox(db, options.limit ?? PUSH_ROWS_MAX);
  const result: ForwardResult = { sent: 0, forwarded: 0, rejected: 0, retry: 0, users: new Set() };
  const park = (seqs: number[], code: string, reason: string) => {
    if (seqs.length === 0) return;
    markParked(db, seqs, code, reason, now().toISOString());
    result.rejected += seqs.length;
  };

  for (const collection of SYNC_COLLECTIONS) {
    const byDoc = new Map<string, OutboxRow[]>();
    for (const row of rows) if (row.collection === collection) byDoc.set(row.doc_id, [...(byDoc.get(row.doc_id) ?? []), row]);
    const items: Item[] = [];
    for (const [docId, outboxRows] of byDoc) {
      const doc = readDocument(db, collection, docId);
      const seqs = outboxRows.map((r) => r.seq);
      if (!doc) {
        park(seqs, 'MISSING_DOCUMENT', 'Document absent de la base du relais : rien à transmettre.');
        continue;
      }
      const json = JSON.stringify({ newDocumentState: doc });
      // + 1: the comma between two rows
      const bytes = Buffer.byteLength(json) + 1;
      if (ENVELOPE_BYTES + bytes > maxBytes) {
        park(seqs, 'DOCUMENT_TOO_LARGE', `Document trop volumineux pour être transmis au serveur central (${kb(bytes)}, au plus ${kb(maxBytes)} par envoi).`);
        continue;
      }
      items.push({ doc, rows: outboxRows, json, bytes });
    }

    const queue = cutBatches(items, maxBytes, maxRows);
    while (queue.length > 0) {
      const batch = queue.shift() as Item[];
      const outcome = await pushUpstream(upstream, collection, batch);
      if (outcome.kind === 'refused') {
        if (batch.length > 1) {
          // Halve: the culprit ends up alone, the other half goes through.
          const half = Math.ceil(batch.length / 2);
          queue.unshift(batch.slice(0, half), batch.slice(half));
        } else if (outcome.status === 413) {
          park(seqsOf(batch), 'DOCUMENT_TOO_LARGE', `Le serveur central refuse ce document, trop volumineux (${kb(batch[0].bytes)}).`);
        } else {
          park(seqsOf(batch), outcome.code, `Le serveur central refuse ce document : ${outcome.message}`);
        }
        continue;
      }
      result.sent += batch.length;
      const refused = new Map(outcome.rejected.map((r) => [r.id, r]));
      const forwarded: number[] = [];
      for (const item of batch) {
        const seqs = item.rows.map((r) => r.seq);
        const rejection = refused.get(item.doc.id);
        result.users.add(item.doc.userId);
        if (!rejection) forwarded.push(...seqs);
        else if (!rejection.retryable) park(seqs, rejection.code, rejection.message);
        else if (Math.max(...item.rows.map((r) => r.attempts)) + 1 >= retryAttemptsMax) {
          park(seqs, rejection.code, `${rejection.message} Abandonné après ${retryAttemptsMax} tentatives.`);
        } else {
          markRetry(db, seqs, `${rejection.code} : ${rejection.message}`);
          result.retry += seqs.length;
        }
      }
      markForwarded(db, forwarded, now().toISOString());
      result.forwarded += forwarded.length;
    }
  }
  return result;
}
