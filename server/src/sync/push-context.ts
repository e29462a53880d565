/**
 * State of one push while its transaction runs: the outcome lists returned to the caller, the users
 * to announce after commit, and `store`, the single place where an accepted write is stored (new
 * serverSeq) and, on a relay, recorded in the outbox within the same transaction.
 */
import type { PackIndex } from '../../../shared/src/model/pack-index';
import type { RejectedRow, SyncCollection, SyncDoc, SyncDocByCollection } from '../../../shared/src/sync/protocol';
import type { Db } from '../db/database';
import { writeDocument } from './document-repository';
import { enqueueOutbox } from './outbox';
import type { Principal } from './principal';

export interface PushContext {
  db: Db;
  index: PackIndex;
  principal: Principal;
  /** server time of this push, ISO */
  now: string;
  /** relay mode: accepted writes enter the outbox */
  forwarding: boolean;
  conflicts: SyncDoc[];
  rejected: RejectedRow[];
  changedUsers: Set<string>;
  /** assessments this push queued for derivation (the route answers once they are derived) */
  queued: Set<string>;
}

/** What storing a document needs (a push, or the deriver). */
export type StoreContext = Pick<PushContext, 'db' | 'now' | 'forwarding' | 'changedUsers'>;

/**
 * Stores a document. `forward`: the write came from the pushed row itself (not derived by the node),
 * so the relay must pass it on; derived changes are recomputed by central from the same inputs.
 */
export function store<C extends SyncCollection>(ctx: StoreContext, collection: C, doc: SyncDocByCollection[C], forward: boolean): SyncDocByCollection[C] {
  const stored = writeDocument(ctx.db, collection, doc);
  ctx.changedUsers.add(doc.userId);
  if (forward && ctx.forwarding) enqueueOutbox(ctx.db, collection, doc.id, doc.userId, ctx.now);
  return stored;
}
