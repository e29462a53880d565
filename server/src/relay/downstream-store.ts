/**
 * What the relay's downward replicator keeps between passes and across restarts, in `node_settings`:
 * per collection, the checkpoint of central's pull and the documents "parked" because they cannot be
 * applied yet (their assessment, participation, campaign or user is not known locally: retried on
 * every pass), and the content pack version the documents were re-scored with (a new local pack
 * re-pulls everything, so answers refused by an older pack get another chance).
 */
import type { SyncCheckpoint, SyncCollection } from '../../../shared/src/sync/protocol';
import { getSetting, setSetting, type Db } from '../db/database';
import { sql } from '../db/statements';

export interface ParkedDoc {
  id: string;
  userId: string;
  [field: string]: unknown;
}

const checkpointKey = (collection: SyncCollection) => `downstream_checkpoint:${collection}`;
const parkedKey = (collection: SyncCollection) => `downstream_parked:${collection}`;
const PACK_VERSION_KEY = 'downstream_pack_version';

export function readCheckpoint(db: Db, collection: SyncCollection): SyncCheckpoint {
  const raw = getSetting(db, checkpointKey(collection));
  if (!raw) return { seq: 0, id: '' };
  const parsed = JSON.parse(raw) as SyncCheckpoint;
  return { seq: parsed.seq, id: parsed.id };
}

export function writeCheckpoint(db: Db, collection: SyncCollection, checkpoint: SyncCheckpoint): void {
  setSetting(db, checkpointKey(collection), JSON.stringify({ seq: checkpoint.seq, id: checkpoint.id }));
}

export function readParked(db: Db, collection: SyncCollection): Map<string, ParkedDoc> {
  const raw = getSetting(db, parkedKey(collection));
  const docs = raw ? (JSON.parse(raw) as ParkedDoc[]) : [];
  return new Map(docs.map((doc) => [doc.id, doc]));
}

export function writeParked(db: Db, collection: SyncCollection, parked: ReadonlyMap<string, ParkedDoc>): void {
  setSetting(db, parkedKey(collection), JSON.stringify([...parked.values()]));
}

export function countParked(db: Db, collections: readonly SyncCollection[]): number {
  return collections.reduce((n, c) => n + readParked(db, c).size, 0);
}

/**
 * Forgets every checkpoint when the local content pack changed since the last pass (first pass:
 * just records the version). Returns true when the checkpoints were reset.
 */
export function resetOnPackChange(db: Db, packVersion: string): boolean {
  const previous = getSetting(db, PACK_VERSION_KEY);
  if (previous === packVersion) return false;
  db.transaction(() => {
    if (previous !== undefined) sql(db, "DELETE FROM node_settings WHERE key LIKE 'downstream_checkpoint:%'").run();
    setSetting(db, PACK_VERSION_KEY, packVersion);
  })();
  return previous !== undefined;
}
