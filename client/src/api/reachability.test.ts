/**
 * Online = navigator.onLine and the node answered the latest request: a network failure with the
 * interface up (dropped link to the relay) is offline; the probe brings it back once the node answers.
 */
import { describe, expect, it } from 'vitest';
import { createReachability } from './reachability';

function setup(options: { navigatorOnline?: boolean } = {}) {
  let navigatorOnline = options.navigatorOnline ?? true;
  let nodeAnswers = false;
  const probes: number[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const reachability = createReachability({
    navigatorOnline: () => navigatorOnline,
    probe: async () => {
      probes.push(probes.length);
      return nodeAnswers;
    },
    probeEveryMs: 5_000,
    setTimer: (run, ms) => {
      const timer = { run, ms };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => void timers.splice(timers.indexOf(timer as (typeof timers)[number]), 1),
  });
  const changes: boolean[] = [];
  reachability.subscribe((online) => changes.push(online));
  const fireTimers = async () => {
    for (const timer of timers.splice(0)) timer.run();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return {
    reachability,
    changes,
    probes,
    timers,
    fireTimers,
    setNavigatorOnline: (value: boolean) => {
      navigatorOnline = value;
      reachability.navigatorChanged();
    },
    setNodeAnswers: (value: boolean) => (nodeAnswers = value),
  };
}

describe('node reachability', () => {
  it('is online while the browser says so and the node answers', () => {
    const { reachability, changes, timers } = setup();
    expect(reachability.online).toBe(true);
    reachability.reportAnswer();
    expect(reachability.online).toBe(true);
    expect(changes).toEqual([]);
    expect(timers).toEqual([]);
  });

  it('a network failure with navigator.onLine still true is offline (a dropped link to the node)', () => {
    const { reachability, changes } = setup();
    reachability.reportNetworkFailure();
    expect(reachability.online).toBe(false);
    expect(changes).toEqual([false]);
    reachability.reportNetworkFailure();
    expect(changes).toEqual([false]);
  });

  it('while unreachable, probes every few seconds until the node answers, then says online once and stops', async () => {
    const { reachability, changes, probes, timers, fireTimers, setNodeAnswers } = setup();
    reachability.reportNetworkFailure();
    expect(timers.map((t) => t.ms)).toEqual([5_000]);
    await fireTimers();
    expect(probes).toHaveLength(1);
    expect(reachability.online).toBe(false);
    expect(timers).toHaveLength(1);
    setNodeAnswers(true);
    await fireTimers();
    expect(probes).toHaveLength(2);
    expect(reachability.online).toBe(true);
    expect(changes).toEqual([false, true]);
    expect(timers).toEqual([]);
  });

  it('any answer of the node (a sync retry) brings it back and cancels the probe', () => {
    const { reachability, changes, timers } = setup();
    reachability.reportNetworkFailure();
    reachability.reportAnswer();
    expect(reachability.online).toBe(true);
    expect(changes).toEqual([false, true]);
    expect(timers).toEqual([]);
  });

  it('navigator.onLine false is offline whatever the node did; back online it probes at once if the node had failed', async () => {
    const { reachability, changes, probes, setNavigatorOnline, setNodeAnswers } = setup();
    setNavigatorOnline(false);
    expect(reachability.online).toBe(false);
    reachability.reportNetworkFailure();
    expect(changes).toEqual([false]);
    setNodeAnswers(true);
    setNavigatorOnline(true);
    expect(reachability.online).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(probes).toHaveLength(1);
    expect(reachability.online).toBe(true);
    expect(changes).toEqual([false, true]);
  });

  it('starts offline when the browser does', () => {
    const { reachability } = setup({ navigatorOnline: false });
    expect(reachability.online).toBe(false);
  });

  it('check() probes now, once at a time', async () => {
    const { reachability, probes, changes } = setup();
    reachability.check();
    reachability.check();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(probes).toHaveLength(1);
    expect(changes).toEqual([false]);
  });
});
