/**
 * Delays before improving (retrying a finished competence) and resetting a competence (§2.4).
 * Counted from the last answered (non-reset) knowledge element of the competence, in fractional days:
 * remaining = ceil(delay − days), floored at 0; the action is allowed when it is 0.
 * Example: reset (7 days) after 6.9 days → 1 day left, refused; after 7 days → allowed.
 * Without such a KE (never started, or reset with nothing answered since) there is no delay to count:
 * remaining is null, and neither action is allowed. The reset itself restarts neither delay.
 */
import type { KnowledgeElement } from '../model/types';
import { daysBetween, type Instant, toMillis } from './time';

export const MINIMUM_DELAY_IN_DAYS_BEFORE_IMPROVING = 4;
export const MINIMUM_DELAY_IN_DAYS_BEFORE_RETRYING = 4;
export const MINIMUM_DELAY_IN_DAYS_FOR_RESET = 7;

function remainingDays(delay: number, lastKeDate: Instant | null, now: Instant): number | null {
  if (lastKeDate === null) return null;
  return Math.max(0, Math.ceil(delay - daysBetween(lastKeDate, now)));
}

export function remainingDaysBeforeImproving(lastKeDate: Instant | null, now: Instant): number | null {
  return remainingDays(MINIMUM_DELAY_IN_DAYS_BEFORE_IMPROVING, lastKeDate, now);
}

export function remainingDaysBeforeReset(lastKeDate: Instant | null, now: Instant): number | null {
  return remainingDays(MINIMUM_DELAY_IN_DAYS_FOR_RESET, lastKeDate, now);
}

/** Improve ("Retenter"): 4 days since the last KE and the level is not the maximum. */
export function canImprove(lastKeDate: Instant | null, now: Instant, level: number, maxReachableLevel: number): boolean {
  return lastKeDate !== null && level < maxReachableLevel && remainingDaysBeforeImproving(lastKeDate, now) === 0;
}

/** Reset: the competence was started (there is a last KE) and 7 days have passed. */
export function canReset(lastKeDate: Instant | null, now: Instant): boolean {
  return lastKeDate !== null && remainingDaysBeforeReset(lastKeDate, now) === 0;
}

/** Date of the most recent of the given KEs (any status), or null; pass current KEs for the delays. */
export function lastKnowledgeElementDate(kes: KnowledgeElement[]): string | null {
  let last: KnowledgeElement | null = null;
  for (const ke of kes) if (!last || toMillis(ke.createdAt) > toMillis(last.createdAt)) last = ke;
  return last ? last.createdAt : null;
}

/**
 * KEs an improving (or retrying) assessment starts from, given the CURRENT KEs: every validated KE, plus the invalidated ones
 * younger than the delay relative to the assessment's creation, so older failures can be asked again.
 */
export function knowledgeElementsForImprovement(
  kes: KnowledgeElement[],
  assessmentCreatedAt: Instant,
  delayInDays: number = MINIMUM_DELAY_IN_DAYS_BEFORE_IMPROVING,
): KnowledgeElement[] {
  return kes.filter(
    (ke) => ke.status === 'validated' || daysBetween(ke.createdAt, assessmentCreatedAt) < delayInDays,
  );
}
