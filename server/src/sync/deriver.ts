/**
 * The deriver: empties the derivation queue (derivation-queue.ts) in slices of at most `sliceMs` of work,
 * each slice one transaction, with a turn of the event loop between two slices. A push only stores and
 * queues, so no push holds the event loop, whatever it carries (500 back-dated answers on 500 assessments
 * included): other pupils' requests run between slices. Pupils take turns (one user's backlog never
 * starves the class), and a user's assessments are derived oldest first, so a cascade through the later
 * assessments derives each of them once.
 *
 * Callers that must answer with derived state (a push route, the relay's downward pull) wait with
 * `settled(ids)`; the queue lives in SQLite, so work queued before a crash is done after the restart.
 * One deriver per database (`deriverOf`), shared by the routes and the relay loops.
 */
import type { PackIndex } from '../../../shared/src/model/pack-index';
import type { Db } from '../db/database';
import { countQueuedDerivations, dequeueDerivation, isDerivationQueued, nextQueuedAssessment, nextQueuedUser, requeueUserLast } from './derivation-queue';
import { rederiveAssessment, type DeriveContext } from './rederive-assessment';
import type { SyncEvents } from './sync-events';

export interface DeriverDeps {
  db: Db;
  index: PackIndex;
  now: () => Date;
  log: (line: string) => void;
  events?: SyncEvents;
  /** longest run of derivations between two turns of the event loop (default 8 ms) */
  sliceMs?: number;
}

/** Queue length up to which a push waits for its own derivation before answering. */
export const KEEPING_UP_QUEUE = 4;

interface Waiter {
  ids: string[];
  resolve: () => void;
}

export class Deriver {
  private scheduled = false;
  private waiters: Waiter[] = [];
  private readonly sliceMs: number;
  private events: SyncEvents | undefined;

  constructor(private readonly deps: DeriverDeps) {
    this.sliceMs = deps.sliceMs ?? 8;
    this.events = deps.events;
    // Work queued before a restart.
    if (countQueuedDerivations(deps.db) > 0) this.kick();
  }

  /** Live streams to tell about derived changes (a relay's loops may create the deriver before its routes). */
  announceTo(events: SyncEvents): void {
    this.events ??= events;
  }

  /** Schedules a slice on the next turn of the event loop (once). */
  kick(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.slice());
  }

  /**
   * The deriver keeps up: few assessments wait. A push route then answers with derived state; beyond
   * that it answers once stored, and what is derived later reaches the devices through the stream
   * (several pushes on one assessment are then derived once).
   */
  keepingUp(): boolean {
    return countQueuedDerivations(this.deps.db) <= KEEPING_UP_QUEUE;
  }

  /** Resolves once none of these assessments is waiting for derivation. */
  settled(ids: Iterable<string>): Promise<void> {
    const list = [...ids].filter((id) => isDerivationQueued(this.deps.db, id));
    if (list.length === 0) return Promise.resolve();
    this.kick();
    return new Promise((resolve) => this.waiters.push({ ids: list, resolve }));
  }

  /** Resolves once the queue is empty. */
  async idle(): Promise<void> {
    while (countQueuedDerivations(this.deps.db) > 0) {
      this.kick();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Derives queued assessments for at most `budgetMs` (default: a slice) INSIDE the caller's transaction;
   * returns the users whose documents changed. Call `finish` with them once that transaction committed.
   * The push queue runs one such piece after each group of pushes, so one commit covers both.
   */
  work(budgetMs = this.sliceMs): Set<string> {
    const { db } = this.deps;
    const started = performance.now();
    const ctx: DeriveContext = { db, index: this.deps.index, now: this.deps.now().toISOString(), forwarding: false, changedUsers: new Set() };
    const elapsed = () => performance.now() - started;
    while (elapsed() < budgetMs) {
      const userId = nextQueuedUser(db);
      if (userId === undefined) break;
      let assessmentId = nextQueuedAssessment(db, userId);
      while (assessmentId !== undefined) {
        this.deriveOne(ctx, assessmentId);
        if (elapsed() >= budgetMs) break;
        assessmentId = nextQueuedAssessment(db, userId);
      }
      // Time is up with this pupil's work unfinished: the others go first next time.
      if (nextQueuedAssessment(db, userId) !== undefined) requeueUserLast(db, userId);
    }
    return ctx.changedUsers;
  }

  /** After the commit of a `work` piece: announce, wake who waited, go on if work remains. */
  finish(changedUsers: ReadonlySet<string>): void {
    const { db } = this.deps;
    if (changedUsers.size > 0) this.events?.publish(changedUsers);
    this.waiters = this.waiters.filter((waiter) => {
      waiter.ids = waiter.ids.filter((id) => isDerivationQueued(db, id));
      if (waiter.ids.length > 0) return true;
      waiter.resolve();
      return false;
    });
    if (countQueuedDerivations(db) > 0) this.kick();
  }

  /** A slice of its own, when no push carries the work. */
  private slice(): void {
    this.scheduled = false;
    const { db } = this.deps;
    // Derived state is recomputable (the queue entry goes in the same transaction), so a slice of its own
    // skips the fsync: a power cut may lose it, and the restarted deriver derives it again. The next FULL
    // commit (a push) syncs these frames of the WAL too.
    const synchronous = db.pragma('synchronous', { simple: true }) as number;
    db.pragma('synchronous = NORMAL');
    let changed: Set<string>;
    try {
      changed = db.transaction(() => this.work())();
    } catch (error) {
      // The database itself failed (disk full…): the queue is intact, try again in a second.
      this.deps.log(`dérivation : ${error instanceof Error ? error.message : String(error)}`);
      setTimeout(() => this.kick(), 1000).unref();
      return;
    } finally {
      db.pragma(`synchronous = ${synchronous}`);
    }
    this.finish(changed);
  }

  /** One assessment in its own savepoint: a failure is logged and dropped, never retried forever. */
  private deriveOne(ctx: DeriveContext, assessmentId: string): void {
    const { db } = this.deps;
    try {
      db.transaction(() => {
        dequeueDerivation(db, assessmentId);
        rederiveAssessment(ctx, assessmentId);
      })();
    } catch (error) {
      dequeueDerivation(db, assessmentId);
      this.deps.log(`dérivation de l'évaluation ${assessmentId} impossible : ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

const derivers = new WeakMap<Db, Deriver>();

/** The deriver of this database (created by the first caller, whose content pack it keeps). */
export function deriverOf(deps: DeriverDeps): Deriver {
  let deriver = derivers.get(deps.db);
  if (!deriver) derivers.set(deps.db, (deriver = new Deriver(deps)));
  else if (deps.events) deriver.announceTo(deps.events);
  return deriver;
}
