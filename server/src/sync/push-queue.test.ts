import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PushQueue } from './push-queue';

function table() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY)');
  let commits = 0;
  const original = db.transaction.bind(db);
  // Count outermost transactions: better-sqlite3 nests inner ones as savepoints.
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const wrapped = original(fn);
    return ((...args: unknown[]) => {
      if (!db.inTransaction) commits++;
      return wrapped(...args);
    }) as ReturnType<typeof original>;
  }) as typeof db.transaction;
  return { db, commits: () => commits };
}

describe('PushQueue (group commit)', () => {
  it('pushes submitted in the same tick share one commit; a failing push is rolled back alone', async () => {
    const { db, commits } = table();
    const queue = new PushQueue(db);
    const insert = (id: string) => () => db.prepare('INSERT INTO t (id) VALUES (?)').run(id).changes;
    const results = await Promise.allSettled([
      queue.submit(insert('a')),
      queue.submit(() => {
        db.prepare('INSERT INTO t (id) VALUES (?)').run('half');
        throw new Error('refused');
      }),
      queue.submit(insert('a')),
      queue.submit(insert('b')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT id FROM t ORDER BY id').all()).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(commits()).toBe(1);
    await queue.submit(insert('c'));
    expect(commits()).toBe(2);
  });

  it('groups are capped: more pushes than the cap are committed in several groups, in order', async () => {
    const { db, commits } = table();
    const queue = new PushQueue(db, 3);
    await Promise.all(['1', '2', '3', '4', '5'].map((id) => queue.submit(() => db.prepare('INSERT INTO t (id) VALUES (?)').run(id))));
    expect(commits()).toBe(2);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 5 });
  });

  it('the after-group work (the deriver) shares the group commit, is told after it, and its failure undoes no push', async () => {
    const { db, commits } = table();
    const finished: unknown[] = [];
    let fail = false;
    const queue = new PushQueue(db, 64, {
      work: () => {
        db.prepare("INSERT INTO t (id) VALUES ('derived')").run();
        if (fail) throw new Error('dérivation impossible');
        return 'derived';
      },
      finish: (value) => finished.push([value, db.inTransaction]),
    });
    await queue.submit(() => db.prepare("INSERT INTO t (id) VALUES ('a')").run());
    expect(commits()).toBe(1);
    expect(finished).toEqual([['derived', false]]);
    db.prepare("DELETE FROM t WHERE id = 'derived'").run();
    fail = true;
    await queue.submit(() => db.prepare("INSERT INTO t (id) VALUES ('b')").run());
    expect(db.prepare('SELECT id FROM t ORDER BY id').all()).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(finished).toHaveLength(1);
  });
});
