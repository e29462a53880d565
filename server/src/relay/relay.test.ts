import { describe, expect, it } from 'vitest';
import { organizationCampaignsSchema } from '../../../shared/src/api/schemas';
import { CAMPAIGN_METHODS, DEFAULT_CAMPAIGN_METHOD } from '../../../shared/src/engine/engine-choice';
import { challengeIdOf } from '../../../shared/src/testing/builders';
import { answerDoc, assessmentDoc, organizationIdOf, push, testIndex, userIdOf } from '../sync/sync-fixtures';
import { testNode } from '../testing/test-node';
import { forwardOnce, UpstreamError } from './forwarder';
import { centralAndRelay, classroomSession, nextStepOn } from './relay-fixtures';
import { pullSnapshot, startRelayLoops } from './relay-loops';

describe('relay tokens and snapshot', () => {
  it('only an organisation ADMIN creates a relay token; it is shown once and stored hashed', async () => {
    const central = await testNode({ content: testIndex });
    const organizationId = organizationIdOf(central.db);
    const pupilHeaders = await central.login('eleve@demo.pix');
    expect((await central.app.request(`/api/organizations/${organizationId}/relay-tokens`, { method: 'POST', headers: pupilHeaders })).status).toBe(403);
    expect((await central.app.request('/api/organizations/nope/relay-tokens', { method: 'POST', headers: await central.login('prof@demo.pix') })).status).toBe(404);
    const { token } = (await (await central.app.request(`/api/organizations/${organizationId}/relay-tokens`, { method: 'POST', headers: await central.login('prof@demo.pix') })).json()) as { token: string };
    expect(token).toMatch(/^pixr_/);
    expect(JSON.stringify(central.db.prepare('SELECT * FROM relay_tokens').all())).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    const snapshot = (await (await central.app.request('/api/relay/snapshot', { headers: bearer })).json()) as { users: unknown[]; learners: unknown[]; contentPackVersion: string };
    expect(snapshot.users).toHaveLength(21);
    expect(snapshot.learners).toHaveLength(20);
    expect(snapshot.contentPackVersion).toBe('sync-test');
    expect((await central.app.request('/api/relay/snapshot', { headers: pupilHeaders })).status).toBe(403);
    central.db.prepare('UPDATE relay_tokens SET revoked_at = ?').run('2026-11-23T10:00:00.000Z');
    expect((await central.app.request('/api/relay/snapshot', { headers: bearer })).status).toBe(401);
  });

  it('after a snapshot, pupils log in on the relay with central down', async () => {
    const { relay, link, loopDeps } = await centralAndRelay();
    expect((await relay.json('/api/auth/login', { login: 'eleve@demo.pix', password: 'Pix12345' })).status).toBe(401);
    await pullSnapshot(loopDeps);
    link.up = false;
    expect((await relay.json('/api/auth/login', { login: 'eleve@demo.pix', password: 'Pix12345' })).status).toBe(200);
    expect((await relay.json('/api/auth/login', { login: 'hugo.lefevre1109', password: 'Pix12345' })).status).toBe(200);
    expect(loopDeps.state.lastSnapshotAt).not.toBeNull();
  });

  it("a campaign's engine chosen on central reaches the relay, which refuses to change it itself", async () => {
    const { central, relay, loopDeps } = await centralAndRelay();
    const [campaign] = central.db.prepare('SELECT id FROM campaigns ORDER BY id').all() as { id: string }[];
    const admin = await central.login('prof@demo.pix');
    const chosen = CAMPAIGN_METHODS.find((m) => m !== DEFAULT_CAMPAIGN_METHOD) ?? DEFAULT_CAMPAIGN_METHOD;
    const put = (node: typeof central, headers: Record<string, string>) =>
      node.app.request(`/api/campaigns/${campaign.id}/method`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ method: chosen }) });
    expect((await put(central, admin)).status).toBe(200);
    await pullSnapshot(loopDeps);
    expect(relay.db.prepare('SELECT assessment_method FROM campaigns WHERE id = ?').get(campaign.id)).toEqual({ assessment_method: chosen });
    const response = await put(relay, await relay.login('prof@demo.pix'));
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('CENTRAL_ONLY');
  });

  it('a campaign central still has set to FLASH (chosen before it stopped being offered) reaches the relay, which runs the default', async () => {
    const { central, relay, loopDeps } = await centralAndRelay();
    const [campaign] = central.db.prepare('SELECT id, code FROM campaigns ORDER BY id').all() as { id: string; code: string }[];
    central.db.prepare("UPDATE campaigns SET assessment_method = 'FLASH' WHERE id = ?").run(campaign.id);
    await pullSnapshot(loopDeps);
    expect(loopDeps.state.lastSnapshotAt).not.toBeNull();
    expect(relay.db.prepare('SELECT assessment_method FROM campaigns WHERE id = ?').get(campaign.id)).toEqual({ assessment_method: 'FLASH' });
    const teacher = await relay.login('prof@demo.pix');
    const listed = organizationCampaignsSchema.parse(await (await relay.app.request(`/api/organizations/${organizationIdOf(relay.db)}/campaigns`, { headers: teacher })).json());
    expect(listed.find((c) => c.id === campaign.id)).toMatchObject({ method: DEFAULT_CAMPAIGN_METHOD, configuredMethod: 'FLASH' });
  });
});

