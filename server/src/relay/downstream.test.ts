import { describe, expect, it } from 'vitest';
import type { AnswerDoc, PullResponse } from '../../../shared/src/sync/protocol';
import { challengeIdOf } from '../../../shared/src/testing/builders';
import type { Db } from '../db/database';
import { answerDoc, assessmentDoc, COMPETENCE_1_2, insertCampaign, participationDoc, push, testIndex, userIdOf } from '../sync/sync-fixtures';
import { readCheckpoint } from './downstream-store';
import { pullDownstreamOnce, type DownstreamDeps } from './downstream';
import { forwardOnce } from './forwarder';
import { centralAndRelay, classroomSession, nextStepOn, type TestNode } from './relay-fixtures';
import { pullSnapshot, startRelayLoops } from './relay-loops';

type Setup = Awaited<ReturnType<typeof centralAndRelay>>;

const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const seqOf = (db: Db) => (db.prepare('SELECT seq FROM sync_counter').get() as { seq: number }).seq;
const answersOf = (db: Db) => db.prepare('SELECT id, assessment_id, challenge_id, result, client_result, superseded FROM answers ORDER BY id').all();
const kesOf = (db: Db, userId: string) =>
  db.prepare('SELECT assessment_id, answer_id, skill_id, status, source, earned_pix FROM knowledge_elements WHERE user_id = ? ORDER BY answer_id, skill_id').all(userId);

function downstreamDeps(setup: Setup): DownstreamDeps {
  return { db: setup.relay.db, upstream: setup.upstream, index: testIndex, now: setup.loopDeps.now, log: setup.loopDeps.log };
}

/**
 * At home, on central, Léa answers what the engine asks next: the last question of the assessment
 * begun at school (which completes it), then `more` questions of a new one on competence 1.2.
 */
async function homeSession(central: TestNode, more: number) {
  const headers = await central.login('eleve@demo.pix');
  const userId = userIdOf(central.db, 'eleve@demo.pix');
  const second = assessmentDoc({ userId, competenceId: COMPETENCE_1_2, createdAt: '2026-11-23T18:00:00.000Z', updatedAt: '2026-11-23T18:00:00.000Z' });
  const pushed = [];
  for (let i = 0; i <= more; i++) {
    if (i === 1) await push(central.app, headers, 'assessments', [second]);
    const { assessment, step } = await nextStepOn(central, { assessmentId: i === 0 ? undefined : second.id });
    if (step.done) throw new Error('the engine stopped early');
    const answer = answerDoc({
      userId, assessmentId: assessment.id, challengeId: step.challenge.id, value: i % 2 === 0 ? '1' : '2',
      result: 'ok', createdAt: `2026-11-23T18:0${i + 1}:00.000Z`,
    });
    const { body } = await push(central.app, headers, 'answers', [answer]);
    expect(body.rejected).toEqual([]);
    pushed.push(answer);
  }
  return { answers: pushed, second };
}

/** School session forwarded to central, then answers at home on central. */
async function schoolThenHome(more = 2) {
  const setup = await centralAndRelay();
  await pullSnapshot(setup.loopDeps);
  const session = await classroomSession(setup.relay, setup.central);
  await forwardOnce(setup.relay.db, setup.upstream, setup.loopDeps.now);
  const home = await homeSession(setup.central, more);
  return { ...setup, session, home: home.answers, second: home.second };
}

