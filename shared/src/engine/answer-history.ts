/**
 * The answers of one assessment as the engines read them: merged copies from several devices are put
 * in event order (createdAt, then id) and a second answer to the same challenge is dropped (the first
 * one counts, see ARCHITECTURE "events first").
 */
import type { AnswerEvent } from '../model/types';
import { orderAssessmentAnswers } from '../sync/merge';

/** The effective answers of one assessment (the merge rule of the sync: first answer per challenge wins). */
export function orderAnswers<T extends AnswerEvent>(answers: readonly T[]): T[] {
  return orderAssessmentAnswers(answers).effective;
}
