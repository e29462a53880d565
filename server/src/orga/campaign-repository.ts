/**
 * Campaign queries (the only SQL of the campaign routes): a new campaign, a campaign by code or id, an organisation's
 * campaigns with their participation counts, the campaigns a user takes part in, memberships, the
 * engine setting, and what a campaign's results are computed from. `campaignInfo` is the shape the
 * pupil's device receives (shared/src/api/schemas.ts, CampaignInfo).
 */
import type { CampaignInfo } from '../../../shared/src/api/schemas';
import type { CampaignAccessFacts } from '../../../shared/src/campaign/campaign-access';
import { campaignMethod } from '../../../shared/src/engine/engine-choice';
import type { AssessmentMethod, KnowledgeElement } from '../../../shared/src/model/types';
import type { Db } from '../db/database';
import { sql } from '../db/statements';

export interface CampaignRow {
  id: string;
  code: string;
  name: string;
  type: 'ASSESSMENT' | 'PROFILES_COLLECTION';
  target_profile_id: string | null;
  title: string | null;
  custom_landing_message: string | null;
  id_pix_label: string | null;
  organization_id: string;
  organization_name: string;
  organization_manages_students: number;
  division_name: string | null;
  division_id: string | null;
  archived_at: string | null;
  assessment_method: AssessmentMethod | null;
}

export interface SharedParticipantRow {
  user_id: string;
  participant_external_id: string | null;
  shared_at: string;
  first_name: string;
  last_name: string;
}

const SELECT_CAMPAIGN = `SELECT c.*, o.name AS organization_name, o.is_managing_students AS organization_manages_students,
  d.name AS division_name FROM campaigns c
  JOIN organizations o ON o.id = c.organization_id LEFT JOIN divisions d ON d.id = c.division_id`;

export interface NewCampaign {
  id: string;
  code: string;
  organizationId: string;
  name: string;
  targetProfileId: string;
  title?: string | null;
  customLandingMessage?: string | null;
  idPixLabel?: string | null;
  divisionId?: string | null;
  createdBy?: string | null;
  createdAt: string;
}

