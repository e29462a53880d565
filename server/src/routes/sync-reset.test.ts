/**
 * "Réinitialiser" and "Retenter" reach the node: the reset time sticks on the assessment whatever the
 * order, the node writes reset KEs for the competence, and an improving assessment may ask old failures.
 */
import { describe, expect, it } from 'vitest';
import type { AssessmentDoc } from '../../../shared/src/sync/protocol';
import { currentKnowledgeElements } from '../../../shared/src/scoring/knowledge-elements';
import type { KnowledgeElement } from '../../../shared/src/model/types';
import { challengeIdOf } from '../../../shared/src/testing/builders';
import { answerDoc, assessmentDoc, insertCampaign, organizationIdOf, participationDoc, pullAll, push, testIndex, userIdOf } from '../sync/sync-fixtures';
import { testNode } from '../testing/test-node';

function storedKes(db: import('../db/database').Db): KnowledgeElement[] {
  return (db.prepare('SELECT * FROM knowledge_elements').all() as Record<string, string | number>[]).map((r) => ({
    id: String(r.id), userId: String(r.user_id), assessmentId: String(r.assessment_id), answerId: String(r.answer_id), skillId: String(r.skill_id),
    competenceId: String(r.competence_id), status: r.status as KnowledgeElement['status'], source: r.source as KnowledgeElement['source'],
    earnedPix: Number(r.earned_pix), createdAt: String(r.created_at),
  }));
}

describe('sync: reset of a competence', () => {
  it('a reset pushed later is kept, returned on pull, and empties the competence on the node', async () => {
    const node = await testNode({ content: testIndex });
    const headers = await node.login('eleve@demo.pix');
    const userId = userIdOf(node.db, 'eleve@demo.pix');
    const assessment = assessmentDoc({ userId });
    await push(node.app, headers, 'assessments', [assessment]);
    await push(node.app, headers, 'answers', [answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@web', 2) })]);
    expect(currentKnowledgeElements(storedKes(node.db)).length).toBeGreaterThan(0);

    const resetAt = '2026-12-05T10:00:00.000Z';
    const reset: AssessmentDoc = { ...assessment, resetAt, state: 'aborted', updatedAt: resetAt };
    const pushed = await push(node.app, headers, 'assessments', [reset]);
    expect(pushed.body.rejected).toEqual([]);
    const [pulled] = await pullAll<AssessmentDoc>(node.app, headers, 'assessments');
    expect(pulled.resetAt).toBe(resetAt);
    const competenceKes = storedKes(node.db).filter((ke) => ke.competenceId === assessment.competenceId);
    expect(competenceKes.some((ke) => ke.status === 'reset')).toBe(true);
    expect(currentKnowledgeElements(competenceKes)).toEqual([]);

    // an older copy without the reset (another device) does not undo it
    await push(node.app, headers, 'assessments', [assessment]);
    const [again] = await pullAll<AssessmentDoc>(node.app, headers, 'assessments');
    expect(again.resetAt).toBe(resetAt);
  });

  it('a competence seen only in a campaign is reset through an empty evaluation, and the unsent campaign starts again (§2.4)', async () => {
    const node = await testNode({ content: testIndex });
    const headers = await node.login('eleve@demo.pix');
    const userId = userIdOf(node.db, 'eleve@demo.pix');
    const campaignId = insertCampaign(node.db, organizationIdOf(node.db));
    const participation = participationDoc({ userId, campaignId });
    const before = assessmentDoc({ userId, type: 'CAMPAIGN', competenceId: undefined, campaignParticipationId: participation.id });
    await push(node.app, headers, 'campaign-participations', [participation]);
    await push(node.app, headers, 'assessments', [before]);
    await push(node.app, headers, 'answers', [answerDoc({ userId, assessmentId: before.id, challengeId: challengeIdOf('@web', 2) })]);
    const competenceId = storedKes(node.db)[0].competenceId;
    expect(currentKnowledgeElements(storedKes(node.db)).some((ke) => ke.skillId.includes('web2'))).toBe(true);

    const resetAt = '2026-12-05T10:00:00.000Z';
    const carrier = assessmentDoc({ userId, competenceId, state: 'aborted', resetAt, createdAt: resetAt, updatedAt: resetAt });
    const fresh = assessmentDoc({ userId, type: 'CAMPAIGN', competenceId: undefined, campaignParticipationId: participation.id, createdAt: resetAt, updatedAt: resetAt });
    const pushed = await push(node.app, headers, 'assessments', [carrier, { ...before, state: 'aborted', updatedAt: resetAt }, fresh]);
    expect(pushed.body.rejected).toEqual([]);
    expect(currentKnowledgeElements(storedKes(node.db)).filter((ke) => ke.competenceId === competenceId)).toEqual([]);
    const states = Object.fromEntries((await pullAll<AssessmentDoc>(node.app, headers, 'assessments')).map((a) => [a.id, a.state]));
    // A completed assessment stays completed (its answers are the truth, merge.ts): the fresh one supersedes it.
    expect(states).toMatchObject({ [carrier.id]: 'aborted', [fresh.id]: 'started' });
    expect(states[before.id]).not.toBe('started');

    // The fresh campaign assessment may ask the reset skill again (another challenge) and scores it.
    const again = answerDoc({ userId, assessmentId: fresh.id, challengeId: challengeIdOf('@web', 2, 1), createdAt: '2026-12-05T10:01:00.000Z' });
    expect((await push(node.app, headers, 'answers', [again])).body.rejected).toEqual([]);
    const web2 = currentKnowledgeElements(storedKes(node.db)).find((ke) => ke.skillId.includes('web2'));
    expect(web2).toMatchObject({ assessmentId: fresh.id, source: 'direct' });
  });
});
