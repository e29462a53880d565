/**
 * Repository of the derivation queue (table `derivation_queue`): the assessments whose derived state
 * (superseded flags, knowledge elements, completion) must be recomputed because their answers, their
 * reset or an earlier assessment of the same user changed. A push only queues (inside its own
 * transaction, so a crash loses no pending work); the deriver (deriver.ts) empties the queue in short
 * slices, which is what keeps any push, whatever its content, from holding the event loop.
 *
 * Fairness: `seq` orders pupils, not rows. The deriver takes the user of the oldest entry and works on
 * that user's assessments oldest first (an earlier assessment feeds the knowledge reuse of the later
 * ones, so each is derived once), then sends the user's remaining entries to the back of the queue.
 */
import type { AssessmentDoc } from '../../../shared/src/sync/protocol';
import type { Db } from '../db/database';
import { sql } from '../db/statements';

/** Queues an assessment (no-op if already queued: it keeps its place). */
export function enqueueDerivation(db: Db, assessment: Pick<AssessmentDoc, 'id' | 'userId' | 'createdAt'>): void {
  sql(
    db,
    `INSERT INTO derivation_queue (assessment_id, user_id, assessment_created_at, seq)
     VALUES (?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM derivation_queue))
     ON CONFLICT(assessment_id) DO NOTHING`,
  ).run(assessment.id, assessment.userId, assessment.createdAt);
}

/** The user whose turn it is, or undefined when the queue is empty. */
export function nextQueuedUser(db: Db): string | undefined {
  return (sql(db, 'SELECT user_id FROM derivation_queue ORDER BY seq LIMIT 1').get() as { user_id: string } | undefined)?.user_id;
}

/** The user's oldest queued assessment (by the assessment's creation date). */
export function nextQueuedAssessment(db: Db, userId: string): string | undefined {
  return (
    sql(db, 'SELECT assessment_id FROM derivation_queue WHERE user_id = ? ORDER BY assessment_created_at, assessment_id LIMIT 1').get(userId) as
      | { assessment_id: string }
      | undefined
  )?.assessment_id;
}

export function dequeueDerivation(db: Db, assessmentId: string): void {
  sql(db, 'DELETE FROM derivation_queue WHERE assessment_id = ?').run(assessmentId);
}

/** Sends the user's remaining entries behind every other user's. */
export function requeueUserLast(db: Db, userId: string): void {
  sql(db, 'UPDATE derivation_queue SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM derivation_queue) WHERE user_id = ?').run(userId);
}

export function isDerivationQueued(db: Db, assessmentId: string): boolean {
  return sql(db, 'SELECT 1 FROM derivation_queue WHERE assessment_id = ?').get(assessmentId) !== undefined;
}

export function countQueuedDerivations(db: Db): number {
  return (sql(db, 'SELECT count(*) AS n FROM derivation_queue').get() as { n: number }).n;
}

/** The user's assessments created after `assessment` that have answers: their knowledge reuse reads it. */
export function laterAssessmentsWithAnswers(db: Db, assessment: Pick<AssessmentDoc, 'id' | 'userId' | 'createdAt'>): { id: string; created_at: string }[] {
  return sql(
    db,
    `SELECT a.id, a.created_at FROM assessments a WHERE a.user_id = ? AND a.id <> ? AND a.created_at > ?
     AND EXISTS (SELECT 1 FROM answers x WHERE x.assessment_id = a.id) ORDER BY a.created_at, a.id`,
  ).all(assessment.userId, assessment.id, assessment.createdAt) as { id: string; created_at: string }[];
}

/** Queues an assessment from a push (inside its transaction) and remembers it for the response. */
export function queueDerivation(ctx: { db: Db; queued: Set<string> }, assessment: Pick<AssessmentDoc, 'id' | 'userId' | 'createdAt'>): void {
  enqueueDerivation(ctx.db, assessment);
  ctx.queued.add(assessment.id);
}
