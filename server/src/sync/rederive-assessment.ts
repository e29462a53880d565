/**
 * Recomputes what the node derives from an assessment's stored answers: superseded flags (second answer to
 * a challenge, or an answer after the end), the assessment's knowledge elements (table knowledge_elements)
 * and its state (completed when the engine has nothing left to ask; completedAt = when the last counted
 * answer was received). When its KEs changed, the user's LATER assessments are queued in turn, since their
 * knowledge reuse reads this one's. Runs from the deriver (deriver.ts), one queued assessment at a time,
 * never inside a push. Derived changes get a new serverSeq so they flow back on pull; they are not
 * forwarded (central derives them itself from the same answers).
 */
import { sql } from '../db/statements';
import type { PackIndex } from '../../../shared/src/model/pack-index';
import type { KnowledgeElement } from '../../../shared/src/model/types';
import { resetKnowledgeElements } from '../../../shared/src/scoring/knowledge-elements';
import { deriveAssessment, previousKnowledgeElementsFor } from '../../../shared/src/sync/derive-assessment';
import type { AssessmentDoc } from '../../../shared/src/sync/protocol';
import type { Db } from '../db/database';
import { assessmentScope } from './assessment-scope';
import { answersOfAssessment, readDocument } from './document-repository';
import { enqueueDerivation, laterAssessmentsWithAnswers } from './derivation-queue';
import { store, type StoreContext } from './push-context';

interface KeRow {
  id: string; user_id: string; assessment_id: string; answer_id: string; skill_id: string; competence_id: string;
  status: KnowledgeElement['status']; source: KnowledgeElement['source']; earned_pix: number; created_at: string;
}

function userKnowledgeElements(db: Db, userId: string): KnowledgeElement[] {
  return (sql(db, 'SELECT * FROM knowledge_elements WHERE user_id = ?').all(userId) as KeRow[]).map((r) => ({
    id: r.id, userId: r.user_id, assessmentId: r.assessment_id, answerId: r.answer_id, skillId: r.skill_id, competenceId: r.competence_id,
    status: r.status, source: r.source, earnedPix: r.earned_pix, createdAt: r.created_at,
  }));
}

/** Writes only the difference: most pushes add a few KEs to an assessment that already has many. Returns whether anything changed. */
function replaceKnowledgeElements(db: Db, existing: KnowledgeElement[], kes: KnowledgeElement[]): boolean {
  const key = (ke: KnowledgeElement) => `${ke.status}|${ke.source}|${ke.earnedPix}|${ke.createdAt}|${ke.skillId}|${ke.answerId}`;
  const before = new Map(existing.map((ke) => [ke.id, key(ke)]));
  const after = new Set(kes.map((ke) => ke.id));
  let changed = false;
  for (const ke of existing) {
    if (after.has(ke.id)) continue;
    sql(db, 'DELETE FROM knowledge_elements WHERE id = ?').run(ke.id);
    changed = true;
  }
  const upsert = sql(
    db,
    `INSERT OR REPLACE INTO knowledge_elements (id, user_id, assessment_id, answer_id, skill_id, competence_id, status, source, earned_pix, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const ke of kes) {
    if (before.get(ke.id) === key(ke)) continue;
    upsert.run(ke.id, ke.userId, ke.assessmentId, ke.answerId, ke.skillId, ke.competenceId, ke.status, ke.source, ke.earnedPix, ke.createdAt);
    changed = true;
  }
  return changed;
}

export type DeriveContext = StoreContext & { index: PackIndex };

/** Derives one assessment; true when its knowledge elements changed. */
function rederiveOne(ctx: DeriveContext, assessment: AssessmentDoc): boolean {
  const index = ctx.index;
  const scope = assessmentScope(ctx.db, index, assessment);
  if (!scope.ok) return false;
  const answers = answersOfAssessment(ctx.db, assessment.id);
  const createdAtById = new Map(
    (sql(ctx.db, 'SELECT id, created_at FROM assessments WHERE user_id = ?').all(assessment.userId) as { id: string; created_at: string }[]).map(
      (r) => [r.id, r.created_at],
    ),
  );
  const userKes = userKnowledgeElements(ctx.db, assessment.userId);
  const previous = previousKnowledgeElementsFor(assessment, userKes, (id) => createdAtById.get(id));
  const derived = deriveAssessment(index, { assessment, targetSkillIds: scope.targetSkillIds, previousKnowledgeElements: previous, answers });

  for (const answer of answers) {
    const superseded = derived.superseded.has(answer.id);
    if ((answer.superseded ?? false) !== superseded) store(ctx, 'answers', { ...answer, superseded, updatedAt: ctx.now }, false);
  }
  // "Réinitialiser" (§2.4): a reset KE, at resetAt, for every skill of the competence known before it.
  const resets =
    assessment.resetAt && assessment.competenceId
      ? resetKnowledgeElements(
          userKes.filter((ke) => ke.status !== 'reset' && Date.parse(ke.createdAt) <= Date.parse(assessment.resetAt as string)).concat(derived.knowledgeElements),
          assessment.competenceId,
          assessment.resetAt,
        ).map((ke) => ({ ...ke, assessmentId: assessment.id }))
      : [];
  const kesChanged = replaceKnowledgeElements(ctx.db, userKes.filter((ke) => ke.assessmentId === assessment.id), [...derived.knowledgeElements, ...resets]);
  // Completion is what the answers say (a pure function of them and their stamps), so that relay and central
  // agree whatever reached them first: an answer another node received earlier (forwarded, pulled down) can
  // move the end, or even reopen the assessment. A pupil cannot: once the node saw the end, it refuses their
  // answers (push-answers.ts).
  const completedAt = derived.completedAt ?? ctx.now;
  if (derived.done && (assessment.state !== 'completed' || assessment.completedAt !== completedAt)) {
    store(ctx, 'assessments', { ...assessment, state: 'completed', completedAt, updatedAt: ctx.now }, false);
  } else if (!derived.done && scope.targetSkillIds && assessment.state === 'completed') {
    const { completedAt: _ended, ...reopened } = assessment;
    store(ctx, 'assessments', { ...reopened, state: 'started', updatedAt: ctx.now }, false);
  }
  return kesChanged;
}

/** Derives a queued assessment (call inside a transaction with its dequeue); queues the later ones if needed. */
export function rederiveAssessment(ctx: DeriveContext, assessmentId: string): void {
  const assessment = readDocument(ctx.db, 'assessments', assessmentId);
  if (!assessment) return;
  if (!rederiveOne(ctx, assessment)) return;
  for (const later of laterAssessmentsWithAnswers(ctx.db, assessment)) {
    enqueueDerivation(ctx.db, { id: later.id, userId: assessment.userId, createdAt: later.created_at });
  }
}
