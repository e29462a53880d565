/**
 * Issue 13, "owners on every write": nothing pushed can read or change what is not its author's. An id
 * collision never returns the other user's document; a campaign assessment never rides on somebody else's
 * participation; participations obey the campaign rules of the code lookup (school, class, archived); a
 * relay's status page shows its own school only; a user's stored bytes are capped.
 */
import { describe, expect, it } from 'vitest';
import { challengeIdOf } from '../../../shared/src/testing/builders';
import type { AnswerDoc, AssessmentDoc, CampaignParticipationDoc } from '../../../shared/src/sync/protocol';
import { migrate } from '../db/migrations';
import { USER_STORAGE_QUOTA_BYTES } from '../http/limits';
import { archiveCampaign, findCampaignByCode } from '../orga/campaign-repository';
import { addOtherSchool } from '../testing/school-fixtures';
import { testNode } from '../testing/test-node';
import { storedBytesOfUser } from './document-repository';
import { enqueueOutbox } from './outbox';
import { createRelayToken } from './relay-tokens';
import { answerDoc, assessmentDoc, insertCampaign, organizationIdOf, participationDoc, pullAll, push, testIndex, userIdOf } from './sync-fixtures';

async function school(mode: 'central' | 'relay' = 'central') {
  const node = await testNode({ content: testIndex, mode });
  const lea = { headers: await node.login('eleve@demo.pix'), userId: userIdOf(node.db, 'eleve@demo.pix') };
  const hugo = { headers: await node.login('hugo.lefevre1109'), userId: userIdOf(node.db, 'hugo.lefevre1109') };
  const camille = { headers: await node.login('camille.dubois2102'), userId: userIdOf(node.db, 'camille.dubois2102') };
  const campaignId = (code: string) => findCampaignByCode(node.db, code)?.id ?? '';
  return { node, lea, hugo, camille, campaignId };
}

describe('an id collision never answers with the other user\'s document', () => {
  it("Hugo reusing Léa's answer id: refused FORBIDDEN, no conflict, nothing of Léa's in the response, her answer untouched", async () => {
    const { node, lea, hugo } = await school();
    const leaAssessment = assessmentDoc({ userId: lea.userId });
    await push(node.app, lea.headers, 'assessments', [leaAssessment]);
    const secret = answerDoc({ userId: lea.userId, assessmentId: leaAssessment.id, challengeId: challengeIdOf('@web', 1), value: 'la réponse de Léa' });
    expect((await push(node.app, lea.headers, 'answers', [secret])).body.rejected).toEqual([]);

    const hugoAssessment = assessmentDoc({ userId: hugo.userId });
    await push(node.app, hugo.headers, 'assessments', [hugoAssessment]);
    const collision = answerDoc({ id: secret.id, userId: hugo.userId, assessmentId: hugoAssessment.id, challengeId: challengeIdOf('@web', 2), value: 'x', result: 'ko' });
    const response = await node.app.request('/api/sync/answers/push', {
      method: 'POST', headers: { ...hugo.headers, 'content-type': 'application/json' }, body: JSON.stringify({ rows: [{ newDocumentState: collision }] }),
    });
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ conflicts: [], rejected: [{ id: secret.id, code: 'FORBIDDEN', message: expect.any(String), retryable: false }] });
    for (const leak of [lea.userId, leaAssessment.id, 'la réponse de Léa']) expect(text).not.toContain(leak);
    const [stored] = await pullAll<AnswerDoc>(node.app, lea.headers, 'answers');
    expect(stored).toMatchObject({ id: secret.id, userId: lea.userId, value: 'la réponse de Léa', assessmentId: leaAssessment.id });
    expect(await pullAll<AnswerDoc>(node.app, hugo.headers, 'answers')).toEqual([]);
  });

  it('the same on assessments and participations: refused, no conflict carrying the other document', async () => {
    const { node, lea, hugo } = await school();
    const campaignId = insertCampaign(node.db, organizationIdOf(node.db));
    const participation = participationDoc({ userId: lea.userId, campaignId, participantExternalId: 'INE-LEA' });
    const assessment = assessmentDoc({ userId: lea.userId });
    await push(node.app, lea.headers, 'campaign-participations', [participation]);
    await push(node.app, lea.headers, 'assessments', [assessment]);
    const p = await push(node.app, hugo.headers, 'campaign-participations', [{ ...participation, userId: hugo.userId, participantExternalId: null }]);
    const a = await push(node.app, hugo.headers, 'assessments', [{ ...assessment, userId: hugo.userId }]);
    for (const { body } of [p, a]) {
      expect(body.conflicts).toEqual([]);
      expect(body.rejected.map((r) => r.code)).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(body)).not.toContain(lea.userId);
    }
    expect(JSON.stringify(p.body)).not.toContain('INE-LEA');
  });
});

