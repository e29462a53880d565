/**
 * The wait a refused login announces (429 TOO_MANY_ATTEMPTS, ADR 0004), for the login form's countdown:
 * the server's `details.retryAfterSeconds`, parsed with the shared schema, turned into a moment to wait for.
 */
import { tooManyAttemptsDetailsSchema } from '../../../../shared/src/api/schemas';
import { ApiFailure } from '../../api/http';

/** When the login may be tried again (ms), or null when the failure is not a wait or its details are unreadable. */
export function retryAtOf(failure: unknown, nowMs: number): number | null {
  if (!(failure instanceof ApiFailure) || failure.code !== 'TOO_MANY_ATTEMPTS') return null;
  const details = tooManyAttemptsDetailsSchema.safeParse(failure.details);
  return details.success ? nowMs + details.data.retryAfterSeconds * 1000 : null;
}

/** Whole seconds left before `retryAtMs` (rounded up, 0 once it is over). */
export function secondsLeft(retryAtMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((retryAtMs - nowMs) / 1000));
}
