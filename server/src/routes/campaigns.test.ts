import { describe, expect, it } from 'vitest';
import { campaignInfoSchema, errorBodySchema, myCampaignsSchema, organizationCampaignsSchema } from '../../../shared/src/api/schemas';
import { CAMPAIGN_METHODS, DEFAULT_CAMPAIGN_METHOD, METHOD_NAMES } from '../../../shared/src/engine/engine-choice';
import type { AssessmentMethod } from '../../../shared/src/model/types';
import type { AssessmentDoc } from '../../../shared/src/sync/protocol';
import { challengeIdOf } from '../../../shared/src/testing/builders';
import { writeDocument } from '../sync/document-repository';
import { answerDoc, assessmentDoc, insertCampaign, organizationIdOf, participationDoc, pullAll, push, testIndex, userIdOf } from '../sync/sync-fixtures';
import { testNode } from '../testing/test-node';

/** An offered engine other than the default when there is one (the list may shrink to one engine). */
const CHOSEN: AssessmentMethod = CAMPAIGN_METHODS.find((m) => m !== DEFAULT_CAMPAIGN_METHOD) ?? DEFAULT_CAMPAIGN_METHOD;
/** An adaptive engine a device might claim, other than CHOSEN. */
const OTHER: AssessmentMethod = CHOSEN === 'SMART_RANDOM' ? 'BAYES' : 'SMART_RANDOM';

async function school() {
  const node = await testNode({ content: testIndex });
  const organizationId = organizationIdOf(node.db);
  const campaignId = insertCampaign(node.db, organizationId, { code: 'WEBNUM123' });
  return { node, organizationId, campaignId };
}

