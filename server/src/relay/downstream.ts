/**
 * Store-and-forward, downward: the relay pulls from central, with its relay token, the documents of
 * its organisation's users that central stored after the relay's checkpoint (a pupil answered at
 * home), collection by collection in dependency order, and applies them locally exactly like a push
 * (applyPush: the shared merge rules, re-scoring with the RELAY's content pack, knowledge elements,
 * completion) but WITHOUT the outbox (forwarding off: central already has them, nothing echoes back).
 * Each stored change gets a new local serverSeq, so the school's devices pull it from the relay.
 *
 * A page and its checkpoint commit in one transaction; a crash re-pulls at most one page, which the
 * merge rules make harmless (idempotent). Documents that cannot be applied yet (retryable refusal,
 * or a user the relay does not know before the next snapshot) are parked in node_settings and
 * retried on every pass; documents refused for good (e.g. a challenge missing from an older pack)
 * are logged and skipped.
 */
import * as z from 'zod/mini';
import type { PackIndex } from '../../../shared/src/model/pack-index';
import {
  SYNC_COLLECTIONS, SYNC_FORMAT_HEADER, SYNC_FORMAT_VERSION, type SyncCheckpoint, type SyncCollection,
} from '../../../shared/src/sync/protocol';
import { pullResponseSchema } from '../../../shared/src/sync/schemas';
import { getSetting, type Db } from '../db/database';
import { organizationUserIds, type Principal } from '../sync/principal';
import { deriverOf } from '../sync/deriver';
import { applyPush } from '../sync/push';
import { sql } from '../db/statements';
import { readCheckpoint, readParked, resetOnPackChange, writeCheckpoint, writeParked, type ParkedDoc } from './downstream-store';
import { UpstreamError, upstreamSignal, type Upstream } from './forwarder';

/** node_settings key holding the organisation of the relay token (written with each snapshot). */
export const RELAY_ORGANIZATION_KEY = 'relay_organization_id';
/** Oldest parked documents beyond this, per collection, are dropped (logged): central keeps them. */
export const MAX_PARKED = 2_000;

export interface DownstreamDeps {
  db: Db;
  upstream: Upstream;
  /** the relay's content pack: pulled answers are re-scored with it */
  index: PackIndex;
  now: () => Date;
  log: (line: string) => void;
  /** announces the users whose documents changed, after each commit (live streams of LAN devices) */
  announce?: (userIds: ReadonlySet<string>) => void;
  /** documents per pull request (default 200, at most 500) */
  pageSize?: number;
  /** pull requests per collection and pass (default 50) */
  maxPages?: number;
}

export interface DownstreamResult {
  /** documents received from central */
  pulled: number;
  /** local writes (new serverSeq), stored documents and derived changes */
  writes: number;
  /** documents waiting for a dependency at the end of the pass */
  parked: number;
  /** documents refused for good by the relay during the pass */
  refused: number;
}

const pageSchema = pullResponseSchema(z.looseObject({ id: z.string(), userId: z.string() }));

function currentSeq(db: Db): number {
  return (sql(db, 'SELECT seq FROM sync_counter WHERE id = 1').get() as { seq: number }).seq;
}

