import { describe, expect, it } from 'vitest';
import { FRAME_FOCUS_POLL_MS, TOOL_GRACE_MS, watchFocus, type FocusWatchEnvironment } from './focus-watch';

/** A page: its window and document as event targets, a clock, timers run by `advance`. */
function fakePage() {
  let clock = 0;
  let timers: { at: number; every: number | null; run: () => void; id: number }[] = [];
  let nextId = 1;
  const state = { visibilityState: 'visible', activeElement: { tagName: 'BODY' } as { tagName: string } | null, focused: true };
  const win = new EventTarget();
  // getters (Object.assign would copy their values once)
  const doc = Object.defineProperties(new EventTarget(), {
    visibilityState: { get: () => state.visibilityState },
    activeElement: { get: () => state.activeElement },
    hasFocus: { value: () => state.focused },
  }) as EventTarget & { readonly visibilityState: string; readonly activeElement: { tagName: string } | null; hasFocus(): boolean };
  const env: FocusWatchEnvironment = {
    window: win,
    document: doc,
    setTimeout: (run, ms) => { const id = nextId++; timers.push({ at: clock + ms, every: null, run, id }); return id; },
    setInterval: (run, ms) => { const id = nextId++; timers.push({ at: clock + ms, every: ms, run, id }); return id; },
    clearInterval: (id) => { timers = timers.filter((t) => t.id !== id); },
    now: () => clock,
  };
  const advance = (ms: number) => {
    const end = clock + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      clock = due.at;
      if (due.every === null) timers = timers.filter((t) => t !== due);
      else due.at += due.every;
      due.run();
    }
    clock = end;
  };
  const click = (tool: boolean) => {
    const event = new Event('click');
    Object.defineProperty(event, 'target', { value: { closest: (selector: string) => (tool && selector === '[data-challenge-tool]' ? {} : null) } });
    doc.dispatchEvent(event);
  };
  return {
    env, state, advance, click,
    /** the pupil goes to another window or program */
    goAway: () => { state.focused = false; win.dispatchEvent(new Event('blur')); },
    comeBack: () => { state.focused = true; win.dispatchEvent(new Event('focus')); },
    hide: () => { state.visibilityState = 'hidden'; doc.dispatchEvent(new Event('visibilitychange')); },
    show: () => { state.visibilityState = 'visible'; doc.dispatchEvent(new Event('visibilitychange')); },
    /** focus moves into the challenge's frame (a simulator): the window blurs, the page keeps the focus */
    intoFrame: () => { state.activeElement = { tagName: 'IFRAME' }; win.dispatchEvent(new Event('blur')); },
    outOfFrame: () => { state.activeElement = { tagName: 'BODY' }; },
    unload: (event: 'beforeunload' | 'pagehide') => win.dispatchEvent(new Event(event)),
  };
}

function watched() {
  const page = fakePage();
  let leaves = 0;
  const stop = watchFocus(page.env, () => { leaves++; });
  return { ...page, leaves: () => leaves, stop };
}

describe('watchFocus: only leaving the app counts', () => {
  it('another window or program is a leave', () => {
    const p = watched();
    p.goAway();
    p.advance(10);
    expect(p.leaves()).toBe(1);
  });

  it('another tab (the page hidden) is a leave', () => {
    const p = watched();
    p.hide();
    expect(p.leaves()).toBe(1);
  });

  it('using the challenge\'s simulator is not a leave, however long', () => {
    const p = watched();
    p.intoFrame();
    p.advance(60_000);
    p.outOfFrame();
    p.advance(FRAME_FOCUS_POLL_MS * 3);
    expect(p.leaves()).toBe(0);
  });

  it('leaving the app from inside the simulator is a leave (seen by the poll)', () => {
    const p = watched();
    p.intoFrame();
    p.advance(2_000);
    p.state.focused = false;
    p.advance(FRAME_FOCUS_POLL_MS);
    expect(p.leaves()).toBe(1);
  });

  it.each(['beforeunload', 'pagehide'] as const)('a reload or a navigation of the app (%s, then hidden and blur) is not a leave', (event) => {
    const p = watched();
    p.unload(event);
    p.hide();
    p.goAway();
    p.advance(10);
    expect(p.leaves()).toBe(0);
  });

  it('opening an attachment hands the focus to another program: not a leave, until the page is back', () => {
    const p = watched();
    p.click(true);
    p.advance(1_000);
    p.goAway();
    p.advance(30_000);
    expect(p.leaves()).toBe(0);
    p.comeBack();
    p.goAway();
    p.advance(10);
    expect(p.leaves()).toBe(1);
  });

  it('an attachment opened long ago excuses nothing', () => {
    const p = watched();
    p.click(true);
    p.advance(TOOL_GRACE_MS + 1);
    p.hide();
    expect(p.leaves()).toBe(1);
  });

  it('a click on anything else excuses nothing', () => {
    const p = watched();
    p.click(false);
    p.hide();
    expect(p.leaves()).toBe(1);
  });

  it('stops watching when asked', () => {
    const p = watched();
    p.stop();
    p.hide();
    p.goAway();
    p.advance(10);
    expect(p.leaves()).toBe(0);
  });

  it('back on the page after a tab switch: the next leave counts again', () => {
    const p = watched();
    p.hide();
    p.show();
    p.hide();
    expect(p.leaves()).toBe(2);
  });
});
