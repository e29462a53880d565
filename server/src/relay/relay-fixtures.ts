/**
 * Test fixtures for the relay: central (demo school) and an empty relay wired to it through a fetch
 * that can be cut and that records the URLs it was asked (in-process, or over real HTTP to central
 * listening on a local port: body limits as in production); a classroom session pushed to the relay;
 * the engine's next question for a pupil, computed from what a node lets them pull.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { nextChallenge } from '../../../shared/src/engine/next-challenge';
import type { PackIndex } from '../../../shared/src/model/pack-index';
import { previousKnowledgeElementsFor, targetSkillIdsOf } from '../../../shared/src/sync/derive-assessment';
import { orderAssessmentAnswers } from '../../../shared/src/sync/merge';
import type { AnswerDoc, AssessmentDoc } from '../../../shared/src/sync/protocol';
import { challengeIdOf } from '../../../shared/src/testing/builders';
import { answerDoc, assessmentDoc, organizationIdOf, pullAll, push, testIndex, userIdOf } from '../sync/sync-fixtures';
import { testNode } from '../testing/test-node';
import type { Upstream } from './forwarder';
import { createRelayState } from './relay-state';

export type TestNode = Awaited<ReturnType<typeof testNode>>;

/** Serves `node` on a free local port; `close` stops it. */
async function listen(node: TestNode): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: node.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `overHttp`: central listens on a local port and the relay reaches it with the real fetch; call `close()`. */
export async function centralAndRelay(options: { relayContent?: PackIndex; overHttp?: boolean } = {}) {
  const central = await testNode({ content: testIndex });
  const relay = await testNode({ content: options.relayContent ?? testIndex, mode: 'relay', demo: false });
  const organizationId = organizationIdOf(central.db);
  const admin = await central.login('prof@demo.pix');
  const created = await central.app.request(`/api/organizations/${organizationId}/relay-tokens`, { method: 'POST', headers: admin });
  expect(created.status).toBe(201);
  const { token } = (await created.json()) as { token: string };
  const link = { up: true, calls: 0, urls: [] as string[] };
  const http = options.overHttp ? await listen(central) : null;
  const fetchCentral: typeof fetch = async (input, init) => {
    link.calls++;
    link.urls.push(String(input));
    if (!link.up) throw new TypeError('fetch failed (central arrêté)');
    return http ? fetch(input, init) : central.app.request(String(input), init as RequestInit);
  };
  const upstream: Upstream = { url: http?.url ?? 'http://central.test', token, fetch: fetchCentral };
  const state = relay.relay ?? createRelayState();
  const loopDeps = { db: relay.db, upstream, state, now: () => new Date('2026-11-23T10:00:00.000Z'), log: (line: string) => relay.logs.push(line), content: options.relayContent ?? testIndex };
  return { central, relay, organizationId, token, link, upstream, loopDeps, close: async () => http?.close() };
}

/** Léa answers three questions of competence 1.1 on the school relay (the second claim is wrong). */
export async function classroomSession(relay: TestNode, central: TestNode) {
  const headers = await relay.login('eleve@demo.pix');
  const userId = userIdOf(central.db, 'eleve@demo.pix');
  const assessment = assessmentDoc({ userId });
  await push(relay.app, headers, 'assessments', [assessment]);
  const answers = [
    answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@web', 2), createdAt: '2026-11-23T09:01:00.000Z' }),
    answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@web', 3), value: '2', result: 'ok', createdAt: '2026-11-23T09:02:00.000Z' }),
    answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@mail', 2), createdAt: '2026-11-23T09:03:00.000Z' }),
  ];
  const pushed = await push(relay.app, headers, 'answers', answers);
  expect(pushed.body.rejected).toEqual([]);
  return { headers, userId, assessment, answers };
}

/** What the PWA would ask next, from the documents the pupil pulls from `node` (default: their first assessment). */
export async function nextStepOn(node: TestNode, options: { login?: string; assessmentId?: string; index?: PackIndex } = {}) {
  const index = options.index ?? testIndex;
  const headers = await node.login(options.login ?? 'eleve@demo.pix');
  const assessments = await pullAll<AssessmentDoc>(node.app, headers, 'assessments');
  const assessment = options.assessmentId ? assessments.find((a) => a.id === options.assessmentId) : assessments[0];
  if (!assessment) throw new Error(`no assessment ${options.assessmentId ?? ''} on this node`);
  const answers = (await pullAll<AnswerDoc>(node.app, headers, 'answers')).filter((a) => a.assessmentId === assessment.id);
  const targetSkillIds = targetSkillIdsOf(index, assessment) ?? [];
  const step = nextChallenge(
    index,
    { assessmentId: assessment.id, userId: assessment.userId, targetSkillIds, previousKnowledgeElements: previousKnowledgeElementsFor(assessment, [], () => undefined), method: assessment.method },
    orderAssessmentAnswers(answers).effective,
  );
  return { assessment, step, results: answers.map((a) => [a.id, a.result]).sort() };
}
