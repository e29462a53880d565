/**
 * Numbered schema migrations. Each runs in a transaction and is recorded in `schema_migrations`;
 * running them again changes nothing. Never edit a released migration: add the next number.
 */
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'accounts-organizations',
    sql: `
      CREATE TABLE node_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        email TEXT UNIQUE,
        username TEXT UNIQUE,
        password_hash TEXT NOT NULL,
        birthdate TEXT,
        created_at TEXT NOT NULL,
        CHECK (email IS NOT NULL OR username IS NOT NULL)
      );
      CREATE TABLE organizations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('SCO', 'SUP', 'PRO', 'SCO-1D')),
        external_id TEXT,
        is_managing_students INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE TABLE memberships (
        id TEXT PRIMARY KEY,
        organization_id TEXT NOT NULL REFERENCES organizations(id),
        user_id TEXT NOT NULL REFERENCES users(id),
        role TEXT NOT NULL CHECK (role IN ('ADMIN', 'MEMBER')),
        UNIQUE (organization_id, user_id)
      );
      CREATE TABLE divisions (
        id TEXT PRIMARY KEY,
        organization_id TEXT NOT NULL REFERENCES organizations(id),
        name TEXT NOT NULL,
        UNIQUE (organization_id, name)
      );
      CREATE TABLE organization_learners (
        id TEXT PRIMARY KEY,
        organization_id TEXT NOT NULL REFERENCES organizations(id),
        division_id TEXT REFERENCES divisions(id),
        user_id TEXT REFERENCES users(id),
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        birthdate TEXT NOT NULL,
        national_student_id TEXT,
        UNIQUE (organization_id, user_id)
      );
      CREATE TABLE certification_centers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('SCO', 'SUP', 'PRO')),
        external_id TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE certification_center_memberships (
        id TEXT PRIMARY KEY,
        certification_center_id TEXT NOT NULL REFERENCES certification_centers(id),
        user_id TEXT NOT NULL REFERENCES users(id),
        role TEXT NOT NULL CHECK (role IN ('ADMIN', 'MEMBER')),
        UNIQUE (certification_center_id, user_id)
      );
      CREATE TABLE auth_sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX auth_sessions_user ON auth_sessions(user_id);
      CREATE TABLE login_failures (
        account_key TEXT NOT NULL,
        at_ms INTEGER NOT NULL
      );
      CREATE INDEX login_failures_key ON login_failures(account_key, at_ms);
    `,
  },
  {
    version: 2,
    name: 'sync-campaigns-relay',
    // Replicated documents keep their full JSON in `doc` (what pull returns) plus the columns the
    // node queries. server_seq comes from the single sync_counter row: the pull checkpoint.
    sql: `
      CREATE TABLE sync_counter (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL
      );
      INSERT INTO sync_counter (id, seq) VALUES (1, 0);
      CREATE TABLE campaigns (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        organization_id TEXT NOT NULL REFERENCES organizations(id),
        name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('ASSESSMENT', 'PROFILES_COLLECTION')),
        target_profile_id TEXT,
        title TEXT,
        custom_landing_message TEXT,
        id_pix_label TEXT,
        division_id TEXT REFERENCES divisions(id),
        created_by TEXT REFERENCES users(id),
        created_at TEXT NOT NULL,
        archived_at TEXT
      );
      CREATE INDEX campaigns_organization ON campaigns(organization_id);
      CREATE TABLE campaign_participations (
        id TEXT PRIMARY KEY,
        campaign_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('STARTED', 'TO_SHARE', 'SHARED')),
        participant_external_id TEXT,
        created_at TEXT NOT NULL,
        shared_at TEXT,
        updated_at TEXT NOT NULL,
        server_seq INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX campaign_participations_user_seq ON campaign_participations(user_id, server_seq);
      CREATE INDEX campaign_participations_campaign ON campaign_participations(campaign_id);
      CREATE TABLE assessments (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        type TEXT NOT NULL,
        competence_id TEXT,
        campaign_participation_id TEXT,
        state TEXT NOT NULL,
        completed_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        server_seq INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX assessments_user_seq ON assessments(user_id, server_seq);
      CREATE INDEX assessments_participation ON assessments(campaign_participation_id);
      CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        assessment_id TEXT NOT NULL,
        challenge_id TEXT NOT NULL,
        result TEXT NOT NULL,
        client_result TEXT,
        superseded INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        server_seq INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX answers_user_seq ON answers(user_id, server_seq);
      CREATE INDEX answers_assessment ON answers(assessment_id);
      CREATE TABLE knowledge_elements (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        assessment_id TEXT NOT NULL,
        answer_id TEXT NOT NULL,
        skill_id TEXT NOT NULL,
        competence_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('validated', 'invalidated', 'reset')),
        source TEXT NOT NULL CHECK (source IN ('direct', 'inferred')),
        earned_pix REAL NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX knowledge_elements_user ON knowledge_elements(user_id);
      CREATE INDEX knowledge_elements_assessment ON knowledge_elements(assessment_id);
      CREATE TABLE user_tutorials (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        tutorial_id TEXT NOT NULL,
        saved INTEGER NOT NULL,
        useful INTEGER,
        deleted INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        server_seq INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX user_tutorials_user_seq ON user_tutorials(user_id, server_seq);
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        collection TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        forwarded_at TEXT,
        rejected_code TEXT,
        last_error TEXT
      );
      CREATE INDEX outbox_pending ON outbox(seq) WHERE forwarded_at IS NULL AND rejected_code IS NULL;
      CREATE INDEX outbox_user_pending ON outbox(user_id) WHERE forwarded_at IS NULL AND rejected_code IS NULL;
      CREATE TABLE relay_tokens (
        hash TEXT PRIMARY KEY,
        organization_id TEXT NOT NULL REFERENCES organizations(id),
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
    `,
  },
  {
    version: 3,
    name: 'campaign-assessment-method',
    // The adaptive engine a campaign runs (issue 8): NULL = the product default (engine-choice.ts).
    sql: `
      ALTER TABLE campaigns ADD COLUMN assessment_method TEXT CHECK (assessment_method IN ('SMART_RANDOM', 'BAYES', 'FLASH'));
    `,
  },
  {
    version: 4,
    name: 'outbox-parking',
    // Outbox rows refused for good (by central, or by the forwarder: missing or too big) are parked: they
    // keep their code and French reason (rejected_code, last_error) and the date (issue 12). Rows refused
    // before this migration are dated by their creation. The second index finds a document's later rows.
    sql: `
      ALTER TABLE outbox ADD COLUMN parked_at TEXT;
      UPDATE outbox SET parked_at = created_at WHERE rejected_code IS NOT NULL;
      CREATE INDEX outbox_parked ON outbox(parked_at, seq) WHERE rejected_code IS NOT NULL;
      CREATE INDEX outbox_document ON outbox(collection, doc_id, seq);
    `,
  },
  {
    version: 5,
    name: 'derivation-queue',
    // Assessments whose derived state must be recomputed (issue 12, bounded work): filled by pushes in
    // their transaction, emptied by the deriver in short slices (server/src/sync/deriver.ts).
    sql: `
      CREATE TABLE derivation_queue (
        assessment_id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        assessment_created_at TEXT NOT NULL,
        seq INTEGER NOT NULL
      );
      CREATE INDEX derivation_queue_seq ON derivation_queue(seq);
      CREATE INDEX derivation_queue_user ON derivation_queue(user_id, assessment_created_at, assessment_id);
    `,
  },
  {
    version: 6,
    name: 'login-failures-by-source',
    // Failed logins keyed on the account (user id, or the normalised login when it names no account) AND
    // the source address, for the progressive delays of issue 13 (shared/src/accounts/login-throttle.ts).
    // The old rows (keyed on the login string, at most ten minutes old) are dropped, not converted.
    sql: `
      DROP TABLE login_failures;
      CREATE TABLE login_failures (
        account_key TEXT NOT NULL,
        source TEXT NOT NULL,
        at_ms INTEGER NOT NULL
      );
      CREATE INDEX login_failures_account ON login_failures(account_key, source, at_ms);
      CREATE INDEX login_failures_source ON login_failures(source, at_ms);
    `,
  },
  {
    version: 7,
    name: 'user-storage',
    // Bytes of replicated documents stored per user (issue 13: a per-user quota), kept by every write of
    // document-repository.ts; filled here from what is already stored.
    sql: `
      CREATE TABLE user_storage (
        user_id TEXT PRIMARY KEY,
        bytes INTEGER NOT NULL
      );
      INSERT INTO user_storage (user_id, bytes)
        SELECT user_id, sum(n) FROM (
          SELECT user_id, octet_length(doc) AS n FROM answers
          UNION ALL SELECT user_id, octet_length(doc) FROM assessments
          UNION ALL SELECT user_id, octet_length(doc) FROM campaign_participations
          UNION ALL SELECT user_id, octet_length(doc) FROM user_tutorials
        ) GROUP BY user_id;
    `,
  },
];

export function migrate(db: Database, list: Migration[] = migrations): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version),
  );
  const done: number[] = [];
  for (const migration of [...list].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    })();
    done.push(migration.version);
  }
  return done;
}
