import { describe, expect, it } from 'vitest';
import type { AnswerDoc, AssessmentDoc, UserTutorialDoc } from '../../../shared/src/sync/protocol';
import { challengeIdOf } from '../../../shared/src/testing/builders';
import {
  answerDoc, assessmentDoc, COMPETENCE_1_1, freshId, insertCampaign, organizationIdOf, participationDoc, pullAll, push, testIndex, userIdOf,
} from '../sync/sync-fixtures';
import { testNode } from '../testing/test-node';

async function pupil(mode: 'central' | 'relay' = 'central') {
  const node = await testNode({ content: testIndex, mode });
  const headers = await node.login('eleve@demo.pix');
  const userId = userIdOf(node.db, 'eleve@demo.pix');
  return { node, headers, userId };
}

const count = (node: { db: import('../db/database').Db }, sql: string) => (node.db.prepare(sql).get() as { n: number }).n;

describe('sync: push and pull', () => {
  it('an assessment and its answers come back on pull, re-scored, with KEs stored', async () => {
    const { node, headers, userId } = await pupil();
    const assessment = assessmentDoc({ userId });
    expect((await push(node.app, headers, 'assessments', [assessment])).body).toEqual({ conflicts: [], rejected: [] });
    const right = answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@web', 2) });
    const wrong = answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@mail', 1), value: '2', result: 'ko', createdAt: '2026-11-23T09:02:00.000Z' });
    const pushed = await push(node.app, headers, 'answers', [right, wrong]);
    expect(pushed.status).toBe(200);
    // the device learns the node's copies, stamped, in the push answer (ADR 0001: the stamp orders answers)
    const stamp = node.now().toISOString();
    expect(pushed.body).toEqual({
      conflicts: [expect.objectContaining({ id: right.id, receivedAt: stamp }), expect.objectContaining({ id: wrong.id, receivedAt: stamp })],
      rejected: [],
    });

    const answers = await pullAll<AnswerDoc>(node.app, headers, 'answers');
    expect(answers.map((a) => [a.id, a.result, a.clientResult, typeof a.serverSeq])).toEqual([
      [right.id, 'ok', 'ok', 'number'],
      [wrong.id, 'ko', 'ko', 'number'],
    ]);
    const kes = node.db.prepare('SELECT skill_id, status, source FROM knowledge_elements ORDER BY skill_id').all();
    expect(kes).toEqual([
      { skill_id: 'skill-mail1', status: 'invalidated', source: 'direct' },
      { skill_id: 'skill-mail2', status: 'invalidated', source: 'inferred' },
      { skill_id: 'skill-mail3', status: 'invalidated', source: 'inferred' },
      { skill_id: 'skill-web1', status: 'validated', source: 'inferred' },
      { skill_id: 'skill-web2', status: 'validated', source: 'direct' },
    ]);
  });

  it('a false client claim is overwritten: the corrected answer comes back as a conflict and on pull', async () => {
    const { node, headers, userId } = await pupil();
    const assessment = assessmentDoc({ userId });
    await push(node.app, headers, 'assessments', [assessment]);
    const forged = answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@web', 3), value: '2', result: 'ok' });
    const pushed = await push(node.app, headers, 'answers', [forged]);
    expect(pushed.body.conflicts).toEqual([expect.objectContaining({ id: forged.id, result: 'ko', clientResult: 'ok' })]);
    const [pulled] = await pullAll<AnswerDoc>(node.app, headers, 'answers');
    expect(pulled).toMatchObject({ id: forged.id, result: 'ko', clientResult: 'ok', value: '2' });
    expect(pulled.updatedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(node.db.prepare("SELECT status FROM knowledge_elements WHERE skill_id = 'skill-web3'").get()).toEqual({ status: 'invalidated' });
  });

  it('forged answers are rejected one by one with a French message, the rest of the batch is stored', async () => {
    const { node, headers, userId } = await pupil();
    const assessment = assessmentDoc({ userId });
    await push(node.app, headers, 'assessments', [assessment]);
    const good = answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@web', 1) });
    const unknownChallenge = answerDoc({ userId, assessmentId: assessment.id, challengeId: 'ch-invented' });
    const outside = answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@data', 1) });
    const unknownAssessment = answerDoc({ userId, assessmentId: freshId('as'), challengeId: challengeIdOf('@web', 1) });
    const invalid = { ...answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@web', 2) }), timeSpent: -3 };
    const good2 = answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@mail', 2), createdAt: '2026-11-23T09:05:00.000Z' });
    const { status, body } = await push(node.app, headers, 'answers', [good, unknownChallenge, outside, unknownAssessment, invalid, good2]);
    expect(status).toBe(200);
    expect(body.rejected).toEqual([
      { id: invalid.id, code: 'INVALID_DOCUMENT', message: expect.stringContaining('timeSpent'), retryable: false },
      { id: unknownChallenge.id, code: 'UNKNOWN_CHALLENGE', message: expect.stringMatching(/^Cette épreuve n'existe pas/), retryable: false },
      { id: outside.id, code: 'CHALLENGE_OUTSIDE_ASSESSMENT', message: expect.stringContaining("ne fait pas partie de l'évaluation"), retryable: false },
      { id: unknownAssessment.id, code: 'UNKNOWN_ASSESSMENT', message: expect.any(String), retryable: true },
    ]);
    expect(node.db.prepare('SELECT id FROM answers ORDER BY id').all()).toEqual([{ id: good.id }, { id: good2.id }]);
  });

  it('an answer created after the known completion is rejected (ANSWER_AFTER_COMPLETION)', async () => {
    const { node, headers, userId } = await pupil();
    const assessment = assessmentDoc({ userId });
    await push(node.app, headers, 'assessments', [assessment]);
    // Answer every challenge right, one per skill, until the node says the assessment is completed.
    let minute = 1;
    for (const skill of testIndex.skillsByCompetenceId.get(COMPETENCE_1_1) ?? []) {
      const challengeId = testIndex.challengesBySkillId.get(skill.id)?.[0].id ?? '';
      const createdAt = `2026-11-23T09:${String(minute++).padStart(2, '0')}:00.000Z`;
      const { body } = await push(node.app, headers, 'answers', [answerDoc({ userId, assessmentId: assessment.id, challengeId, createdAt })]);
      if (body.rejected.length > 0) break;
    }
    const [state] = await pullAll<AssessmentDoc>(node.app, headers, 'assessments');
    expect(state.state).toBe('completed');
    // completedAt is when the node received the last counted answer (its clock), not the device's date.
    const answers = await pullAll<AnswerDoc>(node.app, headers, 'answers');
    expect(answers.every((a) => a.receivedAt === node.now().toISOString())).toBe(true);
    expect(state.completedAt).toBe(node.now().toISOString());
    const late = answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@mail', 3, 1), createdAt: '2026-11-23T11:00:00.000Z' });
    const { body } = await push(node.app, headers, 'answers', [late]);
    expect(body.rejected).toEqual([{ id: late.id, code: 'ANSWER_AFTER_COMPLETION', message: expect.stringContaining('déjà terminée'), retryable: false }]);
  });

  it('each user pulls only their own documents; pushing another user’s is refused (FORBIDDEN) and logged', async () => {
    const { node, headers, userId } = await pupil();
    const hugo = await node.login('hugo.lefevre1109');
    const hugoId = userIdOf(node.db, 'hugo.lefevre1109');
    await push(node.app, headers, 'assessments', [assessmentDoc({ userId })]);
    expect(await pullAll(node.app, hugo, 'assessments')).toEqual([]);
    const stolen = assessmentDoc({ userId });
    const mine = assessmentDoc({ userId: hugoId });
    const { body } = await push(node.app, hugo, 'assessments', [stolen, mine]);
    expect(body.rejected).toEqual([{ id: stolen.id, code: 'FORBIDDEN', message: expect.stringContaining('autre utilisateur'), retryable: false }]);
    expect((await pullAll(node.app, hugo, 'assessments')).map((d) => d.id)).toEqual([mine.id]);
    expect(node.logs.some((l) => l.includes(`assessments/${stolen.id}`) && l.includes('FORBIDDEN'))).toBe(true);
    // Reusing someone else's assessment id does not take it over either.
    const takeover = { ...assessmentDoc({ userId: hugoId }), id: (await pullAll<AssessmentDoc>(node.app, headers, 'assessments'))[0].id };
    expect((await push(node.app, hugo, 'assessments', [takeover])).body.rejected[0].code).toBe('FORBIDDEN');
  });

  it('is idempotent: the same batch twice stores once and changes no serverSeq', async () => {
    const { node, headers, userId } = await pupil();
    const assessment = assessmentDoc({ userId });
    const answers = [1, 2, 3].map((l, i) => answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@web', l), createdAt: `2026-11-23T09:0${i + 1}:00.000Z` }));
    await push(node.app, headers, 'assessments', [assessment]);
    await push(node.app, headers, 'answers', answers);
    const before = node.db.prepare('SELECT id, server_seq, doc FROM answers ORDER BY id').all();
    node.advance(60_000);
    const again = await push(node.app, headers, 'answers', answers);
    // the stamped copies again (the device still lacks them), never re-stamped
    expect(again.body.rejected).toEqual([]);
    expect(again.body.conflicts.map((a) => [a.id, a.receivedAt])).toEqual(answers.map((a) => [a.id, '2026-11-23T10:00:00.000Z']));
    // the node's own copies pushed back: nothing to tell
    expect((await push(node.app, headers, 'answers', again.body.conflicts)).body).toEqual({ conflicts: [], rejected: [] });
    await push(node.app, headers, 'assessments', [assessment]);
    expect(node.db.prepare('SELECT id, server_seq, doc FROM answers ORDER BY id').all()).toEqual(before);
    expect(count(node, 'SELECT count(*) AS n FROM answers')).toBe(3);
  });

  it('is order-free: batches in another order (answers before their assessment) give the same state', async () => {
    const a = await pupil();
    const b = await pupil();
    // same ids on both nodes, user ids differ: build per node
    const ORDER_ASSESSMENT = '00000000-0000-4000-8000-0000000000a0';
    const build = (userId: string) => {
      const assessment = assessmentDoc({ userId, id: ORDER_ASSESSMENT });
      const answers = [
        answerDoc({ userId, id: '00000000-0000-4000-8000-0000000000a1', assessmentId: ORDER_ASSESSMENT, challengeId: challengeIdOf('@web', 2), createdAt: '2026-11-23T09:01:00.000Z' }),
        answerDoc({ userId, id: '00000000-0000-4000-8000-0000000000a2', assessmentId: ORDER_ASSESSMENT, challengeId: challengeIdOf('@web', 3), value: '2', result: 'ko', createdAt: '2026-11-23T09:02:00.000Z' }),
        answerDoc({ userId, id: '00000000-0000-4000-8000-0000000000a3', assessmentId: ORDER_ASSESSMENT, challengeId: challengeIdOf('@mail', 1), createdAt: '2026-11-23T09:03:00.000Z' }),
      ];
      return { assessment, answers };
    };
    const da = build(a.userId);
    await push(a.node.app, a.headers, 'assessments', [da.assessment]);
    await push(a.node.app, a.headers, 'answers', da.answers.slice(0, 2));
    await push(a.node.app, a.headers, 'answers', da.answers.slice(2));

    const db = build(b.userId);
    const early = await push(b.node.app, b.headers, 'answers', [db.answers[2], db.answers[0]]);
    expect(early.body.rejected.map((r) => [r.code, r.retryable])).toEqual([['UNKNOWN_ASSESSMENT', true], ['UNKNOWN_ASSESSMENT', true]]);
    await push(b.node.app, b.headers, 'assessments', [db.assessment]);
    await push(b.node.app, b.headers, 'answers', [db.answers[2]]);
    await push(b.node.app, b.headers, 'answers', [db.answers[1], db.answers[0], db.answers[2]]);

    const state = (node: typeof a.node) => ({
      answers: node.db.prepare('SELECT id, challenge_id, result, superseded FROM answers ORDER BY id').all(),
      kes: node.db.prepare('SELECT id, status, source, earned_pix FROM knowledge_elements ORDER BY id').all(),
      assessment: node.db.prepare('SELECT state, completed_at FROM assessments').all(),
    });
    expect(state(b.node)).toEqual(state(a.node));
    expect(state(a.node).kes.length).toBeGreaterThan(3);
  });

  it('two devices answering the same challenge: both kept, the later one superseded and ignored', async () => {
    const { node, headers, userId } = await pupil();
    const assessment = assessmentDoc({ userId });
    await push(node.app, headers, 'assessments', [assessment]);
    const laptop = answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@web', 2), value: '2', result: 'ko', createdAt: '2026-11-23T18:00:00.000Z' });
    const schoolPc = answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@web', 2), createdAt: '2026-11-23T09:30:00.000Z' });
    await push(node.app, headers, 'answers', [laptop]);
    expect(node.db.prepare("SELECT status FROM knowledge_elements WHERE skill_id = 'skill-web2'").get()).toEqual({ status: 'invalidated' });
    await push(node.app, headers, 'answers', [schoolPc]);
    const answers = await pullAll<AnswerDoc>(node.app, headers, 'answers');
    expect(answers.map((a) => [a.id, a.superseded])).toEqual(expect.arrayContaining([[laptop.id, true], [schoolPc.id, false]]));
    expect(node.db.prepare("SELECT status FROM knowledge_elements WHERE skill_id = 'skill-web2'").get()).toEqual({ status: 'validated' });
  });

  it('campaign assessments: answers wait for the participation, then must be in the target profile', async () => {
    const { node, headers, userId } = await pupil();
    const campaignId = insertCampaign(node.db, organizationIdOf(node.db));
    const participation = participationDoc({ userId, campaignId });
    const assessment = assessmentDoc({ userId, type: 'CAMPAIGN', competenceId: undefined, campaignParticipationId: participation.id });
    await push(node.app, headers, 'assessments', [assessment]);
    const inProfile = answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@web', 2) });
    expect((await push(node.app, headers, 'answers', [inProfile])).body.rejected[0]).toMatchObject({ code: 'UNKNOWN_PARTICIPATION', retryable: true });
    expect((await push(node.app, headers, 'campaign-participations', [participation])).body).toEqual({ conflicts: [], rejected: [] });
    const aboveCap = answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@web', 3) });
    const { body } = await push(node.app, headers, 'answers', [inProfile, aboveCap]);
    expect(body.rejected).toEqual([expect.objectContaining({ id: aboveCap.id, code: 'CHALLENGE_OUTSIDE_ASSESSMENT' })]);
    const unknown = participationDoc({ userId, campaignId: 'camp-nowhere' });
    expect((await push(node.app, headers, 'campaign-participations', [unknown])).body.rejected[0]).toMatchObject({ code: 'UNKNOWN_CAMPAIGN', retryable: true });
    // Sharing only moves forward and gets a date.
    const shared = await push(node.app, headers, 'campaign-participations', [{ ...participation, status: 'SHARED' as const, updatedAt: '2026-11-23T09:40:00.000Z' }]);
    expect(shared.body.conflicts).toEqual([expect.objectContaining({ status: 'SHARED', sharedAt: '2026-11-23T10:00:00.000Z' })]);
    const back = await push(node.app, headers, 'campaign-participations', [{ ...participation, status: 'STARTED' as const }]);
    expect(back.body.conflicts).toEqual([expect.objectContaining({ status: 'SHARED' })]);
  });

  it('tutorial bookmarks: last writer wins, an older write gets the master back as a conflict', async () => {
    const { node, headers, userId } = await pupil();
    const tutorial = (saved: boolean, updatedAt: string): UserTutorialDoc => ({
      id: `${userId}:tuto-web`, userId, tutorialId: 'tuto-web', saved, useful: true, updatedAt, _deleted: false,
    });
    expect((await push(node.app, headers, 'user-tutorials', [tutorial(true, '2026-11-23T09:10:00.000Z')])).body).toEqual({ conflicts: [], rejected: [] });
    const stale = await push(node.app, headers, 'user-tutorials', [tutorial(false, '2026-11-23T09:00:00.000Z')]);
    expect(stale.body.conflicts).toEqual([expect.objectContaining({ saved: true, updatedAt: '2026-11-23T09:10:00.000Z' })]);
    const { body } = await push(node.app, headers, 'user-tutorials', [{ ...tutorial(true, '2026-11-23T09:00:00.000Z'), id: 'wrong-id' }, { ...tutorial(true, '2026-11-23T09:00:00.000Z'), id: `${userId}:tuto-x`, tutorialId: 'tuto-x' }]);
    expect(body.rejected.map((r) => r.code)).toEqual(['INVALID_DOCUMENT', 'UNKNOWN_TUTORIAL']);
  });
});

describe('sync: malformed requests → 4xx JSON, never 500', () => {
  it.each([
    ['POST', '/api/sync/answers/push', '{"rows":', 'INVALID_JSON', 400],
    ['POST', '/api/sync/answers/push', '{"rows":3}', 'INVALID_INPUT', 400],
    ['POST', '/api/sync/answers/push', '[1]', 'INVALID_INPUT', 400],
    ['POST', '/api/sync/answers/push', '{"rows":[{"newDocumentState":"x"}]}', 'INVALID_INPUT', 400],
    ['GET', '/api/sync/answers/pull?limit=abc', undefined, 'INVALID_INPUT', 400],
    ['GET', '/api/sync/answers/pull?seq=-1', undefined, 'INVALID_INPUT', 400],
    ['GET', '/api/sync/answers/pull?limit=100000', undefined, 'INVALID_INPUT', 400],
    ['GET', '/api/sync/nope/pull', undefined, 'NOT_FOUND', 404],
  ])('%s %s %s → %s', async (method, path, body, code, status) => {
    const { node, headers } = await pupil();
    const response = await node.app.request(path, { method, headers: { ...headers, 'content-type': 'application/json' }, body });
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('no session → 401; another sync format → 409; no content pack → 503', async () => {
    const { node, headers } = await pupil();
    expect((await node.app.request('/api/sync/answers/pull')).status).toBe(401);
    const other = await node.app.request('/api/sync/answers/pull', { headers: { ...headers, 'x-pix-sync-format': '99' } });
    expect(other.status).toBe(409);
    const bare = await testNode();
    const response = await bare.app.request('/api/sync/answers/pull', { headers: await bare.login('eleve@demo.pix') });
    expect(response.status).toBe(503);
  });
});

describe('sync: outbox (relay mode)', () => {
  it('every accepted write enters the outbox in the same transaction; rejected rows and central nodes do not', async () => {
    const { node, headers, userId } = await pupil('relay');
    const assessment = assessmentDoc({ userId });
    await push(node.app, headers, 'assessments', [assessment]);
    await push(node.app, headers, 'answers', [
      answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@web', 1) }),
      answerDoc({ userId, assessmentId: assessment.id, challengeId: 'ch-invented' }),
    ]);
    expect(node.db.prepare('SELECT collection, user_id FROM outbox ORDER BY seq').all()).toEqual([
      { collection: 'assessments', user_id: userId },
      { collection: 'answers', user_id: userId },
    ]);
    // Break the outbox: the push fails as a whole, the answer is not stored without its outbox row.
    node.db.exec('ALTER TABLE outbox RENAME TO outbox_gone');
    const failed = await push(node.app, headers, 'answers', [answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@web', 2) })]);
    expect(failed.status).toBe(500);
    expect(count(node, 'SELECT count(*) AS n FROM answers')).toBe(1);

    const central = await pupil('central');
    await push(central.node.app, central.headers, 'assessments', [assessmentDoc({ userId: central.userId })]);
    expect(count(central.node, 'SELECT count(*) AS n FROM outbox')).toBe(0);
  });
});