describe('downward replication (central → relay)', () => {
  it('answers given at home reach the relay in one pass: same results, same KEs, same next question, nothing forwarded back', async () => {
    const { central, relay, session, home, second, ...setup } = await schoolThenHome(1);
    expect(home).toHaveLength(2);
    const outboxBefore = count(relay.db, 'outbox');
    // A school PC that had synced before: its checkpoint on the relay.
    const pc = await relay.login('eleve@demo.pix');
    const before = (await (await relay.app.request('/api/sync/answers/pull?limit=500', { headers: pc })).json()) as PullResponse;
    const pcCheckpoint = before.checkpoint ?? { seq: 0, id: '' };
    expect(before.documents).toHaveLength(session.answers.length);
    expect((await nextStepOn(relay, { assessmentId: session.assessment.id })).step).not.toEqual((await nextStepOn(central, { assessmentId: session.assessment.id })).step);

    const result = await pullDownstreamOnce(downstreamDeps({ central, relay, ...setup }));
    expect(result.pulled).toBeGreaterThanOrEqual(home.length);
    expect(result).toMatchObject({ parked: 0, refused: 0 });

    expect(answersOf(relay.db)).toEqual(answersOf(central.db));
    expect(count(relay.db, 'answers')).toBe(session.answers.length + home.length);
    expect(kesOf(relay.db, session.userId)).toEqual(kesOf(central.db, session.userId));
    expect(kesOf(relay.db, session.userId).length).toBeGreaterThan(0);
    const atSchool = await nextStepOn(relay, { assessmentId: second.id });
    const atHome = await nextStepOn(central, { assessmentId: second.id });
    expect(atSchool.step.done).toBe(false);
    expect(atSchool.step).toEqual(atHome.step);
    expect(atSchool.results).toEqual(atHome.results);
    // The home answer completed the assessment begun at school: the relay derived it too.
    const states = (db: Db) => db.prepare('SELECT id, state, completed_at FROM assessments ORDER BY id').all();
    expect(states(relay.db)).toEqual(states(central.db));
    // …at the time central received that answer (central's stamp travels with it), not the device's date.
    const receivedAtCentral = (JSON.parse((central.db.prepare('SELECT doc FROM answers WHERE id = ?').get(home[0].id) as { doc: string }).doc) as AnswerDoc).receivedAt;
    expect(receivedAtCentral).toBeDefined();
    expect(states(relay.db)).toContainEqual({ id: session.assessment.id, state: 'completed', completed_at: receivedAtCentral });

    // Nothing re-enters the outbox, the forwarder has nothing to send.
    expect(count(relay.db, 'outbox')).toBe(outboxBefore);
    expect(await forwardOnce(relay.db, setup.upstream, setup.loopDeps.now)).toMatchObject({ sent: 0 });
    // The PC pulls the home answers from the relay (new serverSeq), with central's corrected results.
    const page = (await (await relay.app.request(`/api/sync/answers/pull?seq=${pcCheckpoint.seq}&id=${pcCheckpoint.id}&limit=50`, { headers: pc })).json()) as PullResponse;
    expect(page.documents.map((d) => d.id).sort()).toEqual(home.map((a) => a.id).sort());
  });

  it('is idempotent: a second pass writes nothing; re-pulling everything (crash before the checkpoint) duplicates nothing', async () => {
    const setup = await schoolThenHome(1);
    const deps = downstreamDeps(setup);
    await pullDownstreamOnce(deps);
    const answers = answersOf(setup.relay.db);
    const seq = seqOf(setup.relay.db);
    expect(await pullDownstreamOnce(deps)).toEqual({ pulled: 0, writes: 0, parked: 0, refused: 0 });

    setup.relay.db.exec("DELETE FROM node_settings WHERE key LIKE 'downstream_checkpoint:%'");
    const again = await pullDownstreamOnce(deps);
    expect(again.pulled).toBe(count(setup.central.db, 'answers') + count(setup.central.db, 'assessments'));
    expect(again.writes).toBe(0);
    expect(seqOf(setup.relay.db)).toBe(seq);
    expect(answersOf(setup.relay.db)).toEqual(answers);
  });

  it('resumes from the checkpoint saved in SQLite after a restart', async () => {
    const setup = await schoolThenHome(0);
    await pullDownstreamOnce(downstreamDeps(setup));
    const saved = readCheckpoint(setup.relay.db, 'answers');
    expect(saved.seq).toBeGreaterThan(0);

    // The relay restarts (new loops, new in-memory state, same database); Léa answered once more at home.
    const headers = await setup.central.login('eleve@demo.pix');
    const next = await nextStepOn(setup.central);
    const userId = userIdOf(setup.central.db, 'eleve@demo.pix');
    const second = assessmentDoc({ userId, competenceId: COMPETENCE_1_2, createdAt: '2026-11-23T19:00:00.000Z' });
    await push(setup.central.app, headers, 'assessments', [second]);
    const more = [answerDoc({ userId, assessmentId: second.id, challengeId: challengeIdOf('@data', 2), createdAt: '2026-11-23T19:01:00.000Z' })];
    expect((await push(setup.central.app, headers, 'answers', more)).body.rejected).toEqual([]);
    expect(next.step.done).toBe(true);
    setup.link.urls.length = 0;
    const announced: string[] = [];
    setup.relay.syncEvents.subscribe((userIds) => announced.push(...userIds));
    const state = { ...setup.loopDeps.state, lastPullAt: null };
    const loops = startRelayLoops({ ...setup.loopDeps, state, events: setup.relay.syncEvents }, { intervalMs: 5, downstreamEveryMs: 0, snapshotEveryMs: 60_000 });
    try {
      for (let i = 0; i < 50 && count(setup.relay.db, 'answers') < count(setup.central.db, 'answers'); i++) await loops.nextPass();
    } finally {
      await loops.stop();
    }
    const firstAnswersPull = setup.link.urls.find((u) => u.includes('/api/sync/answers/pull'));
    expect(firstAnswersPull).toContain(`seq=${saved.seq}&id=${encodeURIComponent(saved.id)}`);
    expect(answersOf(setup.relay.db)).toEqual(answersOf(setup.central.db));
    expect(answersOf(setup.relay.db)).toContainEqual(expect.objectContaining({ id: more[0].id }));
    expect(readCheckpoint(setup.relay.db, 'answers').seq).toBeGreaterThan(saved.seq);
    // LAN devices are told to pull (SSE RESYNC); the status shows the last downward pass.
    expect(announced).toContain(userId);
    expect(state.lastPullAt).toBe('2026-11-23T10:00:00.000Z');
  });

  it('documents whose campaign or user the relay does not know yet are parked, then applied after the next snapshot', async () => {
    const setup = await centralAndRelay();
    const { central, relay, organizationId, token } = setup;
    await pullSnapshot(setup.loopDeps);
    // After the snapshot, central gets a new campaign and a new pupil; both work at home.
    const campaignId = insertCampaign(central.db, organizationId);
    central.db.prepare("INSERT INTO users (id, first_name, last_name, username, password_hash, created_at) VALUES ('new-pupil', 'Noé', 'Petit', 'noe.petit', 'x', '2026-11-23T08:00:00.000Z')").run();
    central.db.prepare("INSERT INTO organization_learners (id, organization_id, user_id, first_name, last_name, birthdate) VALUES ('l-new', ?, 'new-pupil', 'Noé', 'Petit', '2012-05-05')").run(organizationId);
    const lea = userIdOf(central.db, 'eleve@demo.pix');
    const participation = participationDoc({ userId: lea, campaignId });
    const inCampaign = assessmentDoc({ userId: lea, type: 'CAMPAIGN', competenceId: undefined, campaignParticipationId: participation.id });
    const campaignAnswer = answerDoc({ userId: lea, assessmentId: inCampaign.id, challengeId: challengeIdOf('@web', 1) });
    const newcomer = assessmentDoc({ userId: 'new-pupil' });
    const bearer = { authorization: `Bearer ${token}` };
    await push(central.app, bearer, 'campaign-participations', [participation]);
    await push(central.app, bearer, 'assessments', [inCampaign, newcomer]);
    expect((await push(central.app, bearer, 'answers', [campaignAnswer])).body.rejected).toEqual([]);

    const first = await pullDownstreamOnce(downstreamDeps(setup));
    expect(first).toMatchObject({ parked: 3, refused: 0 });
    expect(count(relay.db, 'answers')).toBe(0);

    await pullSnapshot(setup.loopDeps);
    const second = await pullDownstreamOnce(downstreamDeps(setup));
    expect(second).toMatchObject({ pulled: 0, parked: 0, refused: 0 });
    expect(answersOf(relay.db)).toEqual(answersOf(central.db));
    expect(relay.db.prepare('SELECT id FROM assessments ORDER BY id').all()).toEqual(central.db.prepare('SELECT id FROM assessments ORDER BY id').all());
    expect(count(relay.db, 'outbox')).toBe(0);
  });

  it('an answer the relay cannot re-score (challenge missing from its pack) is refused, logged and skipped', async () => {
    const setup = await centralAndRelay();
    await pullSnapshot(setup.loopDeps);
    const lea = userIdOf(setup.central.db, 'eleve@demo.pix');
    const headers = await setup.central.login('eleve@demo.pix');
    const assessment = assessmentDoc({ userId: lea });
    await push(setup.central.app, headers, 'assessments', [assessment]);
    await push(setup.central.app, headers, 'answers', [answerDoc({ userId: lea, assessmentId: assessment.id, challengeId: challengeIdOf('@web', 1) })]);
    const olderPack = { ...testIndex, challengesById: new Map([...testIndex.challengesById].filter(([id]) => id !== challengeIdOf('@web', 1))) };
    const result = await pullDownstreamOnce({ ...downstreamDeps(setup), index: olderPack });
    expect(result).toMatchObject({ pulled: 2, refused: 1, parked: 0 });
    expect(setup.relay.logs.some((l) => l.includes('UNKNOWN_CHALLENGE'))).toBe(true);
    expect(await pullDownstreamOnce({ ...downstreamDeps(setup), index: olderPack })).toMatchObject({ pulled: 0, refused: 0 });
  });
});