describe('forwarder', () => {
  it('central down: nothing is marked; central up: everything reaches central once, re-scored', async () => {
    const { central, relay, link, loopDeps, upstream } = await centralAndRelay();
    await pullSnapshot(loopDeps);
    link.up = false;
    const session = await classroomSession(relay, central);
    expect((relay.db.prepare('SELECT count(*) AS n FROM outbox WHERE forwarded_at IS NULL').get() as { n: number }).n).toBe(4);
    await expect(forwardOnce(relay.db, upstream, loopDeps.now)).rejects.toBeInstanceOf(UpstreamError);
    expect((relay.db.prepare('SELECT count(*) AS n FROM outbox WHERE forwarded_at IS NULL').get() as { n: number }).n).toBe(4);

    link.up = true;
    const forwarded = await forwardOnce(relay.db, upstream, loopDeps.now);
    expect(forwarded).toMatchObject({ sent: 4, forwarded: 4, rejected: 0, retry: 0 });
    // The pupils whose devices now have a second receipt to fetch (announced on the relay's stream).
    expect([...forwarded.users]).toEqual([userIdOf(central.db, 'eleve@demo.pix')]);
    expect(await forwardOnce(relay.db, upstream, loopDeps.now)).toMatchObject({ sent: 0, forwarded: 0, rejected: 0, retry: 0 });
    const atCentral = central.db.prepare('SELECT id, result, client_result FROM answers ORDER BY id').all();
    expect(atCentral).toEqual(relay.db.prepare('SELECT id, result, client_result FROM answers ORDER BY id').all());
    expect(atCentral).toContainEqual({ id: session.answers[1].id, result: 'ko', client_result: 'ok' });
    // Pushing the same rows again (relay crashed before marking) stores nothing twice.
    relay.db.exec('UPDATE outbox SET forwarded_at = NULL');
    await forwardOnce(relay.db, upstream, loopDeps.now);
    expect((central.db.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n).toBe(3);
    expect(central.db.prepare('SELECT skill_id, status FROM knowledge_elements ORDER BY skill_id').all()).toEqual(
      relay.db.prepare('SELECT skill_id, status FROM knowledge_elements ORDER BY skill_id').all(),
    );
  });

  it('a row central refuses for good is marked with its error; a retryable one stays pending', async () => {
    const relay = await testNode({ content: testIndex, mode: 'relay' });
    const headers = await relay.login('eleve@demo.pix');
    const userId = userIdOf(relay.db, 'eleve@demo.pix');
    const assessment = assessmentDoc({ userId });
    await push(relay.app, headers, 'assessments', [assessment]);
    const [good, refused, later] = [1, 2, 3].map((l) => answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@web', l), createdAt: `2026-11-23T09:0${l}:00.000Z` }));
    await push(relay.app, headers, 'answers', [good, refused, later]);
    const fakeCentral: typeof fetch = async (input) =>
      String(input).includes('/answers/')
        ? Response.json({ conflicts: [], rejected: [
            { id: refused.id, code: 'UNKNOWN_CHALLENGE', message: 'inconnue', retryable: false },
            { id: later.id, code: 'UNKNOWN_ASSESSMENT', message: 'plus tard', retryable: true },
          ] })
        : Response.json({ conflicts: [], rejected: [] });
    const result = await forwardOnce(relay.db, { url: 'http://c', token: 't', fetch: fakeCentral }, () => new Date());
    expect(result).toMatchObject({ sent: 4, forwarded: 2, rejected: 1, retry: 1 });
    const rows = relay.db.prepare("SELECT doc_id, forwarded_at IS NOT NULL AS done, rejected_code, attempts FROM outbox WHERE collection = 'answers' ORDER BY doc_id").all();
    expect(rows).toEqual([
      { doc_id: good.id, done: 1, rejected_code: null, attempts: 1 },
      { doc_id: refused.id, done: 0, rejected_code: 'UNKNOWN_CHALLENGE', attempts: 1 },
      { doc_id: later.id, done: 0, rejected_code: null, attempts: 1 },
    ]);
    const status = await relay.app.request('/api/relay/status', { headers: await relay.login('prof@demo.pix') });
    expect(await status.json()).toMatchObject({ mode: 'relay', outboxPending: 1, pupils: [{ name: 'Léa Martin', division: '5e A', pending: 1 }] });
    expect((await relay.app.request('/api/relay/status', { headers })).status).toBe(403);
  });

  it('the loop backs off while central is down and drains the outbox when it is back; health reports it', async () => {
    const { central, relay, link, loopDeps } = await centralAndRelay();
    await pullSnapshot(loopDeps);
    link.up = false;
    await classroomSession(relay, central);
    const loops = startRelayLoops({ ...loopDeps, events: relay.syncEvents, random: () => 0.5 }, { intervalMs: 5, snapshotEveryMs: 60_000, backoff: { baseMs: 5, maxMs: 40 } });
    try {
      for (let i = 0; i < 5; i++) await loops.nextPass();
      expect(loopDeps.state.upstreamReachable).toBe(false);
      const down = (await (await relay.app.request('/api/health')).json()) as Record<string, unknown>;
      expect(down).toMatchObject({ mode: 'relay', outboxPending: 4, upstreamReachable: false, lastForwardAt: null });
      const callsWhileDown = link.calls;
      expect(callsWhileDown).toBeLessThan(20);
      link.up = true;
      for (let i = 0; i < 200 && (loopDeps.state.upstreamReachable !== true || (central.db.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n < 3); i++) await loops.nextPass();
      const up = (await (await relay.app.request('/api/health')).json()) as Record<string, unknown>;
      expect(up).toMatchObject({ outboxPending: 0, upstreamReachable: true, lastForwardAt: '2026-11-23T10:00:00.000Z' });
    } finally {
      await loops.stop();
    }
  });
});

describe('home access', () => {
  it('answers given at school reach central; at home the engine resumes at the same next question', async () => {
    const { central, relay, loopDeps, upstream } = await centralAndRelay();
    await pullSnapshot(loopDeps);
    const session = await classroomSession(relay, central);
    await forwardOnce(relay.db, upstream, loopDeps.now);

    const atSchool = await nextStepOn(relay);
    const atHome = await nextStepOn(central);
    expect(atHome.results).toHaveLength(session.answers.length);
    expect(atHome.results).toEqual(atSchool.results);
    expect(atHome.step.done).toBe(false);
    expect(atHome.step).toEqual(atSchool.step);
  });
});
