/**
 * Repository of the replicated documents (SQLite): one table per collection, the full document as JSON
 * in `doc` (what pull returns) plus the columns the node queries, and a monotonic `server_seq` taken
 * from the single `sync_counter` row on every stored change (the pull checkpoint). Statements are
 * prepared once per database.
 */
import type { Statement } from 'better-sqlite3';
import type {
  AnswerDoc, AssessmentDoc, CampaignParticipationDoc, SyncCollection, SyncDocByCollection, UserTutorialDoc,
} from '../../../shared/src/sync/protocol';
import type { Db } from '../db/database';

export const TABLE_OF: Record<SyncCollection, string> = {
  answers: 'answers',
  assessments: 'assessments',
  'campaign-participations': 'campaign_participations',
  'user-tutorials': 'user_tutorials',
};

interface Statements {
  nextSeq: Statement;
  read: Record<SyncCollection, Statement>;
  size: Record<SyncCollection, Statement>;
  addBytes: Statement;
  userBytes: Statement;
  write: Record<SyncCollection, Statement>;
  answersOfAssessment: Statement;
}

const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = cache.get(db);
  if (s) return s;
  const read = (table: string) => db.prepare(`SELECT doc, server_seq FROM ${table} WHERE id = ?`);
  const size = (table: string) => db.prepare(`SELECT octet_length(doc) AS n FROM ${table} WHERE id = ?`).pluck();
  s = {
    nextSeq: db.prepare('UPDATE sync_counter SET seq = seq + 1 WHERE id = 1 RETURNING seq'),
    size: {
      answers: size('answers'),
      assessments: size('assessments'),
      'campaign-participations': size('campaign_participations'),
      'user-tutorials': size('user_tutorials'),
    },
    addBytes: db.prepare('INSERT INTO user_storage (user_id, bytes) VALUES (?, ?) ON CONFLICT(user_id) DO UPDATE SET bytes = bytes + excluded.bytes'),
    userBytes: db.prepare('SELECT bytes FROM user_storage WHERE user_id = ?').pluck(),
    read: {
      answers: read('answers'),
      assessments: read('assessments'),
      'campaign-participations': read('campaign_participations'),
      'user-tutorials': read('user_tutorials'),
    },
    write: {
      answers: db.prepare(
        `INSERT INTO answers (id, user_id, assessment_id, challenge_id, result, client_result, superseded, created_at, updated_at, server_seq, doc)
         VALUES (@id, @userId, @assessmentId, @challengeId, @result, @clientResult, @superseded, @createdAt, @updatedAt, @seq, @doc)
         ON CONFLICT(id) DO UPDATE SET result = excluded.result, client_result = excluded.client_result, superseded = excluded.superseded,
           updated_at = excluded.updated_at, server_seq = excluded.server_seq, doc = excluded.doc`,
      ),
      assessments: db.prepare(
        `INSERT INTO assessments (id, user_id, type, competence_id, campaign_participation_id, state, completed_at, created_at, updated_at, server_seq, doc)
         VALUES (@id, @userId, @type, @competenceId, @campaignParticipationId, @state, @completedAt, @createdAt, @updatedAt, @seq, @doc)
         ON CONFLICT(id) DO UPDATE SET state = excluded.state, completed_at = excluded.completed_at, updated_at = excluded.updated_at,
           server_seq = excluded.server_seq, doc = excluded.doc`,
      ),
      'campaign-participations': db.prepare(
        `INSERT INTO campaign_participations (id, campaign_id, user_id, status, participant_external_id, created_at, shared_at, updated_at, server_seq, doc)
         VALUES (@id, @campaignId, @userId, @status, @participantExternalId, @createdAt, @sharedAt, @updatedAt, @seq, @doc)
         ON CONFLICT(id) DO UPDATE SET status = excluded.status, participant_external_id = excluded.participant_external_id,
           created_at = excluded.created_at, shared_at = excluded.shared_at, updated_at = excluded.updated_at, server_seq = excluded.server_seq, doc = excluded.doc`,
      ),
      'user-tutorials': db.prepare(
        `INSERT INTO user_tutorials (id, user_id, tutorial_id, saved, useful, deleted, updated_at, server_seq, doc)
         VALUES (@id, @userId, @tutorialId, @saved, @useful, @deleted, @updatedAt, @seq, @doc)
         ON CONFLICT(id) DO UPDATE SET saved = excluded.saved, useful = excluded.useful, deleted = excluded.deleted,
           updated_at = excluded.updated_at, server_seq = excluded.server_seq, doc = excluded.doc`,
      ),
    },
    answersOfAssessment: db.prepare('SELECT doc, server_seq FROM answers WHERE assessment_id = ?'),
  };
  cache.set(db, s);
  return s;
}

