/**
 * Entry point of answer matching (§1.4): the status of an answer to a challenge.
 * `#ABAND#` ("Je passe") ⇒ aband; wrong ⇒ ko whatever happened; correct but the timer elapsed
 * (timeout < 0) ⇒ timedout; correct but focus lost ⇒ focusedOut in certification, ok otherwise.
 */
import type { AnswerStatus, Challenge } from '../model/types';
import { matchQcm, matchQcu } from './match-choices';
import { matchQroc } from './match-qroc';
import { matchQrocmDep, matchQrocmInd } from './match-qrocm';

export const SKIPPED_ANSWER = '#ABAND#';

export interface MatchContext {
  /** seconds left on a timed challenge (negative = timed out), null if not timed */
  timeout: number | null;
  focusedOut: boolean;
  isCertification: boolean;
}

export interface MatchResult {
  result: AnswerStatus;
  resultDetails?: Record<string, boolean>;
}

/** Is the value right, regardless of timing? (+ per-key details for QROCM-ind) */
export function isCorrect(challenge: Challenge, value: string): { correct: boolean; details?: Record<string, boolean> } {
  switch (challenge.type) {
    case 'QCU':
      return { correct: matchQcu(value, challenge.solution.value) };
    case 'QCM':
      return { correct: matchQcm(value, challenge.solution.value) };
    case 'QROC':
      return { correct: matchQroc(challenge, value) };
    case 'QROCM-ind': {
      const match = matchQrocmInd(challenge.solution, value, challenge);
      return { correct: match.ok, details: match.details };
    }
    case 'QROCM-dep':
      return { correct: matchQrocmDep(challenge.solution, value, challenge).ok };
  }
}

export function hasTimedOut(timeout: number | null): boolean {
  return timeout !== null && Number.isFinite(timeout) && timeout < 0;
}

export function matchAnswer(challenge: Challenge, value: string, ctx: MatchContext): MatchResult {
  if (value === SKIPPED_ANSWER) return { result: 'aband' };
  const { correct, details } = isCorrect(challenge, value);
  const withDetails = (result: AnswerStatus): MatchResult => (details ? { result, resultDetails: details } : { result });
  if (!correct) return withDetails('ko');
  if (hasTimedOut(ctx.timeout)) return withDetails('timedout');
  if (ctx.focusedOut && ctx.isCertification) return withDetails('focusedOut');
  return withDetails('ok');
}
