/**
 * What an assessment measures on this node: its target skills (competence evaluation: the skills of
 * its competence; campaign: the skills of the campaign's target profile, found through the
 * participation and the campaign, which must be the assessment's user's), or the reason it cannot be known yet.
 */
import type { PackIndex } from '../../../shared/src/model/pack-index';
import { targetSkillIdsOf } from '../../../shared/src/sync/derive-assessment';
import type { AssessmentDoc, RejectCode } from '../../../shared/src/sync/protocol';
import type { Db } from '../db/database';
import { campaignSettings } from '../orga/campaign-repository';
import { readDocument } from './document-repository';

export type AssessmentScope =
  /** targetSkillIds null: not adaptive (certification, preview), any challenge of the pack is allowed */
  | { ok: true; targetSkillIds: string[] | null; targetSkills: ReadonlySet<string> | null }
  | { ok: false; code: RejectCode };

export function assessmentScope(db: Db, index: PackIndex, assessment: AssessmentDoc): AssessmentScope {
  if (assessment.type === 'CAMPAIGN') {
    if (!assessment.campaignParticipationId) return { ok: false, code: 'UNKNOWN_PARTICIPATION' };
    const participation = readDocument(db, 'campaign-participations', assessment.campaignParticipationId);
    if (!participation) return { ok: false, code: 'UNKNOWN_PARTICIPATION' };
    // somebody else's participation measures nothing of this user
    if (participation.userId !== assessment.userId) return { ok: false, code: 'FORBIDDEN' };
    const campaign = campaignSettings(db, participation.campaignId);
    const targetProfile = campaign?.target_profile_id ? index.targetProfilesById.get(campaign.target_profile_id) : undefined;
    if (!targetProfile) return { ok: false, code: 'UNKNOWN_CAMPAIGN' };
    const ids = targetSkillIdsOf(index, assessment, targetProfile) ?? [];
    return { ok: true, targetSkillIds: ids, targetSkills: new Set(ids) };
  }
  const ids = targetSkillIdsOf(index, assessment);
  return { ok: true, targetSkillIds: ids, targetSkills: ids ? new Set(ids) : null };
}
