/**
 * GET /api/sync/receipts: the device's second receipt. A relay lists the caller's documents still in its
 * outbox (pending) or refused by central for good (parked, with the reason); central lists nothing.
 */
import { describe, expect, it } from 'vitest';
import { receiptsResponseSchema, type ReceiptsResponse } from '../../../shared/src/sync/schemas';
import { challengeIdOf } from '../../../shared/src/testing/builders';
import { forwardOnce } from '../relay/forwarder';
import { answerDoc, assessmentDoc, push, testIndex, userIdOf, type Headers } from '../sync/sync-fixtures';
import { testNode } from '../testing/test-node';

type TestNode = Awaited<ReturnType<typeof testNode>>;

async function receipts(node: TestNode, headers: Headers): Promise<ReceiptsResponse> {
  const response = await node.app.request('/api/sync/receipts', { headers });
  expect(response.status).toBe(200);
  return receiptsResponseSchema.parse(await response.json());
}

/** Léa pushes one assessment and two answers to `node`. */
async function leaAnswers(node: TestNode) {
  const headers = await node.login('eleve@demo.pix');
  const userId = userIdOf(node.db, 'eleve@demo.pix');
  const assessment = assessmentDoc({ userId });
  const answers = [1, 2].map((level) =>
    answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@web', level), createdAt: `2026-11-23T09:0${level}:00.000Z` }),
  );
  expect((await push(node.app, headers, 'assessments', [assessment])).body.rejected).toEqual([]);
  expect((await push(node.app, headers, 'answers', answers)).body.rejected).toEqual([]);
  return { headers, assessment, answers };
}

describe('GET /api/sync/receipts', () => {
  it('on central, what was acknowledged is held: no pending, no parked', async () => {
    const central = await testNode({ content: testIndex });
    const { headers } = await leaAnswers(central);
    expect(await receipts(central, headers)).toEqual({ node: 'central', checkedAt: '2026-11-23T10:00:00.000Z', upstreamPending: [], upstreamParked: [] });
  });

  it('on a relay, a pupil sees their own documents waiting for central, another pupil sees none of them', async () => {
    const relay = await testNode({ content: testIndex, mode: 'relay' });
    const { headers, assessment, answers } = await leaAnswers(relay);
    const lea = await receipts(relay, headers);
    expect(lea.node).toBe('relay');
    const expected = [{ collection: 'assessments', id: assessment.id }, ...answers.map((a) => ({ collection: 'answers', id: a.id }))];
    expect(lea.upstreamPending).toHaveLength(expected.length);
    expect(lea.upstreamPending).toEqual(expect.arrayContaining(expected));
    expect(lea.upstreamParked).toEqual([]);
    const hugo = await receipts(relay, await relay.login('hugo.lefevre1109'));
    expect(hugo).toMatchObject({ node: 'relay', upstreamPending: [], upstreamParked: [] });
  });

  it('on a relay, forwarded documents leave the list; one central refused for good is parked with its reason', async () => {
    const relay = await testNode({ content: testIndex, mode: 'relay' });
    const { headers, answers } = await leaAnswers(relay);
    const [kept, refused] = answers;
    const fakeCentral: typeof fetch = async (input) =>
      String(input).includes('/answers/')
        ? Response.json({ conflicts: [], rejected: [{ id: refused.id, code: 'UNKNOWN_CHALLENGE', message: "Cette épreuve n'existe pas sur le serveur central.", retryable: false }] })
        : Response.json({ conflicts: [], rejected: [] });
    await forwardOnce(relay.db, { url: 'http://central.test', token: 't', fetch: fakeCentral }, () => new Date('2026-11-23T10:00:05.000Z'));
    const after = await receipts(relay, headers);
    expect(after.upstreamPending).toEqual([]);
    expect(after.upstreamParked).toEqual([{ collection: 'answers', id: refused.id, code: 'UNKNOWN_CHALLENGE', reason: "Cette épreuve n'existe pas sur le serveur central." }]);
    expect(after.upstreamParked.map((p) => p.id)).not.toContain(kept.id);
    expect((await receipts(relay, await relay.login('hugo.lefevre1109'))).upstreamParked).toEqual([]);
  });

  it('without a session → 401', async () => {
    const relay = await testNode({ content: testIndex, mode: 'relay' });
    expect((await relay.app.request('/api/sync/receipts')).status).toBe(401);
    expect((await relay.app.request('/api/sync/receipts', { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
  });
});
