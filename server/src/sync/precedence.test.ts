/**
 * Precedence no pupil can game (issue 12, ADR 0001): the node's reception order decides which answer to a
 * challenge counts and whether an answer came after the end, never a date a device wrote. Then the same
 * rule across nodes: random school/home histories with forged and back-dated answers, pushed to a relay
 * and to central in random orders, forwarded up and pulled down, give both nodes the same state.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../shared/src/random/seeded-rng';
import type { AnswerDoc, AssessmentDoc } from '../../../shared/src/sync/protocol';
import { challengeIdOf } from '../../../shared/src/testing/builders';
import { pullDownstreamOnce } from '../relay/downstream';
import { forwardOnce } from '../relay/forwarder';
import { centralAndRelay, type TestNode } from '../relay/relay-fixtures';
import { pullSnapshot } from '../relay/relay-loops';
import { testNode } from '../testing/test-node';
import { answerDoc, assessmentDoc, pullAll, push, testIndex, userIdOf } from './sync-fixtures';

const WEB2 = challengeIdOf('@web', 2);

async function pupilOnCentral() {
  const node = await testNode({ content: testIndex });
  const headers = await node.login('eleve@demo.pix');
  const userId = userIdOf(node.db, 'eleve@demo.pix');
  const assessment = assessmentDoc({ userId });
  await push(node.app, headers, 'assessments', [assessment]);
  return { node, headers, userId, assessment };
}

const storedAnswer = (node: TestNode, id: string) => JSON.parse((node.db.prepare('SELECT doc FROM answers WHERE id = ?').get(id) as { doc: string }).doc) as AnswerDoc;

describe('precedence on one node', () => {
  it('a right answer dated before the stored wrong one is kept but does not count', async () => {
    const { node, headers, userId, assessment } = await pupilOnCentral();
    const wrong = answerDoc({ userId, assessmentId: assessment.id, challengeId: WEB2, value: '2', result: 'ko', createdAt: '2026-11-23T09:05:00.000Z' });
    await push(node.app, headers, 'answers', [wrong]);
    node.advance(60_000);
    // The pupil saw the correction and forges an earlier, right answer — with a forged stamp too.
    const forged = answerDoc({ userId, assessmentId: assessment.id, challengeId: WEB2, value: '1', createdAt: '2026-11-23T09:00:00.000Z', receivedAt: '2026-11-23T08:00:00.000Z' });
    expect((await push(node.app, headers, 'answers', [forged])).body.rejected).toEqual([]);
    const answers = new Map((await pullAll<AnswerDoc>(node.app, headers, 'answers')).map((a) => [a.id, a]));
    expect(answers.get(wrong.id)).toMatchObject({ superseded: false, result: 'ko' });
    expect(answers.get(forged.id)).toMatchObject({ superseded: true, receivedAt: node.now().toISOString() });
    expect(node.db.prepare("SELECT status, answer_id FROM knowledge_elements WHERE skill_id = 'skill-web2'").get()).toEqual({ status: 'invalidated', answer_id: wrong.id });
  });

  it('once the node saw the end, a pupil adds nothing, whatever the date on the answer', async () => {
    const { node, headers, userId, assessment } = await pupilOnCentral();
    for (const skill of testIndex.skillsByCompetenceId.get(assessment.competenceId ?? '') ?? []) {
      const challengeId = testIndex.challengesBySkillId.get(skill.id)?.[0].id ?? '';
      const { body } = await push(node.app, headers, 'answers', [answerDoc({ userId, assessmentId: assessment.id, challengeId })]);
      if (body.rejected.length > 0) break;
      node.advance(1_000);
    }
    const [state] = await pullAll<AssessmentDoc>(node.app, headers, 'assessments');
    expect(state.state).toBe('completed');
    const backDated = answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@mail', 3, 1), createdAt: '2020-01-01T00:00:00.000Z' });
    expect((await push(node.app, headers, 'answers', [backDated])).body.rejected).toMatchObject([{ id: backDated.id, code: 'ANSWER_AFTER_COMPLETION' }]);
  });

  it('the stamp a device sends is replaced by the node’s', async () => {
    const { node, headers, userId, assessment } = await pupilOnCentral();
    const answer = answerDoc({ userId, assessmentId: assessment.id, challengeId: WEB2, receivedAt: '2000-01-01T00:00:00.000Z' });
    await push(node.app, headers, 'answers', [answer]);
    expect(storedAnswer(node, answer.id).receivedAt).toBe(node.now().toISOString());
  });
});

/** Léa's challenges of competence 1.1 in the test pack (some answered twice, on two devices). */
const CHALLENGES = [1, 2, 3, 4].map((l) => challengeIdOf('@web', l)).concat([1, 2, 3].map((l) => challengeIdOf('@mail', l)));