describe('campaign rules on push, as on GET /api/campaigns/:code', () => {
  it("a campaign assessment pointing at another user's participation is refused; answers never score on it", async () => {
    const { node, lea, hugo } = await school();
    const campaignId = insertCampaign(node.db, organizationIdOf(node.db));
    const leaParticipation = participationDoc({ userId: lea.userId, campaignId });
    // Hugo's assessment arrives first (the participation is not known yet), then Léa's participation.
    const early = assessmentDoc({ userId: hugo.userId, type: 'CAMPAIGN', competenceId: undefined, campaignParticipationId: leaParticipation.id });
    expect((await push(node.app, hugo.headers, 'assessments', [early])).body.rejected).toEqual([]);
    await push(node.app, lea.headers, 'campaign-participations', [leaParticipation]);
    const late = assessmentDoc({ userId: hugo.userId, type: 'CAMPAIGN', competenceId: undefined, campaignParticipationId: leaParticipation.id });
    const refused = await push(node.app, hugo.headers, 'assessments', [late]);
    expect(refused.body.rejected).toEqual([{ id: late.id, code: 'FORBIDDEN', message: expect.stringContaining('un autre utilisateur'), retryable: false }]);
    const answer = answerDoc({ userId: hugo.userId, assessmentId: early.id, challengeId: challengeIdOf('@web', 1) });
    expect((await push(node.app, hugo.headers, 'answers', [answer])).body.rejected.map((r) => r.code)).toEqual(['FORBIDDEN']);
    expect(node.db.prepare('SELECT count(*) AS n FROM knowledge_elements').get()).toEqual({ n: 0 });
  });

  it('a pupil of 3e B can neither look up nor join nor send to the 5e A campaign', async () => {
    const { node, camille, campaignId } = await school();
    const lookup = await node.app.request('/api/campaigns/CLGJMA501', { headers: camille.headers });
    expect(lookup.status).toBe(403);
    expect(await lookup.json()).toEqual({ error: { code: 'CAMPAIGN_RESTRICTED', message: 'Ce parcours est réservé aux élèves de la classe 5e A.' } });
    const joined = participationDoc({ userId: camille.userId, campaignId: campaignId('CLGJMA501'), status: 'SHARED', sharedAt: '2026-11-23T09:30:00.000Z' });
    const { body } = await push(node.app, camille.headers, 'campaign-participations', [joined]);
    expect(body.rejected).toEqual([{ id: joined.id, code: 'CAMPAIGN_RESTRICTED', message: 'Participation refusée. Ce parcours est réservé aux élèves de la classe 5e A.', retryable: false }]);
    expect(await pullAll<CampaignParticipationDoc>(node.app, camille.headers, 'campaign-participations')).toEqual([]);
    // Her own class's campaign is hers to join.
    expect((await node.app.request('/api/campaigns/CLGJMB302', { headers: camille.headers })).status).toBe(200);
    const own = participationDoc({ userId: camille.userId, campaignId: campaignId('CLGJMB302') });
    expect((await push(node.app, camille.headers, 'campaign-participations', [own])).body.rejected).toEqual([]);
  });

  it("another school's pupil, and its admin, are refused the demo school's campaign; the demo teacher may try it", async () => {
    const { node, campaignId } = await school();
    const other = await addOtherSchool(node.db);
    for (const login of [other.pupil.login, other.admin.login]) {
      const headers = await node.login(login);
      const lookup = await node.app.request('/api/campaigns/CLGJMA501', { headers });
      expect(lookup.status).toBe(403);
      expect(((await lookup.json()) as { error: { message: string } }).error.message).toBe("Ce parcours est réservé aux élèves de l'établissement « Collège Jean Moulin (démo) ».");
    }
    const sacha = await node.login(other.pupil.login);
    const joined = participationDoc({ userId: other.pupil.userId, campaignId: campaignId('CLGJMA501') });
    expect((await push(node.app, sacha, 'campaign-participations', [joined])).body.rejected.map((r) => r.code)).toEqual(['CAMPAIGN_RESTRICTED']);
    expect((await node.app.request(`/api/campaigns/${other.campaign.code}`, { headers: sacha })).status).toBe(200);
    expect((await node.app.request('/api/campaigns/CLGJMA501', { headers: await node.login('prof@demo.pix') })).status).toBe(200);
  });

  it('an archived campaign: GET 410, a new participation refused, sending refused, the rest of a started one still syncs', async () => {
    const { node, lea, campaignId } = await school();
    const id = campaignId('CLGJMA501');
    const started = participationDoc({ userId: lea.userId, campaignId: id });
    expect((await push(node.app, lea.headers, 'campaign-participations', [started])).body.rejected).toEqual([]);
    archiveCampaign(node.db, id, '2026-11-23T09:45:00.000Z');

    const lookup = await node.app.request('/api/campaigns/CLGJMA501', { headers: lea.headers });
    expect(lookup.status).toBe(410);
    expect(((await lookup.json()) as { error: { code: string } }).error.code).toBe('CAMPAIGN_ARCHIVED');
    const another = participationDoc({ userId: lea.userId, campaignId: id });
    const shared: CampaignParticipationDoc = { ...started, status: 'SHARED', sharedAt: '2026-11-23T10:00:00.000Z', updatedAt: '2026-11-23T10:00:00.000Z' };
    const toShare: CampaignParticipationDoc = { ...started, status: 'TO_SHARE', updatedAt: '2026-11-23T10:00:00.000Z' };
    expect((await push(node.app, lea.headers, 'campaign-participations', [another])).body.rejected.map((r) => r.code)).toEqual(['CAMPAIGN_ARCHIVED']);
    expect((await push(node.app, lea.headers, 'campaign-participations', [shared])).body.rejected).toEqual([
      { id: started.id, code: 'CAMPAIGN_ARCHIVED', message: expect.stringContaining('archivé'), retryable: false },
    ]);
    expect((await push(node.app, lea.headers, 'campaign-participations', [toShare])).body.rejected).toEqual([]);
    const [stored] = await pullAll<CampaignParticipationDoc>(node.app, lea.headers, 'campaign-participations');
    expect(stored).toMatchObject({ id: started.id, status: 'TO_SHARE', sharedAt: null });
  });

  it('a relay is held to the same rules: central refuses the 3e B pupil the 5e A campaign it forwards', async () => {
    const { node, camille, campaignId } = await school();
    const token = createRelayToken(node.db, organizationIdOf(node.db), userIdOf(node.db, 'prof@demo.pix'), node.now());
    const joined = participationDoc({ userId: camille.userId, campaignId: campaignId('CLGJMA501') });
    const { body } = await push(node.app, { authorization: `Bearer ${token}` }, 'campaign-participations', [joined]);
    expect(body.rejected.map((r) => r.code)).toEqual(['CAMPAIGN_RESTRICTED']);
  });
});

