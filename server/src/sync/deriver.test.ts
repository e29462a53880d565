/**
 * Bounded work (issue 12): the worst push a pupil can send — 500 assessments, then 500 back-dated answers
 * listed latest assessment first, so that each answer used to re-derive every later assessment — on the
 * shipped content pack. The event loop is sampled all along (push, then derivation): no gap may exceed
 * the bound, another pupil's push goes through meanwhile, and the derived state is the one a single
 * synchronous derivation gives. Also: the queue survives a restart, and a failing derivation is dropped.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexPack, type PackIndex } from '../../../shared/src/model/pack-index';
import type { AnswerDoc, AssessmentDoc } from '../../../shared/src/sync/protocol';
import { buildPack } from '../../../scripts/content/build-pack';
import { openDatabase } from '../db/database';
import { testNode } from '../testing/test-node';
import { countQueuedDerivations, enqueueDerivation } from './derivation-queue';
import { Deriver, deriverOf } from './deriver';
import { answerDoc, assessmentDoc, push, userIdOf } from './sync-fixtures';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const root = resolve(import.meta.dirname, '../../..');

/** The pack's first competence and a challenge of its first skill. */
function firstCompetence(index: PackIndex) {
  const competence = index.pack.competences[0];
  const challengeId = index.challengesBySkillId.get(index.skillsByCompetenceId.get(competence.id)?.[0].id ?? '')?.[0].id ?? '';
  return { competence, challengeId };
}
let shipped: PackIndex | undefined;
function shippedPack(): PackIndex {
  shipped ??= indexPack(buildPack(join(root, 'content'), join(root, 'public')).pack);
  return shipped;
}

/** Largest gap between two ticks of a 1 ms interval while `work` runs: how long the loop was held. */
async function longestLoopGap<T>(work: () => Promise<T>): Promise<{ value: T; gapMs: number }> {
  let last = performance.now();
  let gapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    gapMs = Math.max(gapMs, now - last);
    last = now;
  }, 1);
  try {
    const value = await work();
    return { value, gapMs: Math.max(gapMs, performance.now() - last) };
  } finally {
    clearInterval(timer);
  }
}

// The target is ~50 ms (27 ms measured on a quiet 2-core machine); the bound leaves room for a busy CI runner.
const LOOP_BOUND_MS = 150;

describe('bounded work per push', () => {
  it('500 assessments then 500 back-dated answers never hold the event loop; another pupil is served meanwhile', async () => {
    const index = shippedPack();
    const node = await testNode({ content: index });
    const headers = await node.login('ines.moreau2701');
    const other = await node.login('hugo.lefevre1109');
    const userId = userIdOf(node.db, 'ines.moreau2701');
    const otherId = userIdOf(node.db, 'hugo.lefevre1109');
    const { competence, challengeId } = firstCompetence(index);
    const at = (i: number) => new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
    const assessments: AssessmentDoc[] = Array.from({ length: 500 }, (_, i) =>
      assessmentDoc({ userId, competenceId: competence.id, method: 'BAYES', createdAt: at(i), updatedAt: at(i) }),
    );
    // Latest assessment first, every answer dated before every assessment: the old code re-derived all later ones each time.
    const answers: AnswerDoc[] = assessments
      .map((a) => answerDoc({ userId, assessmentId: a.id, challengeId, createdAt: '2020-01-01T00:00:00.000Z' }))
      .reverse();
    const otherAssessment = assessmentDoc({ userId: otherId, competenceId: competence.id, method: 'BAYES' });

    const { value, gapMs } = await longestLoopGap(async () => {
      expect((await push(node.app, headers, 'assessments', assessments)).body.rejected).toEqual([]);
      const flood = push(node.app, headers, 'answers', answers);
      // While the flood is being derived, another pupil pushes and is answered.
      await new Promise((r) => setTimeout(r, 5));
      const started = performance.now();
      await push(node.app, other, 'assessments', [otherAssessment]);
      const otherAnswer = push(node.app, other, 'answers', [answerDoc({ userId: otherId, assessmentId: otherAssessment.id, challengeId })]);
      const otherMs = await otherAnswer.then(() => performance.now() - started);
      const floodResult = await flood;
      await deriverOf({ db: node.db, index, now: node.now, log: () => {} }).idle();
      return { otherMs, floodResult };
    });
    expect(value.floodResult.body.rejected).toEqual([]);
    expect(gapMs).toBeLessThan(LOOP_BOUND_MS);
    expect(value.otherMs).toBeLessThan(1000);
    console.log(`bounded work: longest event-loop gap ${gapMs.toFixed(1)} ms, other pupil answered in ${value.otherMs.toFixed(1)} ms`);
    // Same state as one derivation in order: the skill is learnt in the EARLIEST assessment (knowledge
    // reuse: the later ones read its KE and create none), whatever order the answers came in.
    const withKes = node.db.prepare('SELECT DISTINCT assessment_id AS id FROM knowledge_elements WHERE user_id = ?').all(userId);
    expect(withKes).toEqual([{ id: assessments[0].id }]);
    expect(countQueuedDerivations(node.db)).toBe(0);
    // Derived commits skip the fsync (recomputable); pushes find FULL again.
    expect(node.db.pragma('synchronous', { simple: true })).toBe(2);
  }, 120_000);
});

