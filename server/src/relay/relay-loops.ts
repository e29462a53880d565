/**
 * The relay's background work, one pass at a time: pull the organisation snapshot at start then every
 * `snapshotEveryMs`; forward the outbox to central (woken by every accepted push, else every
 * `intervalMs`); pull what central holds for the school (downstream.ts: a pupil answered at home) every
 * `downstreamEveryMs`. Exponential backoff and jitter while central is unreachable, whatever step
 * failed. Everything survives restarts by construction: it is in SQLite (outbox, checkpoints,
 * settings). `stop()` waits for the pass in progress.
 */
import type { PackIndex } from '../../../shared/src/model/pack-index';
import { setSetting, type Db } from '../db/database';
import type { SyncEvents } from '../sync/sync-events';
import { backoffDelay, type BackoffOptions } from './backoff';
import { pullDownstreamOnce, RELAY_ORGANIZATION_KEY } from './downstream';
import { forwardOnce, UpstreamError, upstreamSignal, type Upstream } from './forwarder';
import type { RelayState } from './relay-state';
import { applySnapshot, snapshotSchema } from './snapshot';

export interface RelayLoopDeps {
  db: Db;
  upstream: Upstream;
  state: RelayState;
  now: () => Date;
  log: (line: string) => void;
  events?: SyncEvents;
  content?: PackIndex;
  random?: () => number;
}

export interface RelayLoopOptions {
  intervalMs?: number;
  snapshotEveryMs?: number;
  /** pause between two downward pulls (default 5 × intervalMs); 0: every pass */
  downstreamEveryMs?: number;
  backoff?: BackoffOptions;
  /** monotonic milliseconds for scheduling (default performance.now) */
  clock?: () => number;
}

export interface RelayLoops {
  stop: () => Promise<void>;
  /** run a forwarding pass now (tests, status page) */
  kick: () => void;
  /** resolves after the next complete forwarding pass */
  nextPass: () => Promise<void>;
}

export async function pullSnapshot(deps: RelayLoopDeps): Promise<void> {
  const response = await deps.upstream.fetch(`${deps.upstream.url}/api/relay/snapshot`, {
    headers: { authorization: `Bearer ${deps.upstream.token}` },
    signal: upstreamSignal(deps.upstream),
  });
  if (!response.ok) throw new UpstreamError(`instantané refusé par central (${response.status})`);
  const parsed = snapshotSchema.safeParse(await response.json());
  if (!parsed.success) throw new UpstreamError('instantané de central illisible');
  noteContentVersion(deps, parsed.data.contentPackVersion);
  applySnapshot(deps.db, parsed.data, deps.log);
  setSetting(deps.db, RELAY_ORGANIZATION_KEY, parsed.data.organization.id);
  deps.state.lastSnapshotAt = deps.now().toISOString();
}

/**
 * Compares central's content pack version with the relay's: answers are re-scored with the relay's
 * pack, so a difference can give a pupil another result or another next question than at home.
 */
function noteContentVersion(deps: RelayLoopDeps, central: string | null): void {
  const local = deps.content?.pack.version ?? null;
  const mismatch = central === null ? null : central !== local;
  const changed = mismatch !== deps.state.contentVersionMismatch || central !== deps.state.centralContentVersion;
  deps.state.centralContentVersion = central;
  deps.state.contentVersionMismatch = mismatch;
  if (mismatch && changed) {
    deps.log(
      `  ATTENTION : le contenu pédagogique du relais (version ${local ?? 'absente'}) diffère de celui du serveur central (version ${central}). ` +
        'Les réponses sont recorrigées avec le contenu du relais : un élève peut obtenir un autre résultat ou une autre question ' +
        "qu'à la maison. Mettez à jour le contenu du relais (content/dist/pack.json) puis redémarrez-le.",
    );
  }
}

export function startRelayLoops(deps: RelayLoopDeps, options: RelayLoopOptions = {}): RelayLoops {
  const intervalMs = options.intervalMs ?? 2_000;
  const snapshotEveryMs = options.snapshotEveryMs ?? 5 * 60_000;
  const downstreamEveryMs = options.downstreamEveryMs ?? 5 * intervalMs;
  const backoff = options.backoff ?? { baseMs: 500, maxMs: 60_000 };
  const clock = options.clock ?? (() => performance.now());
  const random = deps.random ?? Math.random;
  const stopping = new AbortController();
  deps = { ...deps, upstream: { ...deps.upstream, signal: stopping.signal } };
  let stopped = false;
  let failures = 0;
  let wake: () => void = () => {};
  let passWaiters: (() => void)[] = [];
  let lastSnapshotMs = -Infinity;
  let lastDownstreamMs = -Infinity;
  // A push that lands during a pass must not wait a whole interval (our own announcements aside).
  let dirty = false;
  let announcing = false;
  const unsubscribe = deps.events?.subscribe(() => {
    if (announcing) return;
    dirty = true;
    wake();
  });
  const announce = (userIds: ReadonlySet<string>) => {
    announcing = true;
    try {
      deps.events?.publish(userIds);
    } finally {
      announcing = false;
    }
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function pass(): Promise<void> {
    if (deps.now().getTime() - lastSnapshotMs >= snapshotEveryMs) {
      await pullSnapshot(deps);
      lastSnapshotMs = deps.now().getTime();
    }
    for (let round = 0; round < 100 && !stopped; round++) {
      const result = await forwardOnce(deps.db, deps.upstream, deps.now);
      // Their devices ask for their second receipts (« transmis ») at once instead of at the next poll.
      announce(result.users);
      if (result.sent === 0) break;
      deps.state.lastForwardAt = deps.now().toISOString();
      if (result.forwarded === 0) break;
    }
    if (deps.content && !stopped && clock() - lastDownstreamMs >= downstreamEveryMs) {
      const pulled = await pullDownstreamOnce({ db: deps.db, upstream: deps.upstream, index: deps.content, now: deps.now, log: deps.log, announce });
      lastDownstreamMs = clock();
      deps.state.lastPullAt = deps.now().toISOString();
      deps.state.downstreamParked = pulled.parked;
    }
  }

  const running = (async () => {
    while (!stopped) {
      dirty = false;
      try {
        await pass();
        failures = 0;
        deps.state.upstreamReachable = true;
        deps.state.lastError = null;
      } catch (error) {
        failures++;
        deps.state.upstreamReachable = false;
        deps.state.lastError = error instanceof Error ? error.message : String(error);
        if (!(error instanceof UpstreamError) && !(error instanceof TypeError)) deps.log(`relay: ${deps.state.lastError}`);
      }
      const waiters = passWaiters;
      passWaiters = [];
      waiters.forEach((w) => w());
      if (stopped) break;
      if (failures > 0) await sleep(backoffDelay(failures, backoff, random));
      else if (!dirty) await sleep(intervalMs);
    }
  })();

  return {
    kick: () => wake(),
    nextPass: () => new Promise<void>((resolve) => passWaiters.push(resolve)),
    stop: async () => {
      stopped = true;
      stopping.abort();
      unsubscribe?.();
      wake();
      await running;
      passWaiters.forEach((w) => w());
    },
  };
}