function parseRow<T>(row: { doc: string; server_seq: number }): T {
  return { ...(JSON.parse(row.doc) as T), serverSeq: row.server_seq };
}

export function readDocument<C extends SyncCollection>(db: Db, collection: C, id: string): SyncDocByCollection[C] | undefined {
  const row = statements(db).read[collection].get(id) as { doc: string; server_seq: number } | undefined;
  return row ? parseRow<SyncDocByCollection[C]>(row) : undefined;
}

export function answersOfAssessment(db: Db, assessmentId: string): AnswerDoc[] {
  return (statements(db).answersOfAssessment.all(assessmentId) as { doc: string; server_seq: number }[]).map((r) => parseRow<AnswerDoc>(r));
}

function withoutSeq<T extends { serverSeq?: number }>(doc: T): string {
  const { serverSeq: _ignored, ...rest } = doc;
  return JSON.stringify(rest);
}

/** Bytes of the stored document `id` (0 when there is none). */
export function storedSize(db: Db, collection: SyncCollection, id: string): number {
  return (statements(db).size[collection].get(id) as number | undefined) ?? 0;
}

/** Bytes of all the replicated documents stored for `userId` (the per-user quota, push.ts). */
export function storedBytesOfUser(db: Db, userId: string): number {
  return (statements(db).userBytes.get(userId) as number | undefined) ?? 0;
}

/**
 * Stores a document with a fresh serverSeq (must run inside the push transaction); returns it with its seq.
 * Keeps the user's stored bytes (user_storage) in the same transaction.
 */
export function writeDocument<C extends SyncCollection>(db: Db, collection: C, doc: SyncDocByCollection[C]): SyncDocByCollection[C] {
  const s = statements(db);
  const seq = (s.nextSeq.get() as { seq: number }).seq;
  const json = withoutSeq(doc);
  const before = storedSize(db, collection, doc.id);
  s.write[collection].run(columnsOf(collection, doc, seq, json));
  const delta = Buffer.byteLength(json) - before;
  if (delta !== 0) s.addBytes.run(doc.userId, delta);
  return { ...doc, serverSeq: seq };
}

function columnsOf(collection: SyncCollection, doc: SyncDocByCollection[SyncCollection], seq: number, json: string): Record<string, unknown> {
  const base = { seq, doc: json, id: doc.id, updatedAt: doc.updatedAt };
  switch (collection) {
    case 'answers': {
      const a = doc as AnswerDoc;
      return {
        ...base, userId: a.userId, assessmentId: a.assessmentId, challengeId: a.challengeId, result: a.result,
        clientResult: a.clientResult ?? null, superseded: a.superseded ? 1 : 0, createdAt: a.createdAt,
      };
    }
    case 'assessments': {
      const a = doc as AssessmentDoc;
      return {
        ...base, userId: a.userId, type: a.type, competenceId: a.competenceId ?? null, campaignParticipationId: a.campaignParticipationId ?? null,
        state: a.state, completedAt: a.completedAt ?? null, createdAt: a.createdAt,
      };
    }
    case 'campaign-participations': {
      const p = doc as CampaignParticipationDoc;
      return {
        ...base, campaignId: p.campaignId, userId: p.userId, status: p.status, participantExternalId: p.participantExternalId,
        createdAt: p.createdAt, sharedAt: p.sharedAt,
      };
    }
    case 'user-tutorials': {
      const t = doc as UserTutorialDoc;
      return { ...base, userId: t.userId, tutorialId: t.tutorialId, saved: t.saved ? 1 : 0, useful: t.useful === null ? null : t.useful ? 1 : 0, deleted: t._deleted ? 1 : 0 };
    }
  }
}
