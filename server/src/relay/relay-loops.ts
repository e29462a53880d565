/**
 * The relay's background work: forward the outbox to central (woken by every accepted push, else
 * every `intervalMs`), with exponential backoff and jitter while central is unreachable, and pull the
 * organisation snapshot at start then every `snapshotEveryMs`. Both survive restarts by construction:
 * everything they need is in SQLite (outbox, settings). `stop()` waits for the pass in progress.
 */
import type { PackIndex } from '../../../shared/src/model/pack-index';
import type { Db } from '../db/database';
import type { SyncEvents } from '../sync/sync-events';
import { backoffDelay, type BackoffOptions } from './backoff';
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
  backoff?: BackoffOptions;
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
  if (deps.content && parsed.data.contentPackVersion && parsed.data.contentPackVersion !== deps.content.pack.version) {
    deps.log(`relay: content pack ${deps.content.pack.version} differs from central's ${parsed.data.contentPackVersion}`);
  }
  applySnapshot(deps.db, parsed.data, deps.log);
  deps.state.lastSnapshotAt = deps.now().toISOString();
}

export function startRelayLoops(deps: RelayLoopDeps, options: RelayLoopOptions = {}): RelayLoops {
  const intervalMs = options.intervalMs ?? 2_000;
  const snapshotEveryMs = options.snapshotEveryMs ?? 5 * 60_000;
  const backoff = options.backoff ?? { baseMs: 500, maxMs: 60_000 };
  const random = deps.random ?? Math.random;
  const stopping = new AbortController();
  deps = { ...deps, upstream: { ...deps.upstream, signal: stopping.signal } };
  let stopped = false;
  let failures = 0;
  let wake: () => void = () => {};
  let passWaiters: (() => void)[] = [];
  let lastSnapshotMs = -Infinity;
  // A push that lands during a pass must not wait a whole interval.
  let dirty = false;
  const unsubscribe = deps.events?.subscribe(() => {
    dirty = true;
    wake();
  });

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
      if (result.sent === 0) break;
      deps.state.lastForwardAt = deps.now().toISOString();
      if (result.forwarded === 0) break;
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
