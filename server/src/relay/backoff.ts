/**
 * Exponential backoff with "full jitter" between min and the capped exponential delay, so that many
 * relays coming back after a central outage do not retry in lockstep. `random` is injected (tests).
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export function backoffDelay(failures: number, options: BackoffOptions, random: () => number): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