async function pullUpstream(upstream: Upstream, collection: SyncCollection, from: SyncCheckpoint, limit: number) {
  const url = `${upstream.url}/api/sync/${collection}/pull?seq=${from.seq}&id=${encodeURIComponent(from.id)}&limit=${limit}`;
  let response: Response;
  try {
    response = await upstream.fetch(url, {
      headers: { authorization: `Bearer ${upstream.token}`, [SYNC_FORMAT_HEADER]: String(SYNC_FORMAT_VERSION) },
      signal: upstreamSignal(upstream),
    });
  } catch (error) {
    throw new UpstreamError(`central injoignable : ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new UpstreamError(`lecture de ${collection} refusée par central (${response.status}) : ${(await response.text()).slice(0, 200)}`);
  const parsed = pageSchema.safeParse(await response.json());
  if (!parsed.success) throw new UpstreamError(`réponse de central illisible (${collection})`);
  return { documents: parsed.data.documents as ParkedDoc[], checkpoint: parsed.data.checkpoint };
}

interface Applied {
  refused: number;
  changedUsers: ReadonlySet<string>;
}

/** Applies documents of one collection (inside the caller's transaction) and updates `parked`. */
function applyDocuments(deps: DownstreamDeps, principal: Principal & { kind: 'relay' }, collection: SyncCollection, docs: ParkedDoc[], parked: Map<string, ParkedDoc>): Applied {
  const known = docs.filter((doc) => principal.userIds.has(doc.userId));
  for (const doc of docs) if (!principal.userIds.has(doc.userId)) parked.set(doc.id, doc);
  if (known.length === 0) return { refused: 0, changedUsers: new Set() };
  const outcome = applyPush(
    { db: deps.db, index: deps.index, forwarding: false, now: deps.now, log: deps.log },
    principal,
    collection,
    { rows: known.map((doc) => ({ newDocumentState: doc })) },
  );
  const rejected = new Map(outcome.response.rejected.map((r) => [r.id, r]));
  let refused = 0;
  for (const doc of known) {
    const rejection = rejected.get(doc.id);
    parked.delete(doc.id);
    if (!rejection) continue;
    if (rejection.retryable) parked.set(doc.id, doc);
    else {
      refused++;
      deps.log(`relay: ${collection}/${doc.id} reçu de central mais refusé par le relais (${rejection.code}) : ${rejection.message}`);
    }
  }
  while (parked.size > MAX_PARKED) {
    const [oldest] = parked.keys();
    parked.delete(oldest);
    deps.log(`relay: ${collection}/${oldest} en attente depuis trop longtemps, abandonné (il reste sur le serveur central)`);
  }
  return { refused, changedUsers: outcome.changedUsers };
}

/**
 * One downward pass over every collection. Needs a snapshot first (the relay's organisation and
 * users); without one it does nothing. Throws UpstreamError when central is unreachable: what was
 * committed before stays, the next pass resumes from the saved checkpoints.
 */
export async function pullDownstreamOnce(deps: DownstreamDeps): Promise<DownstreamResult> {
  const result: DownstreamResult = { pulled: 0, writes: 0, parked: 0, refused: 0 };
  const organizationId = getSetting(deps.db, RELAY_ORGANIZATION_KEY);
  if (!organizationId) return result;
  if (resetOnPackChange(deps.db, deps.index.pack.version)) {
    deps.log(`relay: nouveau contenu pédagogique (${deps.index.pack.version}) : les documents de central sont relus et recorrigés`);
  }
  const pageSize = Math.min(deps.pageSize ?? 200, 500);
  const maxPages = deps.maxPages ?? 50;
  const principal = { kind: 'relay' as const, organizationId, userIds: organizationUserIds(deps.db, organizationId) };
  const seqBefore = currentSeq(deps.db);
  const commit = (collection: SyncCollection, docs: ParkedDoc[], parked: Map<string, ParkedDoc>, checkpoint: SyncCheckpoint | null) => {
    const applied = deps.db.transaction(() => {
      const outcome = applyDocuments(deps, principal, collection, docs, parked);
      writeParked(deps.db, collection, parked);
      if (checkpoint) writeCheckpoint(deps.db, collection, checkpoint);
      return outcome;
    })();
    result.refused += applied.refused;
    deps.announce?.(applied.changedUsers);
  };

  for (const collection of SYNC_COLLECTIONS) {
    const parked = readParked(deps.db, collection);
    let checkpoint = readCheckpoint(deps.db, collection);
    for (let page = 0; page < maxPages; page++) {
      const { documents, checkpoint: next } = await pullUpstream(deps.upstream, collection, checkpoint, pageSize);
      if (!next || documents.length === 0) break;
      result.pulled += documents.length;
      commit(collection, documents, parked, next);
      checkpoint = next;
      if (documents.length < pageSize) break;
    }
    // Their assessment, participation or user may have arrived during this pass.
    const waiting = [...parked.values()];
    for (let i = 0; i < waiting.length; i += 500) commit(collection, waiting.slice(i, i + 500), parked, null);
    result.parked += parked.size;
  }
  // What the pass stored is derived in slices (the LAN's pushes go on meanwhile); the pass ends after it.
  await deriverOf({ db: deps.db, index: deps.index, now: deps.now, log: deps.log }).idle();
  result.writes = currentSeq(deps.db) - seqBefore;
  return result;
}
