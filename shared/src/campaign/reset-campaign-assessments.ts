/**
 * §2.4, reset of a competence, campaign side: every campaign assessment of the learner that is not
 * aborted, whose participation is not shared yet and whose campaign skills meet the reset skills is
 * replaced by a fresh campaign assessment for the same participation (a started one is aborted; a
 * completed one stays completed, answers being the truth, and the newer one supersedes it), so the
 * campaign asks those skills again (restated from `api/src/evaluation/domain/services/scorecard-service.js`).
 * A shared participation keeps its results; a campaign that does not touch the competence is left alone.
 */
import type { Assessment } from '../model/types';
import type { CampaignParticipationDoc } from '../sync/protocol';

export interface CampaignResetInput<A extends Pick<Assessment, 'id' | 'type' | 'state' | 'campaignParticipationId'>> {
  assessments: readonly A[];
  participations: readonly Pick<CampaignParticipationDoc, 'id' | 'status'>[];
  /** skills that received a `reset` KE */
  resetSkillIds: ReadonlySet<string>;
  /** target skills of a campaign assessment (its campaign's), or [] when unknown */
  campaignSkillIdsOf: (assessment: A) => readonly string[];
}

/** The campaign assessments to abort and start again, oldest first. */
export function campaignAssessmentsToRestart<A extends Pick<Assessment, 'id' | 'type' | 'state' | 'campaignParticipationId'>>(
  input: CampaignResetInput<A>,
): A[] {
  if (input.resetSkillIds.size === 0) return [];
  const participations = new Map(input.participations.map((p) => [p.id, p]));
  return input.assessments.filter((assessment) => {
    if (assessment.type !== 'CAMPAIGN' || assessment.state === 'aborted' || !assessment.campaignParticipationId) return false;
    const participation = participations.get(assessment.campaignParticipationId);
    if (!participation || participation.status === 'SHARED') return false;
    return input.campaignSkillIdsOf(assessment).some((skillId) => input.resetSkillIds.has(skillId));
  });
}
