/**
 * Who may take part in a campaign — one rule for the code lookup (GET /api/campaigns/:code) and for every
 * participation a device or a relay pushes:
 * - an archived campaign takes no new participant and no new sending of results (Pix refuses both);
 * - a campaign of an organisation that manages its students (SCO: pupils imported from SIECLE) is for its
 *   learners only — a pupil whose account is one of its learners, in the campaign's division when it has one —
 *   and its members (a teacher trying the campaign out);
 * A participation already accepted stays its owner's (a pupil who changed class may still send it).
 */
export interface CampaignAccessFacts {
  archivedAt: string | null;
  organizationName: string;
  organizationManagesStudents: boolean;
  /** the division the campaign is for (null: the whole organisation) */
  divisionId: string | null;
  divisionName: string | null;
  /** the divisions of the user's learner records in the campaign's organisation (null: a learner without division) */
  learnerDivisionIds: readonly (string | null)[];
  /** the user is a member (teacher) of the campaign's organisation */
  isMember: boolean;
}

export type CampaignAccess =
  | { ok: true }
  | { ok: false; code: 'CAMPAIGN_ARCHIVED' | 'CAMPAIGN_RESTRICTED'; message: string };

export const CAMPAIGN_ARCHIVED_MESSAGE = 'Ce parcours a été archivé par votre organisation.';

export function campaignAccess(facts: CampaignAccessFacts): CampaignAccess {
  const archived = mayShare(facts);
  if (!archived.ok) return archived;
  if (!facts.organizationManagesStudents || facts.isMember) return { ok: true };
  if (facts.learnerDivisionIds.length === 0) {
    return { ok: false, code: 'CAMPAIGN_RESTRICTED', message: `Ce parcours est réservé aux élèves de l'établissement « ${facts.organizationName} ».` };
  }
  if (facts.divisionId !== null && !facts.learnerDivisionIds.includes(facts.divisionId)) {
    return { ok: false, code: 'CAMPAIGN_RESTRICTED', message: `Ce parcours est réservé aux élèves de la classe ${facts.divisionName ?? ''}.`.replace(' .', '.') };
  }
  return { ok: true };
}

/** Sending results ("J'envoie mes résultats") is refused once the campaign is archived. */
export function mayShare(facts: Pick<CampaignAccessFacts, 'archivedAt'>): CampaignAccess {
  return facts.archivedAt ? { ok: false, code: 'CAMPAIGN_ARCHIVED', message: CAMPAIGN_ARCHIVED_MESSAGE } : { ok: true };
}
