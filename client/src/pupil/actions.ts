/**
 * What the pupil does, written to the local database first (the sync sends it later): start or resume a
 * test, answer, finish, reset a competence, save a tutorial, join a campaign and send its results.
 */
import { campaignMethod, DEFAULT_COMPETENCE_EVALUATION_METHOD } from '../../../shared/src/engine/engine-choice';
import type { PupilDatabase } from '../db/database';
import type { AnswerDoc, AssessmentDoc } from '../db/schemas';
import type { CampaignInfo } from './campaigns';
import { uuid } from './uuid';

export async function startCompetenceEvaluation(
  db: PupilDatabase,
  userId: string,
  competenceId: string,
  now: Date,
  options: { isImproving?: boolean } = {},
): Promise<string> {
  const at = now.toISOString();
  const assessment: AssessmentDoc = {
    id: uuid(),
    userId,
    type: 'COMPETENCE_EVALUATION',
    state: 'started',
    method: DEFAULT_COMPETENCE_EVALUATION_METHOD,
    competenceId,
    createdAt: at,
    updatedAt: at,
    ...(options.isImproving ? { isImproving: true } : {}),
  };
  await db.assessments.insert(assessment);
  return assessment.id;
}

/** Resolves once the answer is in IndexedDB: the next question is rendered only after that. */
export async function saveAnswer(db: PupilDatabase, answer: Omit<AnswerDoc, 'id' | 'updatedAt'>, now: Date): Promise<AnswerDoc> {
  const doc: AnswerDoc = { ...answer, id: uuid(), updatedAt: now.toISOString() };
  await db.answers.insert(doc);
  return doc;
}

export async function completeAssessment(db: PupilDatabase, assessmentId: string, now: Date): Promise<void> {
  const doc = await db.assessments.findOne(assessmentId).exec();
  if (!doc || doc.state === 'completed') return;
  const at = now.toISOString();
  await doc.incrementalPatch({ state: 'completed', completedAt: at, updatedAt: at });
}

/**
 * "Réinitialiser" (§2.4): the latest evaluation of the competence carries the reset time, and the
 * campaign assessments the reset touches (`campaignAssessmentsToRestart`, chosen by the caller) are
 * aborted and replaced by a fresh assessment of the same participation, which asks the reset skills
 * again.
 */
export async function resetCompetence(
  db: PupilDatabase,
  userId: string,
  competenceId: string,
  now: Date,
  campaignAssessmentsToRestart: readonly AssessmentDoc[] = [],
): Promise<void> {
  const at = now.toISOString();
  // Campaigns first, fresh assessment before the old one is aborted: a page left mid-way (the reset shows
  // as soon as the evaluation carries it) never leaves a participation with only an aborted assessment.
  for (const old of campaignAssessmentsToRestart) {
    const doc = await db.assessments.findOne(old.id).exec();
    if (!doc || doc.state === 'aborted' || !doc.campaignParticipationId) continue;
    await db.assessments.insert({
      id: uuid(),
      userId: doc.userId,
      type: 'CAMPAIGN',
      state: 'started',
      // the node sets the campaign's engine when it receives it
      method: doc.method,
      campaignParticipationId: doc.campaignParticipationId,
      createdAt: at,
      updatedAt: at,
    });
    // A completed one stays completed (merge.ts: answers are the truth); the fresh one supersedes it.
    if (doc.state === 'started') await doc.incrementalPatch({ state: 'aborted', updatedAt: at });
  }
  const docs = await db.assessments.find({ selector: { competenceId, type: 'COMPETENCE_EVALUATION' } }).exec();
  const latest = docs.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
  if (latest) await latest.incrementalPatch({ resetAt: at, state: latest.state === 'started' ? 'aborted' : latest.state, updatedAt: at });
  else {
    // Pix only through campaigns so far: an (aborted, empty) evaluation of the competence carries the reset.
    await db.assessments.insert({
      id: uuid(), userId, type: 'COMPETENCE_EVALUATION', state: 'aborted', method: DEFAULT_COMPETENCE_EVALUATION_METHOD,
      competenceId, resetAt: at, createdAt: at, updatedAt: at,
    });
  }
}

export async function updateTutorial(
  db: PupilDatabase,
  userId: string,
  tutorialId: string,
  patch: { saved?: boolean; useful?: boolean | null },
  now: Date,
): Promise<void> {
  const id = `${userId}:${tutorialId}`;
  const existing = await db.tutorials.findOne(id).exec();
  const at = now.toISOString();
  if (existing) await existing.incrementalPatch({ ...patch, updatedAt: at });
  else await db.tutorials.insert({ id, userId, tutorialId, saved: patch.saved ?? false, useful: patch.useful ?? null, updatedAt: at });
}

export async function joinCampaign(
  db: PupilDatabase,
  userId: string,
  campaign: CampaignInfo,
  participantExternalId: string | null,
  now: Date,
): Promise<{ participationId: string; assessmentId: string | null }> {
  const at = now.toISOString();
  const participationId = uuid();
  await db.participations.insert({
    id: participationId,
    campaignId: campaign.id,
    userId,
    status: campaign.type === 'PROFILES_COLLECTION' ? 'TO_SHARE' : 'STARTED',
    participantExternalId,
    createdAt: at,
    sharedAt: null,
    updatedAt: at,
  });
  if (campaign.type === 'PROFILES_COLLECTION') return { participationId, assessmentId: null };
  const assessmentId = uuid();
  await db.assessments.insert({
    id: assessmentId,
    userId,
    type: 'CAMPAIGN',
    state: 'started',
    method: campaignMethod(campaign.method),
    campaignParticipationId: participationId,
    createdAt: at,
    updatedAt: at,
  });
  return { participationId, assessmentId };
}

export async function markParticipationToShare(db: PupilDatabase, participationId: string, now: Date): Promise<void> {
  const doc = await db.participations.findOne(participationId).exec();
  if (doc && doc.status === 'STARTED') await doc.incrementalPatch({ status: 'TO_SHARE', updatedAt: now.toISOString() });
}

export async function shareResults(db: PupilDatabase, participationId: string, now: Date): Promise<void> {
  const doc = await db.participations.findOne(participationId).exec();
  if (!doc || doc.status === 'SHARED') return;
  const at = now.toISOString();
  await doc.incrementalPatch({ status: 'SHARED', sharedAt: at, updatedAt: at });
}
