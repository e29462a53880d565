import { describe, expect, it } from 'vitest';
import type { AssessmentDoc } from '../../../shared/src/sync/protocol';
import { challengeIdOf } from '../../../shared/src/testing/builders';
import { answerDoc, assessmentDoc, insertCampaign, organizationIdOf, participationDoc, pullAll, push, testIndex, userIdOf } from '../sync/sync-fixtures';
import { testNode } from '../testing/test-node';

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
    expect(await response.json()).toMatchObject({ code: 'WEBNUM123', type: 'ASSESSMENT', targetProfileId: 'tp-web', organizationName: 'Collège Jean Moulin (démo)', method: 'SMART_RANDOM' });
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

  it("the node decides a campaign assessment's engine from the campaign, whatever the device claims", async () => {
    const { node, campaignId } = await school();
    node.db.prepare("UPDATE campaigns SET assessment_method = 'BAYES' WHERE id = ?").run(campaignId);
    const pupil = await node.login('eleve@demo.pix');
    expect(await (await node.app.request('/api/campaigns/WEBNUM123', { headers: pupil })).json()).toMatchObject({ method: 'BAYES' });
    const userId = userIdOf(node.db, 'eleve@demo.pix');
    const participation = participationDoc({ userId, campaignId });
    await push(node.app, pupil, 'campaign-participations', [participation]);
    const claimed = assessmentDoc({ userId, type: 'CAMPAIGN', competenceId: undefined, campaignParticipationId: participation.id, method: 'SMART_RANDOM' });
    const pushed = await push(node.app, pupil, 'assessments', [claimed]);
    expect(pushed.body.conflicts).toEqual([expect.objectContaining({ id: claimed.id, method: 'BAYES' })]);
    const [stored] = await pullAll<AssessmentDoc>(node.app, pupil, 'assessments');
    expect(stored.method).toBe('BAYES');
  });
});
