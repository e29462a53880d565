/**
 * Campaigns: a pupil looks one up by its code to join it; a member of the organisation lists its
 * campaigns and reads the results of the participants who SENT them (nothing before "J'envoie mes
 * résultats": results stay private until shared); an organisation ADMIN chooses, on central, the
 * adaptive engine of a campaign (issue 8) — relays receive it with their snapshot, and only new
 * participations use it (an assessment keeps the method it was created with).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { CAMPAIGN_CODE_INPUT, normaliseCampaignCode } from '../../../shared/src/campaign/campaign-code';
import { participantResults } from '../../../shared/src/campaign/participant-results';
import { CAMPAIGN_METHODS, campaignMethod } from '../../../shared/src/engine/engine-choice';
import type { AssessmentMethod, KnowledgeElement } from '../../../shared/src/model/types';
import type { AppDeps, AppEnv } from '../context';
import type { Db } from '../db/database';
import { ApiError, badRequest, forbidden, notFound } from '../http/errors';
import { readJson } from '../http/validation';
import { requireUser } from './require-user';

interface CampaignRow {
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
  division_name: string | null;
  archived_at: string | null;
  assessment_method: AssessmentMethod | null;
}

const SELECT_CAMPAIGN = `SELECT c.*, o.name AS organization_name, d.name AS division_name FROM campaigns c
  JOIN organizations o ON o.id = c.organization_id LEFT JOIN divisions d ON d.id = c.division_id`;

function campaignInfo(row: CampaignRow) {
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

function requireMember(db: Db, organizationId: string, userId: string): void {
  const member = db.prepare('SELECT 1 FROM memberships WHERE organization_id = ? AND user_id = ?').get(organizationId, userId);
  if (!member) throw forbidden("Vous n'êtes pas membre de cette organisation.");
}

function isAdmin(db: Db, organizationId: string, userId: string): boolean {
  return db.prepare("SELECT 1 FROM memberships WHERE organization_id = ? AND user_id = ? AND role = 'ADMIN'").get(organizationId, userId) !== undefined;
}

const methodBody = z.object({
  method: z.string().refine((method) => CAMPAIGN_METHODS.includes(method as AssessmentMethod), {
    message: `Moteur inconnu : choisissez ${CAMPAIGN_METHODS.join(', ')}.`,
  }),
});

export function campaignRoutes(deps: AppDeps) {
  const { db } = deps;
  const routes = new Hono<AppEnv>();
  // Mounted under /api beside other routers: authenticate per route, not with a catch-all middleware.
  const auth = requireUser(deps);

  routes.get('/campaigns/:code', auth, (c) => {
    const code = normaliseCampaignCode(c.req.param('code'));
    if (!CAMPAIGN_CODE_INPUT.test(code)) {
      throw badRequest('INVALID_CAMPAIGN_CODE', 'Le code doit comporter 9 caractères (6 lettres puis 3 chiffres).');
    }
    const row = db.prepare(`${SELECT_CAMPAIGN} WHERE c.code = ?`).get(code) as CampaignRow | undefined;
    if (!row) throw notFound(`Le code « ${code} » ne correspond à aucun parcours.`);
    if (row.archived_at) throw new ApiError(410, 'CAMPAIGN_ARCHIVED', 'Ce parcours a été archivé par votre organisation.');
    return c.json(campaignInfo(row));
  });

  routes.get('/organizations/:organizationId/campaigns', auth, (c) => {
    const organizationId = c.req.param('organizationId');
    requireMember(db, organizationId, c.get('userId'));
    const rows = db.prepare(`${SELECT_CAMPAIGN} WHERE c.organization_id = ? ORDER BY c.created_at`).all(organizationId) as CampaignRow[];
    const counts = db.prepare(
      `SELECT count(*) AS participants, sum(CASE WHEN status = 'SHARED' THEN 1 ELSE 0 END) AS shared
       FROM campaign_participations WHERE campaign_id = ?`,
    );
    return c.json(
      rows.map((row) => {
        const count = counts.get(row.id) as { participants: number; shared: number | null };
        return { ...campaignInfo(row), participantsCount: count.participants, sharedCount: count.shared ?? 0 };
      }),
    );
  });

  routes.put('/campaigns/:campaignId/method', auth, async (c) => {
    if (deps.config.mode === 'relay') {
      throw new ApiError(409, 'CENTRAL_ONLY', "Le moteur d'une campagne se choisit sur le serveur central ; le relais le reçoit ensuite.");
    }
    const row = db.prepare(`${SELECT_CAMPAIGN} WHERE c.id = ?`).get(c.req.param('campaignId')) as CampaignRow | undefined;
    if (!row) throw notFound('Campagne introuvable.');
    if (!isAdmin(db, row.organization_id, c.get('userId'))) {
      throw forbidden("Seul un administrateur de l'organisation peut choisir le moteur d'une campagne.");
    }
    const { method } = await readJson(c, methodBody);
    db.prepare('UPDATE campaigns SET assessment_method = ? WHERE id = ?').run(method, row.id);
    deps.log(`campaign ${row.code}: engine ${method}`);
    return c.json(campaignInfo({ ...row, assessment_method: method as AssessmentMethod }));
  });

  routes.get('/campaigns/:campaignId/results', auth, (c) => {
    const row = db.prepare(`${SELECT_CAMPAIGN} WHERE c.id = ?`).get(c.req.param('campaignId')) as CampaignRow | undefined;
    if (!row) throw notFound('Campagne introuvable.');
    requireMember(db, row.organization_id, c.get('userId'));
    const index = deps.content;
    if (!index) throw new ApiError(503, 'CONTENT_UNAVAILABLE', "Le contenu pédagogique n'est pas chargé sur ce serveur.");
    const targetProfile = row.target_profile_id ? index.targetProfilesById.get(row.target_profile_id) : undefined;
    const participants = db
      .prepare(
        `SELECT p.user_id, p.participant_external_id, p.shared_at, u.first_name, u.last_name FROM campaign_participations p
         JOIN users u ON u.id = p.user_id WHERE p.campaign_id = ? AND p.status = 'SHARED' ORDER BY u.last_name, u.first_name`,
      )
      .all(row.id) as { user_id: string; participant_external_id: string | null; shared_at: string; first_name: string; last_name: string }[];
    const kesOf = db.prepare(
      `SELECT id, user_id AS userId, assessment_id AS assessmentId, answer_id AS answerId, skill_id AS skillId,
       competence_id AS competenceId, status, source, earned_pix AS earnedPix, created_at AS createdAt
       FROM knowledge_elements WHERE user_id = ? ORDER BY created_at, id`,
    );
    return c.json({
      campaign: campaignInfo(row),
      participants: participants.map((p) => {
        const results = participantResults({
          index,
          campaignType: row.type,
          targetProfile,
          knowledgeElements: kesOf.all(p.user_id) as KnowledgeElement[],
          sharedAt: p.shared_at,
        });
        return {
          firstName: p.first_name,
          lastName: p.last_name,
          participantExternalId: p.participant_external_id,
          sharedAt: p.shared_at,
          masteryRate: results.masteryRate,
          validatedSkillsCount: results.validatedSkillsCount,
          pixScore: results.pixScore,
          competences: results.competences,
        };
      }),
    });
  });

  return routes;
}