describe('GET /api/relay/status: one school', () => {
  it("on a relay: its school's admin only — another school's admin is refused", async () => {
    const { node } = await school('relay');
    const other = await addOtherSchool(node.db);
    expect((await node.app.request('/api/relay/status', { headers: await node.login('prof@demo.pix') })).status).toBe(200);
    const refused = await node.app.request('/api/relay/status', { headers: await node.login(other.admin.login) });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });

  it("on central: an admin sees the waiting and parked rows of their own school's pupils only", async () => {
    const { node, lea } = await school();
    const other = await addOtherSchool(node.db);
    const assessment = assessmentDoc({ userId: lea.userId });
    node.db.transaction(() => enqueueOutbox(node.db, 'assessments', assessment.id, lea.userId, node.now().toISOString()))();
    const mine = (await (await node.app.request('/api/relay/status', { headers: await node.login('prof@demo.pix') })).json()) as { pupils: unknown[] };
    expect(mine.pupils).toEqual([{ name: 'Léa Martin', division: '5e A', pending: 1 }]);
    const theirs = (await (await node.app.request('/api/relay/status', { headers: await node.login(other.admin.login) })).json()) as { pupils: unknown[] };
    expect(theirs.pupils).toEqual([]);
    expect((await node.app.request('/api/relay/status', { headers: lea.headers })).status).toBe(403);
  });
});

