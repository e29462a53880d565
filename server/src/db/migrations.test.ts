import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { migrate, migrations } from './migrations';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function schemaOf(db: Database.Database) {
  return db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
}

describe('migrations', () => {
  it('apply every migration once, recorded in schema_migrations', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(migrations.map((m) => m.version));
    const recorded = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual(migrations.map((m) => ({ version: m.version })));
  });

  it('running them twice changes nothing', () => {
    const db = new Database(':memory:');
    migrate(db);
    const before = schemaOf(db);
    expect(migrate(db)).toEqual([]);
    expect(schemaOf(db)).toEqual(before);
  });

  it('a failing migration is rolled back whole and not recorded', () => {
    const db = new Database(':memory:');
    migrate(db);
    const broken = [...migrations, { version: 999, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(db.prepare('SELECT version FROM schema_migrations WHERE version = 999').get()).toBeUndefined();
  });

  it('a file database is in WAL mode with foreign keys on, and reopening keeps data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pix-db-'));
    dirs.push(dir);
    const file = join(dir, 'pix.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.prepare("INSERT INTO node_settings (key, value) VALUES ('k', 'v')").run();
    expect(() => db.prepare("INSERT INTO memberships (id, organization_id, user_id, role) VALUES ('m', 'no-org', 'no-user', 'ADMIN')").run()).toThrow(/FOREIGN KEY/);
    db.close();
    const again = openDatabase(file);
    expect(again.prepare("SELECT value FROM node_settings WHERE key = 'k'").get()).toEqual({ value: 'v' });
    again.close();
  });
});
