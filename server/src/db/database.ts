/**
 * Opens the node's SQLite file (WAL, foreign keys on, busy timeout) and brings its schema up to date.
 * WAL plus transactions is what lets the relay survive a power cut mid-write; `synchronous = FULL` makes
 * every commit reach the disk before the node answers, so what a device holds a receipt for survives a
 * power cut too (NORMAL may roll back the last commits: the device would then wipe answers at logout that
 * the node lost). Group commit (push-queue.ts) keeps the cost to one fsync per group of pushes.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations';

export type Db = Database.Database;

export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL');
  migrate(db);
  return db;
}

export function getSetting(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM node_settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO node_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}