describe('campaigns', () => {
  it('a pupil looks a campaign up by its code (any case), with its engine', async () => {
    const { node } = await school();
    const headers = await node.login('eleve@demo.pix');
    const response = await node.app.request('/api/campaigns/webnum123', { headers });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ code: 'WEBNUM123', type: 'ASSESSMENT', targetProfileId: 'tp-web', organizationName: 'Collège Jean Moulin (démo)', method: DEFAULT_CAMPAIGN_METHOD });
  });

  it.each([
    ['ABC', 400, 'INVALID_CAMPAIGN_CODE'],
    ['ZZZZZZ999', 404, 'NOT_FOUND'],
  ])('code %s → %i %s', async (code, status, errorCode) => {
    const { node } = await school();
    const headers = await node.login('eleve@demo.pix');
    const response = await node.app.request(`/api/campaigns/${code}`, { headers });
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(errorCode);
  });

  it('an archived campaign is refused (410), and a lookup needs a session (401)', async () => {
    const { node } = await school();
    node.db.prepare("UPDATE campaigns SET archived_at = '2026-11-20T00:00:00Z' WHERE code = 'WEBNUM123'").run();
    const headers = await node.login('eleve@demo.pix');
    expect((await node.app.request('/api/campaigns/WEBNUM123', { headers })).status).toBe(410);
    expect((await node.app.request('/api/campaigns/WEBNUM123')).status).toBe(401);
  });

  describe('the campaigns a pupil takes part in (GET /api/me/campaigns)', () => {
    const mine = async (node: Awaited<ReturnType<typeof school>>['node'], headers: Record<string, string>) => {
      const response = await node.app.request('/api/me/campaigns', { headers });
      expect(response.status).toBe(200);
      return myCampaignsSchema.parse(await response.json()).campaigns;
    };

    it('the participant gets every campaign they joined, archived ones included, with what the device needs', async () => {
      const { node, campaignId } = await school();
      const pupil = await node.login('eleve@demo.pix');
      expect(await mine(node, pupil)).toEqual([]);
      const userId = userIdOf(node.db, 'eleve@demo.pix');
      const [other] = node.db.prepare("SELECT id FROM campaigns WHERE code = 'CLGJMA501'").all() as { id: string }[];
      await push(node.app, pupil, 'campaign-participations', [participationDoc({ userId, campaignId }), participationDoc({ userId, campaignId: other.id })]);
      node.db.prepare("UPDATE campaigns SET archived_at = '2026-11-20T00:00:00Z' WHERE code = 'WEBNUM123'").run();
      const campaigns = await mine(node, pupil);
      expect(campaigns.map((c) => c.code).sort()).toEqual(['CLGJMA501', 'WEBNUM123']);
      // the same shape as a lookup by code (what the device stored when the pupil typed the code)
      const webnum = campaigns.find((c) => c.code === 'WEBNUM123');
      expect(webnum).toMatchObject({ id: campaignId, targetProfileId: 'tp-web', organizationName: 'Collège Jean Moulin (démo)', method: DEFAULT_CAMPAIGN_METHOD });
      node.db.prepare('UPDATE campaigns SET archived_at = NULL').run();
      const byCode = campaignInfoSchema.parse(await (await node.app.request('/api/campaigns/WEBNUM123', { headers: pupil })).json());
      expect(webnum).toEqual(byCode);
    });

    it('another pupil sees none of them; without a session → 401', async () => {
      const { node, campaignId } = await school();
      const lea = await node.login('eleve@demo.pix');
      await push(node.app, lea, 'campaign-participations', [participationDoc({ userId: userIdOf(node.db, 'eleve@demo.pix'), campaignId })]);
      expect(await mine(node, lea)).toHaveLength(1);
      expect(await mine(node, await node.login('hugo.lefevre1109'))).toEqual([]);
      expect(await mine(node, await node.login('prof@demo.pix'))).toEqual([]);
      const anonymous = await node.app.request('/api/me/campaigns');
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    });

    it('a relay answers from the participations it holds, as central does', async () => {
      const relay = await testNode({ content: testIndex, mode: 'relay' });
      const campaignId = insertCampaign(relay.db, organizationIdOf(relay.db), { code: 'WEBNUM123' });
      const pupil = await relay.login('eleve@demo.pix');
      await push(relay.app, pupil, 'campaign-participations', [participationDoc({ userId: userIdOf(relay.db, 'eleve@demo.pix'), campaignId })]);
      const response = await relay.app.request('/api/me/campaigns', { headers: pupil });
      expect(myCampaignsSchema.parse(await response.json()).campaigns.map((c) => c.code)).toEqual(['WEBNUM123']);
    });
  });

  it('only members of the organisation list its campaigns and read results', async () => {
    const { node, organizationId, campaignId } = await school();
    const pupil = await node.login('eleve@demo.pix');
    expect((await node.app.request(`/api/organizations/${organizationId}/campaigns`, { headers: pupil })).status).toBe(403);
    expect((await node.app.request(`/api/campaigns/${campaignId}/results`, { headers: pupil })).status).toBe(403);
    const teacher = await node.login('prof@demo.pix');
    const list = (await (await node.app.request(`/api/organizations/${organizationId}/campaigns`, { headers: teacher })).json()) as { code: string }[];
    expect(list.map((c) => c.code)).toEqual(expect.arrayContaining(['CLGJMA501', 'CLGJMB302', 'WEBNUM123']));
  });

  it("results stay private until the pupil sends them, then the teacher sees them", async () => {
    const { node, campaignId } = await school();
    const pupil = await node.login('eleve@demo.pix');
    const teacher = await node.login('prof@demo.pix');
    const userId = userIdOf(node.db, 'eleve@demo.pix');
    const participation = participationDoc({ userId, campaignId });
    await push(node.app, pupil, 'campaign-participations', [participation]);
    const assessment = assessmentDoc({ userId, type: 'CAMPAIGN', competenceId: undefined, campaignParticipationId: participation.id });
    await push(node.app, pupil, 'assessments', [assessment]);
    await push(node.app, pupil, 'answers', [answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@web', 2) })]);
    const results = async () =>
      ((await (await node.app.request(`/api/campaigns/${campaignId}/results`, { headers: teacher })).json()) as { participants: { firstName: string; validatedSkillsCount: number }[] }).participants;
    expect(await results()).toEqual([]);
    await push(node.app, pupil, 'campaign-participations', [{ ...participation, status: 'SHARED', sharedAt: '2026-11-23T09:30:00.000Z', updatedAt: '2026-11-23T09:30:00.000Z' }]);
    const shared = await results();
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ firstName: 'Léa' });
    expect(shared[0].validatedSkillsCount).toBeGreaterThan(0);
  });

  it('results of a campaign whose target profile this node lacks (an older pack): 503 TARGET_PROFILE_UNAVAILABLE in French, not a 500', async () => {
    const { node, organizationId } = await school();
    const campaignId = insertCampaign(node.db, organizationId, { code: 'NOPROF234', targetProfileId: 'tp-not-in-this-pack' });
    const pupil = await node.login('eleve@demo.pix');
    const userId = userIdOf(node.db, 'eleve@demo.pix');
    const participation = participationDoc({ userId, campaignId, status: 'SHARED', sharedAt: '2026-11-23T09:30:00.000Z' });
    expect((await push(node.app, pupil, 'campaign-participations', [participation])).body.rejected).toEqual([]);
    const response = await node.app.request(`/api/campaigns/${campaignId}/results`, { headers: await node.login('prof@demo.pix') });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: { code: 'TARGET_PROFILE_UNAVAILABLE', message: expect.stringContaining("n'est pas dans le contenu de ce serveur") } });
  });

  it("the node decides a campaign assessment's engine from the campaign, whatever the device claims", async () => {
    const { node, campaignId } = await school();
    node.db.prepare('UPDATE campaigns SET assessment_method = ? WHERE id = ?').run(CHOSEN, campaignId);
    const pupil = await node.login('eleve@demo.pix');
    expect(await (await node.app.request('/api/campaigns/WEBNUM123', { headers: pupil })).json()).toMatchObject({ method: CHOSEN });
    const userId = userIdOf(node.db, 'eleve@demo.pix');
    const participation = participationDoc({ userId, campaignId });
    await push(node.app, pupil, 'campaign-participations', [participation]);
    const claimed = assessmentDoc({ userId, type: 'CAMPAIGN', competenceId: undefined, campaignParticipationId: participation.id, method: OTHER });
    const pushed = await push(node.app, pupil, 'assessments', [claimed]);
    expect(pushed.body.conflicts).toEqual([expect.objectContaining({ id: claimed.id, method: CHOSEN })]);
    const [stored] = await pullAll<AssessmentDoc>(node.app, pupil, 'assessments');
    expect(stored.method).toBe(CHOSEN);
  });

  describe('a campaign still set to FLASH, chosen before it stopped being offered (no migration: the fallback applies)', () => {
    const legacy = async () => {
      const { node, organizationId, campaignId } = await school();
      node.db.prepare("UPDATE campaigns SET assessment_method = 'FLASH' WHERE id = ?").run(campaignId);
      const userId = userIdOf(node.db, 'eleve@demo.pix');
      return { node, organizationId, campaignId, userId, pupil: await node.login('eleve@demo.pix') };
    };

    it('a lookup says new participations run the default; the school list also gives the stored choice', async () => {
      const { node, organizationId, pupil } = await legacy();
      expect(await (await node.app.request('/api/campaigns/WEBNUM123', { headers: pupil })).json()).toMatchObject({ method: DEFAULT_CAMPAIGN_METHOD });
      const response = await node.app.request(`/api/organizations/${organizationId}/campaigns`, { headers: await node.login('prof@demo.pix') });
      const listed = organizationCampaignsSchema.parse(await response.json());
      expect(listed.find((c) => c.code === 'WEBNUM123')).toMatchObject({ method: DEFAULT_CAMPAIGN_METHOD, configuredMethod: 'FLASH' });
      expect(listed.filter((c) => c.code !== 'WEBNUM123').every((c) => c.configuredMethod === null)).toBe(true);
    });

    it('a new participation runs the default engine, whatever the device claims', async () => {
      const { node, campaignId, userId, pupil } = await legacy();
      const participation = participationDoc({ userId, campaignId });
      await push(node.app, pupil, 'campaign-participations', [participation]);
      const claimed = assessmentDoc({ userId, type: 'CAMPAIGN', competenceId: undefined, campaignParticipationId: participation.id, method: 'FLASH' });
      await push(node.app, pupil, 'assessments', [claimed]);
      const [stored] = await pullAll<AssessmentDoc>(node.app, pupil, 'assessments');
      expect(stored.method).toBe(DEFAULT_CAMPAIGN_METHOD);
    });

    it('an assessment created with FLASH keeps it, and its answers are still scored', async () => {
      const { node, campaignId, userId, pupil } = await legacy();
      const participation = participationDoc({ userId, campaignId });
      await push(node.app, pupil, 'campaign-participations', [participation]);
      // stored when the campaign still ran FLASH
      const created = assessmentDoc({ userId, type: 'CAMPAIGN', competenceId: undefined, campaignParticipationId: participation.id, method: 'FLASH' });
      node.db.transaction(() => writeDocument(node.db, 'assessments', created))();
      // the device pushes it again (e.g. after an offline session), then an answer
      await push(node.app, pupil, 'assessments', [{ ...created, updatedAt: '2026-11-23T09:05:00.000Z' }]);
      expect((await push(node.app, pupil, 'answers', [answerDoc({ userId, assessmentId: created.id, challengeId: challengeIdOf('@web', 2) })])).body.rejected).toEqual([]);
      const [stored] = await pullAll<AssessmentDoc>(node.app, pupil, 'assessments');
      expect(stored).toMatchObject({ id: created.id, method: 'FLASH' });
      const kes = node.db.prepare('SELECT status FROM knowledge_elements WHERE assessment_id = ?').all(created.id);
      expect(kes.length).toBeGreaterThan(0);
    });

    it('the admin may set it to any offered engine, the default included', async () => {
      const { node, campaignId } = await legacy();
      const admin = await node.login('prof@demo.pix');
      const response = await node.app.request(`/api/campaigns/${campaignId}/method`, {
        method: 'PUT', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ method: DEFAULT_CAMPAIGN_METHOD }),
      });
      expect(response.status).toBe(200);
      expect(node.db.prepare('SELECT assessment_method FROM campaigns WHERE id = ?').get(campaignId)).toEqual({ assessment_method: DEFAULT_CAMPAIGN_METHOD });
    });
  });

  describe('engine switch (PUT /api/campaigns/:id/method)', () => {
    const put = (node: Awaited<ReturnType<typeof school>>['node'], campaignId: string, headers: Record<string, string>, body: string) =>
      node.app.request(`/api/campaigns/${campaignId}/method`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body });

    it('an organisation ADMIN chooses the engine; new lookups and new assessments follow it', async () => {
      const { node, campaignId } = await school();
      const admin = await node.login('prof@demo.pix');
      const response = await put(node, campaignId, admin, JSON.stringify({ method: CHOSEN }));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ code: 'WEBNUM123', method: CHOSEN });
      const pupil = await node.login('eleve@demo.pix');
      expect(await (await node.app.request('/api/campaigns/WEBNUM123', { headers: pupil })).json()).toMatchObject({ method: CHOSEN });
      const listed = organizationCampaignsSchema.parse(await (await node.app.request(`/api/organizations/${organizationIdOf(node.db)}/campaigns`, { headers: admin })).json());
      expect(listed.find((c) => c.code === 'WEBNUM123')).toMatchObject({ method: CHOSEN, configuredMethod: CHOSEN });
      expect(listed.filter((c) => c.code !== 'WEBNUM123').every((c) => c.method === DEFAULT_CAMPAIGN_METHOD)).toBe(true);
      const userId = userIdOf(node.db, 'eleve@demo.pix');
      const participation = participationDoc({ userId, campaignId });
      await push(node.app, pupil, 'campaign-participations', [participation]);
      const claimed = assessmentDoc({ userId, type: 'CAMPAIGN', competenceId: undefined, campaignParticipationId: participation.id, method: OTHER });
      await push(node.app, pupil, 'assessments', [claimed]);
      const [stored] = await pullAll<AssessmentDoc>(node.app, pupil, 'assessments');
      expect(stored.method).toBe(CHOSEN);
    });

    it.each(CAMPAIGN_METHODS)('every offered engine may be chosen: %s', async (method) => {
      const { node, campaignId } = await school();
      const response = await put(node, campaignId, await node.login('prof@demo.pix'), JSON.stringify({ method }));
      expect(response.status).toBe(200);
      expect(campaignInfoSchema.parse(await response.json()).method).toBe(method);
      expect(node.db.prepare('SELECT assessment_method FROM campaigns WHERE id = ?').get(campaignId)).toEqual({ assessment_method: method });
    });

    const offeredNames = CAMPAIGN_METHODS.map((m) => METHOD_NAMES[m]);
    it.each([
      ['a pupil', 'eleve@demo.pix', JSON.stringify({ method: 'FLASH' }), 403, 'FORBIDDEN', ["Seul un administrateur"]],
      ['FLASH, no longer offered for campaigns', 'prof@demo.pix', JSON.stringify({ method: 'FLASH' }), 400, 'CAMPAIGN_METHOD_NOT_OFFERED', ["Le moteur Flash (IRT) n'est pas proposé pour les campagnes", 'certification v3', ...offeredNames]],
      ['a certification engine', 'prof@demo.pix', JSON.stringify({ method: 'CERTIFICATION_V2' }), 400, 'CAMPAIGN_METHOD_NOT_OFFERED', ["n'est pas proposé pour les campagnes", ...offeredNames]],
      ['an unknown engine', 'prof@demo.pix', JSON.stringify({ method: 'RANDOM' }), 400, 'CAMPAIGN_METHOD_NOT_OFFERED', ['Moteur inconnu', ...offeredNames]],
      ['an engine name in lower case', 'prof@demo.pix', JSON.stringify({ method: 'bayes' }), 400, 'CAMPAIGN_METHOD_NOT_OFFERED', ['Moteur inconnu']],
      ['a number', 'prof@demo.pix', JSON.stringify({ method: 3 }), 400, 'INVALID_INPUT', ['invalides']],
      ['no engine', 'prof@demo.pix', JSON.stringify({}), 400, 'INVALID_INPUT', ['invalides']],
      ['malformed JSON', 'prof@demo.pix', '{"method":', 400, 'INVALID_JSON', ['JSON']],
    ])('%s → %i %s in French, nothing changed', async (_label, login, body, status, code, phrases) => {
      const { node, campaignId } = await school();
      const response = await put(node, campaignId, await node.login(login), body);
      expect(response.status).toBe(status);
      const error = errorBodySchema.parse(await response.json()).error;
      expect(error.code).toBe(code);
      for (const phrase of phrases) expect(error.message).toContain(phrase);
      expect(node.db.prepare('SELECT assessment_method FROM campaigns WHERE id = ?').get(campaignId)).toEqual({ assessment_method: null });
    });

    it('an unknown campaign → 404; without a session → 401', async () => {
      const { node } = await school();
      expect((await put(node, 'nope', await node.login('prof@demo.pix'), JSON.stringify({ method: 'BAYES' }))).status).toBe(404);
      expect((await put(node, 'nope', {}, JSON.stringify({ method: 'BAYES' }))).status).toBe(401);
    });
  });
});