describe('a per-user quota on stored bytes', () => {
  const essay = (n: number) => `Réponse ${n} `.padEnd(20_000, 'é');

  it('one ~5 MB push into a preview assessment: stored up to the quota, the rest refused QUOTA_EXCEEDED in French; the stored stays', async () => {
    const { node, lea, hugo } = await school();
    const preview = assessmentDoc({ userId: lea.userId, type: 'PREVIEW', competenceId: undefined });
    await push(node.app, lea.headers, 'assessments', [preview]);
    const answers = Array.from({ length: 120 }, (_, i) =>
      answerDoc({ userId: lea.userId, assessmentId: preview.id, challengeId: challengeIdOf('@web', 1 + (i % 4)), value: essay(i), createdAt: `2026-11-23T09:${String(i % 60).padStart(2, '0')}:00.000Z` }),
    );
    const body = JSON.stringify({ rows: answers.map((a) => ({ newDocumentState: a })) });
    expect(Buffer.byteLength(body)).toBeGreaterThan(4_800_000);
    const response = await node.app.request('/api/sync/answers/push', { method: 'POST', headers: { ...lea.headers, 'content-type': 'application/json' }, body });
    expect(response.status).toBe(200);
    const { rejected } = (await response.json()) as { rejected: { id: string; code: string; message: string; retryable: boolean }[] };
    expect(rejected.length).toBeGreaterThan(0);
    expect(new Set(rejected.map((r) => r.code))).toEqual(new Set(['QUOTA_EXCEEDED']));
    expect(rejected[0]).toMatchObject({ retryable: false, message: "L'espace de ce compte sur le serveur est plein : document refusé. Prévenez votre professeur. (limite : 4 Mo)" });
    const used = storedBytesOfUser(node.db, lea.userId);
    expect(used).toBeLessThanOrEqual(USER_STORAGE_QUOTA_BYTES);
    expect(used).toBeGreaterThan(USER_STORAGE_QUOTA_BYTES - 50_000);
    // The counter is exact: the bytes of every stored document of hers.
    const exact = node.db.prepare(
      `SELECT (SELECT coalesce(sum(octet_length(doc)), 0) FROM answers WHERE user_id = @u) + (SELECT coalesce(sum(octet_length(doc)), 0) FROM assessments WHERE user_id = @u) AS n`,
    ).get({ u: lea.userId }) as { n: number };
    expect(used).toBe(exact.n);
    const stored = await pullAll<AnswerDoc>(node.app, lea.headers, 'answers', 200);
    expect(stored.length).toBe(answers.length - rejected.length);

    // Sending the stored ones again still works (idempotent, nothing grows); a small new document does not fit.
    expect((await push(node.app, lea.headers, 'answers', answers.slice(0, 3))).body.rejected).toEqual([]);
    const more = answerDoc({ userId: lea.userId, assessmentId: preview.id, challengeId: challengeIdOf('@web', 1), value: essay(999) });
    expect((await push(node.app, lea.headers, 'answers', [more])).body.rejected.map((r) => r.code)).toEqual(['QUOTA_EXCEEDED']);
    // Another pupil is not concerned.
    const his = assessmentDoc({ userId: hugo.userId });
    expect((await push(node.app, hugo.headers, 'assessments', [his])).body.rejected).toEqual([]);
  });

  it('an update counts its growth only; the migration fills the counter from what is already stored', async () => {
    const { node, lea, hugo } = await school();
    const sizeOf = (id: string) => (node.db.prepare('SELECT octet_length(doc) AS n FROM assessments WHERE id = ?').get(id) as { n: number }).n;
    const assessment: AssessmentDoc = assessmentDoc({ userId: lea.userId });
    await push(node.app, lea.headers, 'assessments', [assessment]);
    expect(storedBytesOfUser(node.db, lea.userId)).toBe(sizeOf(assessment.id));
    await push(node.app, lea.headers, 'assessments', [{ ...assessment, state: 'aborted', updatedAt: '2026-11-23T09:30:00.000Z' }]);
    expect(storedBytesOfUser(node.db, lea.userId)).toBe(sizeOf(assessment.id));
    const his = assessmentDoc({ userId: hugo.userId });
    await push(node.app, hugo.headers, 'assessments', [his]);

    // A database from before the quota: no counter yet. The migration computes it.
    node.db.exec('DROP TABLE user_storage');
    node.db.prepare('DELETE FROM schema_migrations WHERE version = 7').run();
    expect(migrate(node.db)).toEqual([7]);
    expect(storedBytesOfUser(node.db, lea.userId)).toBe(sizeOf(assessment.id));
    expect(storedBytesOfUser(node.db, hugo.userId)).toBe(sizeOf(his.id));
  });
});