describe('relay and central converge (forged and back-dated histories)', () => {
  for (let run = 0; run < 20; run++) {
    it(`history ${run}`, async () => {
      const rng = createRng(`precedence-${run}`);
      const setup = await centralAndRelay();
      const { central, relay, upstream, loopDeps } = setup;
      await pullSnapshot(loopDeps);
      const school = await relay.login('eleve@demo.pix');
      const home = await central.login('eleve@demo.pix');
      const userId = userIdOf(central.db, 'eleve@demo.pix');
      const assessments = [assessmentDoc({ userId, createdAt: '2026-11-23T08:00:00.000Z' }), assessmentDoc({ userId, createdAt: '2026-11-23T08:30:00.000Z' })];
      await push(relay.app, school, 'assessments', assessments);
      await push(central.app, home, 'assessments', assessments);
      const answer = () => {
        const assessment = assessments[rng.nextInt(2)];
        const right = rng.nextInt(2) === 0;
        // Device dates are random, back-dated or in the future; a third of them carry a forged stamp.
        const createdAt = new Date(Date.UTC(2026, 10, 23, 6 + rng.nextInt(8), rng.nextInt(60))).toISOString();
        return answerDoc({
          userId, assessmentId: assessment.id, challengeId: CHALLENGES[rng.nextInt(CHALLENGES.length)], value: right ? '1' : '2', result: 'ok', createdAt,
          ...(rng.nextInt(3) === 0 ? { receivedAt: '2000-01-01T00:00:00.000Z' } : {}),
        });
      };
      const steps: (() => Promise<unknown>)[] = [];
      for (let i = 0; i < 10; i++) {
        const device = rng.nextInt(2) === 0 ? 'school' : 'home';
        const docs = Array.from({ length: 1 + rng.nextInt(3) }, () => answer());
        steps.push(async () => {
          if (device === 'school') relay.advance(30_000 + rng.nextInt(30_000));
          else central.advance(30_000 + rng.nextInt(30_000));
          await push(device === 'school' ? relay.app : central.app, device === 'school' ? school : home, 'answers', docs);
        });
        // Now and then the link carries the school's answers up, or central's down.
        if (rng.nextInt(4) === 0) steps.push(() => forwardOnce(relay.db, upstream, loopDeps.now));
        if (rng.nextInt(4) === 0) steps.push(() => pullDownstreamOnce({ db: relay.db, upstream, index: testIndex, now: loopDeps.now, log: () => {} }));
      }
      for (const step of steps) await step();
      for (let i = 0; i < 2; i++) {
        await forwardOnce(relay.db, upstream, loopDeps.now);
        await pullDownstreamOnce({ db: relay.db, upstream, index: testIndex, now: loopDeps.now, log: () => {} });
      }
      const state = (node: TestNode) => ({
        answers: node.db.prepare('SELECT id, superseded, result FROM answers ORDER BY id').all(),
        stamps: (node.db.prepare('SELECT doc FROM answers ORDER BY id').all() as { doc: string }[]).map((r) => (JSON.parse(r.doc) as AnswerDoc).receivedAt),
        kes: node.db.prepare('SELECT id, status, source FROM knowledge_elements ORDER BY id').all(),
        assessments: node.db.prepare('SELECT id, state, completed_at FROM assessments ORDER BY id').all(),
      });
      const atCentral = state(central);
      expect(state(relay)).toEqual(atCentral);
      // No stamp a device forged survived.
      expect(atCentral.stamps.every((s) => s !== undefined && s > '2026')).toBe(true);
    });
  }
});
