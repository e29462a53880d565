/**
 * Push of answer events with authoritative re-scoring. For each new answer: its assessment must be
 * known (else retryable), belong to the same user, the challenge must exist in the pack and belong to
 * the assessment, and a pupil may not add it once the node saw the assessment end. The node matches the
 * answer itself, keeps the device's claim as `clientResult`, stamps `receivedAt` (ADR 0001, precedence:
 * the node's clock orders answers, never the device's; a relay's stamp is kept upstream and downstream),
 * then queues the assessment for re-derivation (derivation-queue.ts, bounded work).
 * An answer already stored is never rewritten (events are immutable): pushing it again is a no-op, except
 * that an earlier stamp from a trusted node replaces the stored one (mergeAnswer). The node's copy goes back
 * (as a conflict) whenever the pushed copy differs from it, stamp included (differsForClient). An id already
 * taken by another user's answer is refused (FORBIDDEN) without a word of that answer.
 */
import type { AnswerDoc, AssessmentDoc } from '../../../shared/src/sync/protocol';
import { rescoreAnswer } from '../../../shared/src/sync/derive-assessment';
import { mergeAnswer, sameDocument } from '../../../shared/src/sync/merge';
import { assessmentScope, type AssessmentScope } from './assessment-scope';
import { readDocument } from './document-repository';
import { store, type PushContext } from './push-context';
import { queueDerivation } from './derivation-queue';
import { rejection } from './rejections';

function sameDetails(a: Record<string, boolean> | undefined, b: Record<string, boolean> | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The node's copy goes back as a conflict whenever it differs from the copy the device pushed (serverSeq
 * aside) — its result, its superseded flag, and above all its stamp: `receivedAt` is the first key of the
 * answer order (then createdAt, then id), and a device never has it before the node gives it. RxDB counts
 * on the push answer for that: a pulled document whose local copy has a change not yet acknowledged is
 * skipped (the push will settle it), and once the push is acknowledged without a conflict, the device
 * holds its own copy as the node's. That happens when the stream's RESYNC makes the device pull while its
 * push awaits the derivation, or when the pupil reloads before the acknowledgement and the device pushes
 * the answer again: without the stamp in the push answer, the device kept the answer unstamped, ordered it
 * last, and disagreed with the node on the next question. Compared with what the device sent (`pushed`),
 * not with the stamp-less copy merged: the node's own copy pushed back (RxDB pushes a resolved conflict
 * once) is no conflict, so nothing loops.
 */
function differsForClient(stored: AnswerDoc, pushed: AnswerDoc): boolean {
  return !sameDocument(stored, pushed);
}

export function pushAnswers(ctx: PushContext, docs: AnswerDoc[]): void {
  const byAssessment = new Map<string, AnswerDoc[]>();
  for (const doc of docs) byAssessment.set(doc.assessmentId, [...(byAssessment.get(doc.assessmentId) ?? []), doc]);
  for (const [assessmentId, group] of byAssessment) pushAssessmentAnswers(ctx, assessmentId, group);
}

function pushAssessmentAnswers(ctx: PushContext, assessmentId: string, docs: AnswerDoc[]): void {
  const assessment = readDocument(ctx.db, 'assessments', assessmentId);
  // Answers stored by this push (a row repeated in one push is the same event).
  const existing = new Map<string, AnswerDoc>();
  let scope: AssessmentScope | undefined;
  let accepted = false;
  const trusted = ctx.principal.kind === 'relay';
  for (const pushed of docs) {
    // A device never chooses its place in the order: only a node (a relay token) carries a stamp.
    const doc: AnswerDoc = trusted ? pushed : { ...pushed, receivedAt: undefined };
    // An id stored under another assessment is still the same immutable event: never overwritten.
    const master = existing.get(doc.id) ?? readDocument(ctx.db, 'answers', doc.id);
    // Somebody else's answer under this id: refused, and nothing of it goes back in the response.
    if (master && master.userId !== doc.userId) {
      ctx.rejected.push(rejection(doc.id, 'FORBIDDEN', 'Cet identifiant de réponse est déjà pris.'));
      continue;
    }
    if (master) {
      const merged = mergeAnswer(master, doc);
      if (merged !== master && master.assessmentId === assessmentId) {
        existing.set(doc.id, store(ctx, 'answers', merged, false));
        accepted = true;
      }
      if (differsForClient(merged, pushed)) ctx.conflicts.push(merged);
      continue;
    }
    if (doc._deleted) {
      ctx.rejected.push(rejection(doc.id, 'IMMUTABLE_DOCUMENT'));
      continue;
    }
    if (!assessment) {
      ctx.rejected.push(rejection(doc.id, 'UNKNOWN_ASSESSMENT'));
      continue;
    }
    if (assessment.userId !== doc.userId) {
      ctx.rejected.push(rejection(doc.id, 'FORBIDDEN', "L'évaluation appartient à un autre utilisateur."));
      continue;
    }
    scope ??= assessmentScope(ctx.db, ctx.index, assessment);
    if (!scope.ok) {
      ctx.rejected.push(rejection(doc.id, scope.code));
      continue;
    }
    const stored = acceptAnswer(ctx, assessment, scope.targetSkills, doc);
    if (!stored) continue;
    existing.set(stored.id, stored);
    accepted = true;
    if (differsForClient(stored, pushed)) ctx.conflicts.push(stored);
  }
  if (accepted && assessment) queueDerivation(ctx, assessment);
}

function acceptAnswer(ctx: PushContext, assessment: AssessmentDoc, targetSkills: ReadonlySet<string> | null, doc: AnswerDoc): AnswerDoc | undefined {
  const challenge = ctx.index.challengesById.get(doc.challengeId);
  if (!challenge) {
    ctx.rejected.push(rejection(doc.id, 'UNKNOWN_CHALLENGE', `(${doc.challengeId})`));
    return undefined;
  }
  const outside =
    assessment.type === 'COMPETENCE_EVALUATION' ? challenge.competenceId !== assessment.competenceId : targetSkills !== null && !targetSkills.has(challenge.skillId);
  if (outside) {
    ctx.rejected.push(rejection(doc.id, 'CHALLENGE_OUTSIDE_ASSESSMENT', `(${doc.challengeId})`));
    return undefined;
  }
  // The node saw the end: a pupil adds nothing after it, whatever date the device puts on the answer. A
  // relay's copy is stored all the same (it may predate the end); the derivation ignores what came after.
  if (assessment.state === 'completed' && ctx.principal.kind !== 'relay') {
    ctx.rejected.push(rejection(doc.id, 'ANSWER_AFTER_COMPLETION'));
    return undefined;
  }
  const match = rescoreAnswer(challenge, doc, assessment.type === 'CERTIFICATION');
  // A relay forwards the device's original claim; a device's claim is its `result`.
  const clientResult = ctx.principal.kind === 'relay' && doc.clientResult ? doc.clientResult : doc.result;
  const { serverSeq: _seq, resultDetails: _details, ...event } = doc;
  const corrected = match.result !== doc.result || !sameDetails(match.resultDetails, doc.resultDetails);
  const answer: AnswerDoc = {
    ...event,
    receivedAt: doc.receivedAt ?? ctx.now,
    result: match.result,
    ...(match.resultDetails ? { resultDetails: match.resultDetails } : {}),
    clientResult,
    superseded: false,
    _deleted: false,
    updatedAt: corrected ? ctx.now : doc.updatedAt,
  };
  return store(ctx, 'answers', answer, true);
}
