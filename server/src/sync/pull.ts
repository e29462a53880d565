/**
 * Pull by checkpoint: the caller's documents (a relay: its organisation's users') stored after
 * {seq, id}, ordered by serverSeq then id, at most `limit`. The checkpoint returned is the last
 * document's; null when there is nothing new (the client keeps its checkpoint).
 */
import { sql } from '../db/statements';
import type { PullResponse, SyncCheckpoint, SyncCollection, SyncDoc } from '../../../shared/src/sync/protocol';
import type { Db } from '../db/database';
import { TABLE_OF } from './document-repository';
import type { Principal } from './principal';

export function pullDocuments(db: Db, principal: Principal, collection: SyncCollection, from: SyncCheckpoint, limit: number): PullResponse {
  const table = TABLE_OF[collection];
  const after = '(server_seq > @seq OR (server_seq = @seq AND id > @id)) ORDER BY server_seq, id LIMIT @limit';
  const rows = (
    principal.kind === 'user'
      ? sql(db, `SELECT doc, server_seq FROM ${table} WHERE user_id = @user AND ${after}`).all({ user: principal.userId, ...from, limit })
      : sql(db, `SELECT doc, server_seq FROM ${table} WHERE user_id IN (SELECT value FROM json_each(@users)) AND ${after}`)
          .all({ users: JSON.stringify([...principal.userIds]), ...from, limit })
  ) as { doc: string; server_seq: number }[];
  const documents = rows.map((row) => ({ ...(JSON.parse(row.doc) as SyncDoc), serverSeq: row.server_seq }));
  const last = documents[documents.length - 1];
  return { documents, checkpoint: last ? { seq: last.serverSeq ?? 0, id: last.id } : null };
}
