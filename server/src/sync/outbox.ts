/**
 * The relay's outbox: every write accepted from a push is recorded here IN THE SAME TRANSACTION, so
 * nothing the relay acknowledged can be forgotten by a crash. The forwarder sends the current state of
 * the documents upstream and marks rows only once central acknowledged them, or parks them: refused for
 * good (by central, or by the forwarder itself: document missing or too big), with the code, the French
 * reason and the date kept, never retried. A row is pending until it is forwarded or parked.
 */
import { sql } from '../db/statements';
import type { SyncCollection } from '../../../shared/src/sync/protocol';
import type { Db } from '../db/database';

export interface OutboxRow {
  seq: number;
  collection: SyncCollection;
  doc_id: string;
  user_id: string;
  attempts: number;
}

export function enqueueOutbox(db: Db, collection: SyncCollection, docId: string, userId: string, at: string): void {
  sql(db, 'INSERT INTO outbox (collection, doc_id, user_id, created_at) VALUES (?, ?, ?, ?)').run(collection, docId, userId, at);
}

export function pendingOutbox(db: Db, limit: number): OutboxRow[] {
  return sql(db, 'SELECT seq, collection, doc_id, user_id, attempts FROM outbox WHERE forwarded_at IS NULL AND rejected_code IS NULL ORDER BY attempts, seq LIMIT ?')
    .all(limit) as OutboxRow[];
}

export function countPendingOutbox(db: Db): number {
  return (sql(db, 'SELECT count(*) AS n FROM outbox WHERE forwarded_at IS NULL AND rejected_code IS NULL').get() as { n: number }).n;
}

export function markForwarded(db: Db, seqs: number[], at: string): void {
  const mark = sql(db, 'UPDATE outbox SET forwarded_at = ?, attempts = attempts + 1 WHERE seq = ?');
  db.transaction(() => seqs.forEach((seq) => mark.run(at, seq)))();
}

/** Parks rows: refused for good, with the code and French reason; they leave the pending count. */
export function markParked(db: Db, seqs: number[], code: string, reason: string, at: string): void {
  const mark = sql(db, 'UPDATE outbox SET rejected_code = ?, last_error = ?, parked_at = ?, attempts = attempts + 1 WHERE seq = ?');
  db.transaction(() => seqs.forEach((seq) => mark.run(code, reason, at, seq)))();
}

export function markRetry(db: Db, seqs: number[], error: string): void {
  const mark = sql(db, 'UPDATE outbox SET last_error = ?, attempts = attempts + 1 WHERE seq = ?');
  db.transaction(() => seqs.forEach((seq) => mark.run(error, seq)))();
}

// A parked row still matters while no later row of the same document exists (a later change is pending or forwarded).
const STILL_PARKED = `o.rejected_code IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM outbox later WHERE later.collection = o.collection AND later.doc_id = o.doc_id AND later.seq > o.seq)`;

/** `o.user_id` among these users (a JSON array parameter), for the status page of one school's administrators. */
const OF_USERS = 'o.user_id IN (SELECT value FROM json_each(?))';

/** Parked documents (refused for good by central): of these users, or of all. */
export function countParkedOutbox(db: Db, userIds?: ReadonlySet<string>): number {
  if (!userIds) return (sql(db, `SELECT count(*) AS n FROM outbox o WHERE ${STILL_PARKED}`).get() as { n: number }).n;
  return (sql(db, `SELECT count(*) AS n FROM outbox o WHERE ${STILL_PARKED} AND ${OF_USERS}`).get(JSON.stringify([...userIds])) as { n: number }).n;
}

export interface ParkedOutboxRow {
  seq: number;
  collection: SyncCollection;
  docId: string;
  userId: string;
  firstName: string | null;
  lastName: string | null;
  division: string | null;
  code: string;
  reason: string;
  parkedAt: string | null;
}

/** The latest parked rows of these users, newest first, with the pupil they belong to. */
export function latestParkedOutbox(db: Db, userIds: ReadonlySet<string>, limit: number): ParkedOutboxRow[] {
  return sql(db,
    `SELECT o.seq, o.collection, o.doc_id AS docId, o.user_id AS userId, u.first_name AS firstName, u.last_name AS lastName,
       (SELECT d.name FROM organization_learners l LEFT JOIN divisions d ON d.id = l.division_id WHERE l.user_id = o.user_id LIMIT 1) AS division,
       o.rejected_code AS code, coalesce(o.last_error, o.rejected_code) AS reason, o.parked_at AS parkedAt
     FROM outbox o LEFT JOIN users u ON u.id = o.user_id
     WHERE ${STILL_PARKED} AND ${OF_USERS}
     ORDER BY o.parked_at DESC, o.seq DESC LIMIT ?`,
  ).all(JSON.stringify([...userIds]), limit) as ParkedOutboxRow[];
}

/** Pupils among these users with data still waiting: name, division, number of pending documents. */
export function pendingByUser(db: Db, userIds: ReadonlySet<string>): { userId: string; firstName: string; lastName: string; division: string | null; pending: number }[] {
  return sql(db, 
      `SELECT o.user_id AS userId, u.first_name AS firstName, u.last_name AS lastName,
         (SELECT d.name FROM organization_learners l LEFT JOIN divisions d ON d.id = l.division_id WHERE l.user_id = o.user_id LIMIT 1) AS division,
         count(*) AS pending
       FROM outbox o LEFT JOIN users u ON u.id = o.user_id
       WHERE o.forwarded_at IS NULL AND o.rejected_code IS NULL AND ${OF_USERS}
       GROUP BY o.user_id ORDER BY division, lastName, firstName`,
    )
    .all(JSON.stringify([...userIds])) as { userId: string; firstName: string; lastName: string; division: string | null; pending: number }[];
}

/**
 * What the relay still owes central for these users, for the device's second receipt (« transmis »):
 * documents with an outbox row not yet acknowledged by central (pending), and documents whose latest
 * outbox row central refused for good (parked), with the code and French reason of the refusal.
 */
export function upstreamStateOf(
  db: Db,
  userIds: Iterable<string>,
): { pending: { collection: SyncCollection; id: string }[]; parked: { collection: SyncCollection; id: string; code: string; reason: string }[] } {
  const pendingOf = sql(db, 'SELECT DISTINCT collection, doc_id AS id FROM outbox WHERE user_id = ? AND forwarded_at IS NULL AND rejected_code IS NULL ORDER BY collection, doc_id');
  const parkedOf = sql(db,
    `SELECT o.collection, o.doc_id AS id, o.rejected_code AS code, coalesce(o.last_error, o.rejected_code) AS reason
     FROM outbox o WHERE o.user_id = ? AND ${STILL_PARKED} ORDER BY o.collection, o.doc_id`,
  );
  const pending: { collection: SyncCollection; id: string }[] = [];
  const parked: { collection: SyncCollection; id: string; code: string; reason: string }[] = [];
  for (const userId of userIds) {
    pending.push(...(pendingOf.all(userId) as { collection: SyncCollection; id: string }[]));
    parked.push(...(parkedOf.all(userId) as { collection: SyncCollection; id: string; code: string; reason: string }[]));
  }
  return { pending, parked };
}
