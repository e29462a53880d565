import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPool } from './pool';

// A child speaking the pool's protocol without TypeScript: squares numbers, fails on a negative one.
const dir = mkdtempSync(join(tmpdir(), 'simulate-pool-'));
const script = join(dir, 'child.mjs');
writeFileSync(script, `
process.on('message', (m) => {
  if (m.type !== 'task') return;
  if (m.task < 0) process.send({ type: 'error', id: m.id, message: 'négatif : ' + m.task });
  else process.send({ type: 'result', id: m.id, result: { square: m.task * m.task, pid: process.pid } });
});
`);

describe('runPool', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const tasks = Array.from({ length: 9 }, (_, i) => i);

  it('runs in this process with one worker', async () => {
    expect(await runPool({ tasks, workers: 1, script, args: [], local: (n) => ({ square: n * n, pid: process.pid }) })).toEqual(tasks.map((n) => ({ square: n * n, pid: process.pid })));
  });

  it('spreads the tasks over child processes and returns the results in task order', async () => {
    const results = await runPool({ tasks, workers: 2, script, args: [], local: (): { square: number; pid: number } => { throw new Error('not local'); } });
    expect(results.map((r) => r.square)).toEqual(tasks.map((n) => n * n));
    expect(new Set(results.map((r) => r.pid)).size).toBe(2);
    expect(results.every((r) => r.pid !== process.pid)).toBe(true);
  });

  it('rejects with the message of a failing task', async () => {
    await expect(runPool({ tasks: [1, -2, 3], workers: 2, script, args: [], local: () => ({ square: 0, pid: 0 }) })).rejects.toThrow('négatif : -2');
  });
});
