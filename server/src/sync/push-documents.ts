/**
 * Push of the mutable collections: assessments, campaign participations, tutorial bookmarks. Each
 * row is merged with the stored master by the shared rule (merge.ts); the merged state is stored when
 * it changed and returned as a conflict when it differs from what was pushed (RxDB then adopts it).
 */
import { campaignAccess, mayShare } from '../../../shared/src/campaign/campaign-access';
import { CAMPAIGN_METHODS, campaignMethod, DEFAULT_COMPETENCE_EVALUATION_METHOD } from '../../../shared/src/engine/engine-choice';
import type { AssessmentMethod } from '../../../shared/src/model/types';
import {
  mergeAssessment, mergeCampaignParticipation, mergeUserTutorial, sameDocument,
} from '../../../shared/src/sync/merge';
import {
  userTutorialId, type AssessmentDoc, type CampaignParticipationDoc, type UserTutorialDoc,
} from '../../../shared/src/sync/protocol';
import { campaignAccessFacts, campaignSettings, findCampaignById } from '../orga/campaign-repository';
import { answersOfAssessment, readDocument } from './document-repository';
import { store, type PushContext } from './push-context';
import { queueDerivation } from './derivation-queue';
import { rejection } from './rejections';

function withoutSeq<T extends { serverSeq?: number }>(doc: T): T {
  const { serverSeq: _seq, ...rest } = doc;
  return rest as T;
}

/**
 * The engine an assessment runs is the node's choice, not the device's (it decides how answers are scored):
 * a campaign's configured method, else an adaptive method the product offers, else the default.
 */
function assessmentMethodOf(ctx: PushContext, doc: AssessmentDoc, participation: CampaignParticipationDoc | undefined): AssessmentMethod {
  if (doc.type === 'CAMPAIGN' && participation) {
    const campaign = campaignSettings(ctx.db, participation.campaignId);
    if (campaign) return campaignMethod(campaign.assessment_method);
  }
  if (doc.type === 'COMPETENCE_EVALUATION') return CAMPAIGN_METHODS.includes(doc.method) ? doc.method : DEFAULT_COMPETENCE_EVALUATION_METHOD;
  return doc.method;
}

export function pushAssessments(ctx: PushContext, docs: AssessmentDoc[]): void {
  for (const doc of docs) {
    const master = readDocument(ctx.db, 'assessments', doc.id);
    if (master && master.userId !== doc.userId) {
      ctx.rejected.push(rejection(doc.id, 'FORBIDDEN'));
      continue;
    }
    if (doc.type === 'COMPETENCE_EVALUATION' && !(doc.competenceId && ctx.index.competencesById.has(doc.competenceId))) {
      ctx.rejected.push(rejection(doc.id, 'UNKNOWN_COMPETENCE'));
      continue;
    }
    if (doc.type === 'CAMPAIGN' && !doc.campaignParticipationId) {
      ctx.rejected.push(rejection(doc.id, 'INVALID_DOCUMENT', 'Une évaluation de campagne doit indiquer sa participation.'));
      continue;
    }
    // A campaign assessment is its participant's: never one pointing at somebody else's participation.
    const participation = doc.campaignParticipationId ? readDocument(ctx.db, 'campaign-participations', doc.campaignParticipationId) : undefined;
    if (!master && participation && participation.userId !== doc.userId) {
      ctx.rejected.push(rejection(doc.id, 'FORBIDDEN', 'La participation de cette évaluation appartient à un autre utilisateur.'));
      continue;
    }
    // state and completedAt are the node's: a device may only abort; completion is derived.
    const { completedAt: _completedAt, ...claimed } = withoutSeq(doc);
    const incoming: AssessmentDoc = {
      ...claimed,
      state: doc.state === 'aborted' ? 'aborted' : 'started',
      method: assessmentMethodOf(ctx, doc, participation),
      _deleted: false,
    };
    const merged = mergeAssessment(master && withoutSeq(master), incoming);
    let current = master;
    if (!master || !sameDocument(master, merged)) current = store(ctx, 'assessments', merged, true);
    if (current && !sameDocument(current, doc)) ctx.conflicts.push(current);
    // Answers may have been held back (retryable) until this assessment arrived; a new assessment
    // created before others of the user changes their knowledge reuse; a reset (§2.4) writes reset KEs,
    // also when it comes on a new, empty evaluation (a competence so far seen only in campaigns): recompute.
    const resetChanged = current !== undefined && current.resetAt !== undefined && master?.resetAt !== current.resetAt;
    if (((!master && answersOfAssessment(ctx.db, doc.id).length > 0) || resetChanged) && current) queueDerivation(ctx, current);
  }
}

export function pushCampaignParticipations(ctx: PushContext, docs: CampaignParticipationDoc[]): void {
  for (const doc of docs) {
    const master = readDocument(ctx.db, 'campaign-participations', doc.id);
    if (master && master.userId !== doc.userId) {
      ctx.rejected.push(rejection(doc.id, 'FORBIDDEN'));
      continue;
    }
    if (master && master.campaignId !== doc.campaignId) {
      ctx.rejected.push(rejection(doc.id, 'IMMUTABLE_DOCUMENT', 'La campagne d\'une participation ne change pas.'));
      continue;
    }
    const campaign = findCampaignById(ctx.db, doc.campaignId);
    if (!campaign) {
      ctx.rejected.push(rejection(doc.id, 'UNKNOWN_CAMPAIGN'));
      continue;
    }
    // The rule of the code lookup (GET /api/campaigns/:code), for a new participation; sending results
    // is refused once archived (shared/src/campaign/campaign-access.ts).
    const access = master ? (doc.status === 'SHARED' && master.status !== 'SHARED' ? mayShare({ archivedAt: campaign.archived_at }) : { ok: true as const })
      : campaignAccess(campaignAccessFacts(ctx.db, campaign, doc.userId));
    if (!access.ok) {
      ctx.rejected.push(rejection(doc.id, access.code, access.message));
      continue;
    }
    let merged = mergeCampaignParticipation(master && withoutSeq(master), { ...withoutSeq(doc), _deleted: false });
    if (merged.status === 'SHARED' && !merged.sharedAt) merged = { ...merged, sharedAt: ctx.now };
    let current = master;
    if (!master || !sameDocument(master, merged)) current = store(ctx, 'campaign-participations', merged, true);
    if (current && !sameDocument(current, doc)) ctx.conflicts.push(current);
  }
}

export function pushUserTutorials(ctx: PushContext, docs: UserTutorialDoc[]): void {
  for (const doc of docs) {
    if (doc.id !== userTutorialId(doc.userId, doc.tutorialId)) {
      ctx.rejected.push(rejection(doc.id, 'INVALID_DOCUMENT', "L'identifiant doit valoir « utilisateur:tutoriel »."));
      continue;
    }
    if (!ctx.index.tutorialsById.has(doc.tutorialId)) {
      ctx.rejected.push(rejection(doc.id, 'UNKNOWN_TUTORIAL'));
      continue;
    }
    const master = readDocument(ctx.db, 'user-tutorials', doc.id);
    const merged = mergeUserTutorial(master && withoutSeq(master), withoutSeq(doc));
    let current = master;
    if (!master || !sameDocument(master, merged)) current = store(ctx, 'user-tutorials', merged, true);
    if (current && !sameDocument(current, doc)) ctx.conflicts.push(current);
  }
}
