/**
 * Group commit for pushes. Pushes whose bodies arrived during the same turn of the event loop are
 * applied together: ONE SQLite transaction, each push inside it in its own savepoint (a nested
 * better-sqlite3 transaction), so each push stays all-or-nothing and independent of the others,
 * while the commit cost (the largest fixed cost of a small push) is paid once per group.
 * Results are handed back, and changes announced, only after the commit. `afterGroup` (the deriver) gets a
 * short piece of work inside the same transaction, so the group's derivations share its commit.
 */
import type { Db } from '../db/database';

/** Work run after each group inside its transaction (the deriver), then told once it committed. */
export interface AfterGroup<T> {
  work: () => T;
  finish: (value: T) => void;
}

interface Job<T> {
  work: () => T;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export class PushQueue {
  private jobs: Job<unknown>[] = [];
  private scheduled = false;

  constructor(
    private readonly db: Db,
    private readonly maxGroup = 64,
    private readonly afterGroup?: AfterGroup<unknown>,
  ) {}

  /** Runs `work` (synchronous, writes through `db`) in the next group; resolves after the commit. */
  submit<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.jobs.push({ work, resolve, reject } as Job<unknown>);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    while (this.jobs.length > 0) {
      const group = this.jobs.splice(0, this.maxGroup);
      const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
      let after: { value: unknown } | undefined;
      try {
        this.db.transaction(() => {
          for (const job of group) {
            try {
              outcomes.push({ ok: true, value: this.db.transaction(job.work)() });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
          // In its own savepoint: a failure there never undoes the pushes.
          if (this.afterGroup) {
            try {
              after = { value: this.db.transaction(this.afterGroup.work)() };
            } catch {
              after = undefined;
            }
          }
        })();
      } catch (error) {
        group.forEach((job) => job.reject(error));
        continue;
      }
      if (after) this.afterGroup?.finish(after.value);
      group.forEach((job, i) => {
        const outcome = outcomes[i];
        if (outcome.ok) job.resolve(outcome.value);
        else job.reject(outcome.error);
      });
    }
  }
}
