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
