/**
 * Campaigns: a pupil looks one up by its code to join it (refused when archived, or when the campaign is for
 * the learners of another school or class: shared/src/campaign/campaign-access.ts, the rule pushes obey too), and lists those they take part in
 * (`GET /api/me/campaigns`, so that any of their devices shows the same profile and resumes any
 * campaign); a member of the organisation lists its campaigns and reads the results of the
 * participants who SENT them (nothing before "J'envoie mes résultats": results stay private until
 * shared); an organisation ADMIN chooses, on central, the
 * adaptive engine of a campaign among those offered (CAMPAIGN_METHODS, issue 8) — relays receive it with their
 * snapshot, and only new participations use it (an assessment keeps the method it was created with).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { campaignAccess } from '../../../shared/src/campaign/campaign-access';
import { CAMPAIGN_CODE_INPUT, normaliseCampaignCode } from '../../../shared/src/campaign/campaign-code';
import { participantResults } from '../../../shared/src/campaign/participant-results';
import { campaignMethodRefusal, isCampaignMethod } from '../../../shared/src/engine/engine-choice';
import type { AppDeps, AppEnv } from '../context';
import type { Db } from '../db/database';
import { ApiError, badRequest, forbidden, notFound } from '../http/errors';
import { readJson } from '../http/validation';
import {
  campaignAccessFacts,
  campaignInfo,
  campaignsOfOrganization,
  campaignsOfParticipant,
  findCampaignByCode,
  findCampaignById,
  isAdmin,
  isMember,
  knowledgeElementsOf,
  setCampaignMethod,
  sharedParticipants,
} from '../orga/campaign-repository';
import { requireUser } from './require-user';

function requireMember(db: Db, organizationId: string, userId: string): void {
  if (!isMember(db, organizationId, userId)) throw forbidden("Vous n'êtes pas membre de cette organisation.");
}

const methodBody = z.object({ method: z.string() });

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
    const row = findCampaignByCode(db, code);
    if (!row) throw notFound(`Le code « ${code} » ne correspond à aucun parcours.`);
    const access = campaignAccess(campaignAccessFacts(db, row, c.get('userId')));
    if (!access.ok) throw new ApiError(access.code === 'CAMPAIGN_ARCHIVED' ? 410 : 403, access.code, access.message);
    return c.json(campaignInfo(row));
  });

  // Every node (relay or central) answers from the participations it holds: on a relay the pupil's own,
  // on central those the relay forwarded too.
  routes.get('/me/campaigns', auth, (c) => {
    return c.json({ campaigns: campaignsOfParticipant(db, c.get('userId')).map(campaignInfo) });
  });

  routes.get('/organizations/:organizationId/campaigns', auth, (c) => {
    const organizationId = c.req.param('organizationId');
    requireMember(db, organizationId, c.get('userId'));
    return c.json(
      campaignsOfOrganization(db, organizationId).map((row) => ({
        ...campaignInfo(row),
        // the stored choice, which `method` (what new participations run) differs from when it is no longer offered
        configuredMethod: row.assessment_method,
        participantsCount: row.participants,
        sharedCount: row.shared,
      })),
    );
  });

  routes.put('/campaigns/:campaignId/method', auth, async (c) => {
    if (deps.config.mode === 'relay') {
      throw new ApiError(409, 'CENTRAL_ONLY', "Le moteur d'une campagne se choisit sur le serveur central ; le relais le reçoit ensuite.");
    }
    const row = findCampaignById(db, c.req.param('campaignId'));
    if (!row) throw notFound('Campagne introuvable.');
    if (!isAdmin(db, row.organization_id, c.get('userId'))) {
      throw forbidden("Seul un administrateur de l'organisation peut choisir le moteur d'une campagne.");
    }
    const { method } = await readJson(c, methodBody);
    // Only an engine offered for campaigns (CAMPAIGN_METHODS): FLASH, the v3 certification engine, is not.
    if (!isCampaignMethod(method)) throw badRequest('CAMPAIGN_METHOD_NOT_OFFERED', campaignMethodRefusal(method) ?? 'Moteur non proposé.');
    setCampaignMethod(db, row.id, method);
    deps.log(`campaign ${row.code}: engine ${method}`);
    return c.json(campaignInfo({ ...row, assessment_method: method }));
  });

  routes.get('/campaigns/:campaignId/results', auth, (c) => {
    const row = findCampaignById(db, c.req.param('campaignId'));
    if (!row) throw notFound('Campagne introuvable.');
    requireMember(db, row.organization_id, c.get('userId'));
    const index = deps.content;
    if (!index) throw new ApiError(503, 'CONTENT_UNAVAILABLE', "Le contenu pédagogique n'est pas chargé sur ce serveur.");
    const targetProfile = row.target_profile_id ? index.targetProfilesById.get(row.target_profile_id) : undefined;
    // e.g. a relay whose pack is older than central's: results cannot be computed, say so instead of failing.
    if (row.type === 'ASSESSMENT' && !targetProfile) {
      throw new ApiError(503, 'TARGET_PROFILE_UNAVAILABLE', "Le profil cible de cette campagne n'est pas dans le contenu de ce serveur : mettez à jour son contenu pédagogique pour voir les résultats.");
    }
    const participants = sharedParticipants(db, row.id);
    return c.json({
      campaign: campaignInfo(row),
      participants: participants.map((p) => {
        const results = participantResults({
          index,
          campaignType: row.type,
          targetProfile,
          knowledgeElements: knowledgeElementsOf(db, p.user_id),
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
