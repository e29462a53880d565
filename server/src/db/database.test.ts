import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database';

describe('openDatabase', () => {
  it('acknowledges only what is on disk: WAL with synchronous = FULL (2)', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'pix-db-')), 'pix.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });
});
