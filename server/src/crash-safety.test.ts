/**
 * A node killed with SIGKILL in the middle of a burst of logins (writes to sessions and failure
 * counters) restarts on a valid database, with its accounts intact.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'pix-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

async function startNode(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', '--port', String(port), '--data', dataDir, '--host', '127.0.0.1', '--quiet'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error('node did not start');
}

const login = (port: number, login: string, password: string) =>
  fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  }).then((r) => r.status, () => 0);

describe('crash safety', () => {
  it('SIGKILL during a login burst leaves a valid database', async () => {
    const port = await freePort();
    const node = await startNode(port);
    let answered = 0;
    const burst = Array.from({ length: 300 }, (_, i) =>
      login(port, i % 3 === 0 ? 'eleve@demo.pix' : `pupil${i}@demo.pix`, i % 2 ? 'Pix12345' : 'wrong').then((status) => {
        if (status !== 0) answered++;
        return status;
      }),
    );
    // Kill it mid-burst: some logins answered, others still being written.
    while (answered < 10) await new Promise((r) => setTimeout(r, 5));
    node.kill('SIGKILL');
    const statuses = await Promise.all(burst);
    expect(statuses.filter((s) => s === 0).length).toBeGreaterThan(0);

    const db = new Database(join(dataDir, 'pix.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect((db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(22);
    db.close();

    const again = await startNode(port);
    try {
      expect(await login(port, 'prof@demo.pix', 'Pix12345')).toBe(200);
    } finally {
      again.kill('SIGKILL');
    }
  }, 90_000);
});
