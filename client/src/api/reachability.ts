/**
 * Is the node (the school relay, or central at home) reachable from this device? `navigator.onLine` alone
 * cannot tell: it only says that some network interface is up. A school PC whose link to the relay
 * dropped behind the switch, a Wi-Fi with no route, a stopped relay: all keep it `true`. (Nor does
 * Chromium's offline emulation set it on a document loaded while offline, although every request fails:
 * Chromium 150, where RenderDocument gives each document its own frame host.)
 *
 * So the device is online when `navigator.onLine` is true AND its latest request to the node did not fail
 * at the network level. Any HTTP answer (even an error status) proves the node reachable; a network
 * failure makes it unreachable until a request gets an answer again — the sync's own retries, or a probe
 * of `GET /api/health` every few seconds while unreachable (and at once when the browser says `online`).
 * Listeners hear every change of `online` (the sync pushes and pulls again when it turns true).
 */

export interface Reachability {
  /** navigator.onLine and the node answered the latest request */
  readonly online: boolean;
  /** the node answered (any HTTP status) */
  reportAnswer(): void;
  /** a request to the node failed at the network level (no answer at all) */
  reportNetworkFailure(): void;
  /** probe the node now (e.g. the SSE stream broke), unless a probe is under way */
  check(): void;
  /** `listener(online)` on every change; returns the unsubscribe function */
  subscribe(listener: (online: boolean) => void): () => void;
}

export interface ReachabilityDeps {
  navigatorOnline: () => boolean;
  /** resolves true if the node answered, false on a network failure */
  probe: () => Promise<boolean>;
  /** how long between probes while unreachable */
  probeEveryMs: number;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
}

export const PROBE_EVERY_MS = 5_000;

export function createReachability(deps: ReachabilityDeps): Reachability & { navigatorChanged(): void } {
  let reachable = true;
  let last = deps.navigatorOnline();
  let probing = false;
  let timer: unknown = null;
  const listeners = new Set<(online: boolean) => void>();

  const online = () => deps.navigatorOnline() && reachable;

  function emit(): void {
    const now = online();
    if (now === last) return;
    last = now;
    for (const listener of [...listeners]) listener(now);
  }

  function schedule(): void {
    if (reachable || timer !== null) return;
    timer = deps.setTimer(() => {
      timer = null;
      probeNow();
    }, deps.probeEveryMs);
  }

  function probeNow(): void {
    if (probing) return;
    probing = true;
    deps.probe().then(
      (answered) => {
        probing = false;
        if (answered) self.reportAnswer();
        else self.reportNetworkFailure();
      },
      () => {
        probing = false;
        self.reportNetworkFailure();
      },
    );
  }

  const self = {
    get online() {
      return online();
    },
    reportAnswer() {
      reachable = true;
      if (timer !== null) {
        deps.clearTimer(timer);
        timer = null;
      }
      emit();
    },
    reportNetworkFailure() {
      reachable = false;
      emit();
      schedule();
    },
    check() {
      probeNow();
    },
    subscribe(listener: (online: boolean) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** the browser fired `online` or `offline` */
    navigatorChanged() {
      emit();
      if (deps.navigatorOnline() && !reachable) probeNow();
    },
  };
  return self;
}

let browserReachability: (Reachability & { navigatorChanged(): void }) | null = null;

/** The page's one reachability state (created on first use, in a browser only). */
export function nodeReachability(): Reachability | null {
  if (browserReachability || typeof window === 'undefined' || typeof navigator === 'undefined') return browserReachability;
  const reachability = createReachability({
    navigatorOnline: () => navigator.onLine,
    probe: () =>
      fetch('/api/health', { cache: 'no-store', credentials: 'same-origin' }).then(
        () => true,
        () => false,
      ),
    probeEveryMs: PROBE_EVERY_MS,
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  });
  window.addEventListener('online', () => reachability.navigatorChanged());
  window.addEventListener('offline', () => reachability.navigatorChanged());
  browserReachability = reachability;
  return reachability;
}
