/**
 * A node killed with SIGKILL in the middle of a burst of logins (writes to sessions and failure
 * counters) restarts on a valid database, with its accounts intact.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnNode } from '../../scripts/lib/spawn-node';

const dataDir = mkdtempSync(join(tmpdir(), 'pix-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const login = (port: number, login: string, password: string) =>
  fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  }).then((r) => r.status, () => 0);

describe('crash safety', () => {
  it('SIGKILL during a login burst leaves a valid database', async () => {
    const port = await freePort();
    const node = await spawnNode({ port, dataDir });
    let answered = 0;
    const burst = Array.from({ length: 300 }, (_, i) =>
      login(port, i % 3 === 0 ? 'eleve@demo.pix' : `pupil${i}@demo.pix`, i % 2 ? 'Pix12345' : 'wrong').then((status) => {
        if (status !== 0) answered++;
        return status;
      }),
    );
    // Kill it mid-burst: some logins answered, others still being written.
    while (answered < 10) await new Promise((r) => setTimeout(r, 5));
    node.child.kill('SIGKILL');
    const statuses = await Promise.all(burst);
    expect(statuses.filter((s) => s === 0).length).toBeGreaterThan(0);

    const db = new Database(join(dataDir, 'pix.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect((db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(22);
    db.close();

    const again = await spawnNode({ port, dataDir });
    try {
      expect(await login(port, 'prof@demo.pix', 'Pix12345')).toBe(200);
    } finally {
      again.child.kill('SIGKILL');
    }
  }, 90_000);
});
