/**
 * « Focus » challenges (§1.3): leaving the page during the question is recorded. Only leaving the app
 * counts (issue 15):
 * - focus moving into the challenge's own frame (a simulator) blurs the window but is not a leave; while
 *   focus is in that frame, the app polls `document.hasFocus()`, false once the pupil really goes away;
 * - opening the challenge's own tool (an attachment, marked `data-challenge-tool`) may hand the focus to
 *   another program: a blur / hidden within `TOOL_GRACE_MS` of that click is not a leave, nor anything
 *   until the page has the focus again (after the grace, without leaving, the click counts for nothing);
 * - a reload or a navigation of the app (`beforeunload`, `pagehide`) is not a leave either.
 * Everything else — another tab, another window, the page hidden — is.
 */

export interface FocusWatchEnvironment {
  window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  document: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & {
    readonly visibilityState: string;
    readonly activeElement: { tagName: string } | null;
    hasFocus(): boolean;
  };
  setTimeout(callback: () => void, ms: number): unknown;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  now(): number;
}

/** a leave this soon after opening the challenge's own tool is the tool opening */
export const TOOL_GRACE_MS = 5000;

/** how often focus is checked while it is inside the challenge's frame */
export const FRAME_FOCUS_POLL_MS = 500;

function isChallengeTool(target: unknown): boolean {
  const element = target as { closest?: (selector: string) => unknown } | null;
  return typeof element?.closest === 'function' && element.closest('[data-challenge-tool]') !== null;
}

/** Calls `onLeave` when the pupil leaves the app; returns the function that stops watching. */
export function watchFocus(env: FocusWatchEnvironment, onLeave: () => void): () => void {
  let unloading = false;
  let toolClickedAt = Number.NEGATIVE_INFINITY;
  let awayWithTool = false;
  let poll: unknown = null;
  const stopPolling = () => {
    if (poll !== null) env.clearInterval(poll);
    poll = null;
  };
  const leave = () => {
    if (unloading || awayWithTool) return;
    if (env.now() - toolClickedAt <= TOOL_GRACE_MS) {
      awayWithTool = true;
      return;
    }
    stopPolling();
    onLeave();
  };
  const onBlur = () => {
    // The element that gets the focus is known only once the blur is over.
    env.setTimeout(() => {
      if (unloading) return;
      if (env.document.activeElement?.tagName === 'IFRAME') {
        if (poll === null) {
          poll = env.setInterval(() => {
            if (env.document.activeElement?.tagName !== 'IFRAME') stopPolling();
            else if (!env.document.hasFocus()) leave();
          }, FRAME_FOCUS_POLL_MS);
        }
        return;
      }
      if (!env.document.hasFocus()) leave();
    }, 0);
  };
  const onVisibility = () => {
    if (env.document.visibilityState === 'hidden') leave();
    else awayWithTool = false;
  };
  const onFocus = () => {
    awayWithTool = false;
    stopPolling();
  };
  const onUnload = () => {
    unloading = true;
  };
  const onClick = (event: Event) => {
    if (isChallengeTool(event.target)) toolClickedAt = env.now();
  };
  const listeners: [Pick<EventTarget, 'addEventListener' | 'removeEventListener'>, string, (event: Event) => void, boolean][] = [
    [env.window, 'blur', onBlur, false],
    [env.window, 'focus', onFocus, false],
    [env.window, 'beforeunload', onUnload, false],
    [env.window, 'pagehide', onUnload, false],
    [env.document, 'visibilitychange', onVisibility, false],
    [env.document, 'click', onClick, true],
  ];
  for (const [target, type, listener, capture] of listeners) target.addEventListener(type, listener, capture);
  return () => {
    stopPolling();
    for (const [target, type, listener, capture] of listeners) target.removeEventListener(type, listener, capture);
  };
}