describe('the derivation queue', () => {
  it('survives a restart: what was queued is derived by the next deriver of the same file', async () => {
    const node = await testNode({ content: shippedPack() });
    const userId = userIdOf(node.db, 'ines.moreau2701');
    const headers = await node.login('ines.moreau2701');
    const index = shippedPack();
    const { competence, challengeId } = firstCompetence(index);
    const assessment = assessmentDoc({ userId, competenceId: competence.id });
    await push(node.app, headers, 'assessments', [assessment]);
    await push(node.app, headers, 'answers', [answerDoc({ userId, assessmentId: assessment.id, challengeId })]);
    // Copy the node's state into a file, with the assessment queued and its KEs gone (as after a crash mid-way).
    const file = join(mkdtempSync(join(tmpdir(), 'pix-deriver-')), 'pix.sqlite');
    await node.db.backup(file);
    const db = openDatabase(file);
    db.prepare('DELETE FROM knowledge_elements').run();
    enqueueDerivation(db, assessment);
    db.close();
    const reopened = openDatabase(file);
    const deriver = new Deriver({ db: reopened, index, now: () => new Date(), log: () => {} });
    await deriver.idle();
    expect((reopened.prepare('SELECT count(*) AS n FROM knowledge_elements').get() as { n: number }).n).toBeGreaterThan(0);
    reopened.close();
  });

  it('drops an assessment whose derivation fails (logged), and goes on with the others', async () => {
    const index = shippedPack();
    const node = await testNode({ content: index });
    const userId = userIdOf(node.db, 'ines.moreau2701');
    const headers = await node.login('ines.moreau2701');
    const { competence, challengeId } = firstCompetence(index);
    const good = assessmentDoc({ userId, competenceId: competence.id, createdAt: '2026-11-23T09:00:00.000Z' });
    await push(node.app, headers, 'assessments', [good]);
    await push(node.app, headers, 'answers', [answerDoc({ userId, assessmentId: good.id, challengeId })]);
    node.db.prepare('DELETE FROM knowledge_elements').run();
    // A stored document the deriver cannot read (corrupted JSON), queued before the good one.
    const broken = assessmentDoc({ userId, competenceId: competence.id, createdAt: '2026-11-22T09:00:00.000Z' });
    await push(node.app, headers, 'assessments', [broken]);
    node.db.prepare("UPDATE assessments SET doc = '{' WHERE id = ?").run(broken.id);
    enqueueDerivation(node.db, broken);
    enqueueDerivation(node.db, good);
    const logs: string[] = [];
    const deriver = new Deriver({ db: node.db, index, now: () => new Date(), log: (l) => logs.push(l) });
    await deriver.idle();
    expect(countQueuedDerivations(node.db)).toBe(0);
    expect(logs.some((l) => l.includes(broken.id))).toBe(true);
    expect((node.db.prepare('SELECT count(*) AS n FROM knowledge_elements WHERE assessment_id = ?').get(good.id) as { n: number }).n).toBeGreaterThan(0);
  });
});