/** Inserts an assessment campaign (the demo school's, test fixtures'). */
export function insertCampaign(db: Db, campaign: NewCampaign): void {
  sql(
    db,
    `INSERT INTO campaigns (id, code, organization_id, name, type, target_profile_id, title, custom_landing_message, id_pix_label, division_id, created_by, created_at)
     VALUES (?, ?, ?, ?, 'ASSESSMENT', ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    campaign.id, campaign.code, campaign.organizationId, campaign.name, campaign.targetProfileId, campaign.title ?? null,
    campaign.customLandingMessage ?? null, campaign.idPixLabel ?? null, campaign.divisionId ?? null, campaign.createdBy ?? null, campaign.createdAt,
  );
}

export function campaignInfo(row: CampaignRow): CampaignInfo & { division: string | null; method: AssessmentMethod } {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    title: row.title,
    type: row.type,
    targetProfileId: row.target_profile_id,
    customLandingMessage: row.custom_landing_message,
    idPixLabel: row.id_pix_label,
    organizationName: row.organization_name,
    division: row.division_name,
    /** the adaptive engine of this campaign's assessments */
    method: campaignMethod(row.assessment_method),
  };
}

/** Code, name and division of the campaigns of the organisation whose external id (UAI) is given. */
export function campaignsByExternalId(db: Db, externalId: string): { code: string; name: string; division: string | null }[] {
  return sql(
    db,
    `SELECT c.code, c.name, d.name AS division FROM campaigns c JOIN organizations o ON o.id = c.organization_id
     LEFT JOIN divisions d ON d.id = c.division_id WHERE o.external_id = ? ORDER BY c.code`,
  ).all(externalId) as { code: string; name: string; division: string | null }[];
}

/** Archives a campaign (no new participant, no new sending of results). */
export function archiveCampaign(db: Db, campaignId: string, at: string): void {
  sql(db, 'UPDATE campaigns SET archived_at = ? WHERE id = ?').run(at, campaignId);
}

export function findCampaignByCode(db: Db, code: string): CampaignRow | undefined {
  return sql(db, `${SELECT_CAMPAIGN} WHERE c.code = ?`).get(code) as CampaignRow | undefined;
}

export function findCampaignById(db: Db, campaignId: string): CampaignRow | undefined {
  return sql(db, `${SELECT_CAMPAIGN} WHERE c.id = ?`).get(campaignId) as CampaignRow | undefined;
}

/**
 * The campaigns `userId` has a participation in, archived ones included (the device still needs their
 * target profile to derive the knowledge elements of their assessments), oldest first.
 */
export function campaignsOfParticipant(db: Db, userId: string): CampaignRow[] {
  return sql(
    db,
    `${SELECT_CAMPAIGN} WHERE c.id IN (SELECT campaign_id FROM campaign_participations WHERE user_id = ?) ORDER BY c.created_at, c.id`,
  ).all(userId) as CampaignRow[];
}

/** What the campaign access rule (shared/src/campaign/campaign-access.ts) needs about `userId` and this campaign. */
export function campaignAccessFacts(db: Db, campaign: CampaignRow, userId: string): CampaignAccessFacts {
  const learners = sql(db, 'SELECT division_id FROM organization_learners WHERE organization_id = ? AND user_id = ?').all(campaign.organization_id, userId) as {
    division_id: string | null;
  }[];
  return {
    archivedAt: campaign.archived_at,
    organizationName: campaign.organization_name,
    organizationManagesStudents: campaign.organization_manages_students === 1,
    divisionId: campaign.division_id,
    divisionName: campaign.division_name,
    learnerDivisionIds: learners.map((l) => l.division_id),
    isMember: isMember(db, campaign.organization_id, userId),
  };
}

/** The campaign's adaptive engine and target profile, for a push (null when the campaign is unknown). */
export function campaignSettings(db: Db, campaignId: string): { assessment_method: AssessmentMethod | null; target_profile_id: string | null } | undefined {
  return sql(db, 'SELECT assessment_method, target_profile_id FROM campaigns WHERE id = ?').get(campaignId) as
    | { assessment_method: AssessmentMethod | null; target_profile_id: string | null }
    | undefined;
}

/** The organisations `userId` administers. */
export function administeredOrganizationIds(db: Db, userId: string): string[] {
  return (sql(db, "SELECT organization_id FROM memberships WHERE user_id = ? AND role = 'ADMIN' ORDER BY organization_id").all(userId) as { organization_id: string }[]).map(
    (r) => r.organization_id,
  );
}

export function campaignsOfOrganization(db: Db, organizationId: string): (CampaignRow & { participants: number; shared: number })[] {
  const rows = sql(db, `${SELECT_CAMPAIGN} WHERE c.organization_id = ? ORDER BY c.created_at`).all(organizationId) as CampaignRow[];
  const counts = sql(
    db,
    `SELECT count(*) AS participants, sum(CASE WHEN status = 'SHARED' THEN 1 ELSE 0 END) AS shared
     FROM campaign_participations WHERE campaign_id = ?`,
  );
  return rows.map((row) => {
    const count = counts.get(row.id) as { participants: number; shared: number | null };
    return { ...row, participants: count.participants, shared: count.shared ?? 0 };
  });
}

export function isMember(db: Db, organizationId: string, userId: string): boolean {
  return sql(db, 'SELECT 1 FROM memberships WHERE organization_id = ? AND user_id = ?').get(organizationId, userId) !== undefined;
}

export function isAdmin(db: Db, organizationId: string, userId: string): boolean {
  return sql(db, "SELECT 1 FROM memberships WHERE organization_id = ? AND user_id = ? AND role = 'ADMIN'").get(organizationId, userId) !== undefined;
}

export function organizationExists(db: Db, organizationId: string): boolean {
  return sql(db, 'SELECT 1 FROM organizations WHERE id = ?').get(organizationId) !== undefined;
}

export function setCampaignMethod(db: Db, campaignId: string, method: AssessmentMethod): void {
  sql(db, 'UPDATE campaigns SET assessment_method = ? WHERE id = ?').run(method, campaignId);
}

/** The participants who sent their results ("J'envoie mes résultats"), by name. */
export function sharedParticipants(db: Db, campaignId: string): SharedParticipantRow[] {
  return sql(
    db,
    `SELECT p.user_id, p.participant_external_id, p.shared_at, u.first_name, u.last_name FROM campaign_participations p
     JOIN users u ON u.id = p.user_id WHERE p.campaign_id = ? AND p.status = 'SHARED' ORDER BY u.last_name, u.first_name`,
  ).all(campaignId) as SharedParticipantRow[];
}

export function knowledgeElementsOf(db: Db, userId: string): KnowledgeElement[] {
  return sql(
    db,
    `SELECT id, user_id AS userId, assessment_id AS assessmentId, answer_id AS answerId, skill_id AS skillId,
     competence_id AS competenceId, status, source, earned_pix AS earnedPix, created_at AS createdAt
     FROM knowledge_elements WHERE user_id = ? ORDER BY created_at, id`,
  ).all(userId) as KnowledgeElement[];
}
