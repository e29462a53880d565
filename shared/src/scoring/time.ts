/**
 * Date helpers for the scoring rules. Pure: "now" is always passed in, never read from a clock.
 * Dates are ISO 8601 strings (device or server time), Date objects or epoch milliseconds.
 */
export type Instant = string | number | Date;

export const MS_PER_DAY = 24 * 60 * 60 * 1000;

export function toMillis(instant: Instant): number {
  if (typeof instant === 'number') return instant;
  if (instant instanceof Date) return instant.getTime();
  return Date.parse(instant);
}

/** Fractional days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: Instant, to: Instant): number {
  return (toMillis(to) - toMillis(from)) / MS_PER_DAY;
}

/** Event order used everywhere: createdAt, then id (§ARCHITECTURE "events first"). */
export function compareByDateThenId(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
  const byDate = toMillis(a.createdAt) - toMillis(b.createdAt);
  if (byDate !== 0 && !Number.isNaN(byDate)) return byDate;
  if (a.createdAt !== b.createdAt && Number.isNaN(byDate)) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Order of the answers of one assessment (ADR 0001, precedence): the node's reception time first, so that no
 * device clock decides which of two answers to a challenge counts or whether an answer came after the end;
 * an answer the node has not stamped yet (still on the device) comes after every stamped one; then the
 * device's createdAt (answers stored by the same push), then the id.
 */
export function compareAnswerOrder(
  a: { receivedAt?: string; createdAt: string; id: string },
  b: { receivedAt?: string; createdAt: string; id: string },
): number {
  if (a.receivedAt !== b.receivedAt) {
    if (a.receivedAt === undefined) return 1;
    if (b.receivedAt === undefined) return -1;
    const byReception = toMillis(a.receivedAt) - toMillis(b.receivedAt);
    if (byReception !== 0 && !Number.isNaN(byReception)) return byReception;
  }
  return compareByDateThenId(a, b);
}