describe('content pack version', () => {
  it.each([
    ['same version', 'sync-test', false, false],
    ['different version', 'sync-test-2', true, true],
  ])('%s: mismatch %s, French warning %s, shown in /api/relay/status', async (_label, version, mismatch, warned) => {
    const relayContent = { ...testIndex, pack: { ...testIndex.pack, version } };
    const setup = await centralAndRelay({ relayContent });
    await pullSnapshot(setup.loopDeps);
    expect(setup.loopDeps.state.contentVersionMismatch).toBe(mismatch);
    expect(setup.relay.logs.some((l) => l.includes('ATTENTION') && l.includes('diffère'))).toBe(warned);
    const admin = await setup.relay.login('prof@demo.pix');
    const status = (await (await setup.relay.app.request('/api/relay/status', { headers: admin })).json()) as Record<string, unknown>;
    expect(status).toMatchObject({ contentVersion: version, centralContentVersion: 'sync-test', contentVersionMismatch: mismatch });
  });

  it('a new local pack resets the checkpoints: everything is pulled and re-scored again, without duplicates', async () => {
    const setup = await schoolThenHome(1);
    await pullDownstreamOnce(downstreamDeps(setup));
    const upgraded = { ...testIndex, pack: { ...testIndex.pack, version: 'sync-test-2' } };
    const result = await pullDownstreamOnce({ ...downstreamDeps(setup), index: upgraded });
    expect(result.pulled).toBe(count(setup.central.db, 'answers') + count(setup.central.db, 'assessments'));
    expect(result.writes).toBe(0);
    expect(setup.relay.logs.some((l) => l.includes('nouveau contenu pédagogique'))).toBe(true);
  });
});
