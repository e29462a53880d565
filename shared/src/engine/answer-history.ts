/**
 * The answers of one assessment as the engines read them: merged copies from several devices are put
 * in event order (createdAt, then id) and a second answer to the same challenge is dropped (the first
 * one counts, see ARCHITECTURE "events first").
 */
import type { AnswerEvent } from '../model/types';
import { compareByDateThenId } from '../scoring/time';

export function orderAnswers(answers: readonly AnswerEvent[]): AnswerEvent[] {
  const ordered = [...answers].sort(compareByDateThenId);
  const seen = new Set<string>();
  return ordered.filter((answer) => {
    if (seen.has(answer.challengeId)) return false;
    seen.add(answer.challengeId);
    return true;
  });
}
