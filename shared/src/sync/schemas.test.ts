/** Ids in the replication schemas: device-created ids are UUIDs, other references well-formed text. */
import { describe, expect, it } from 'vitest';
import { docSchemas } from './schemas';

const ANSWER = '4f1c2a9e-0b7d-4c3e-9a61-2d8f5e7b1c04';
const ASSESSMENT = '9b2e7d14-5a3c-4f08-8e6b-1c0d2a4f7e93';
const PARTICIPATION = 'c3a8f1e2-7d94-4b60-a15e-8f2c6d9b0a17';
const at = '2026-11-23T09:01:00.000Z';

const answer = (overrides: Record<string, unknown> = {}) => ({
  id: ANSWER, userId: 'user-demo-1', assessmentId: ASSESSMENT, challengeId: 'recAbc123', value: '1', timeout: null, focusedOut: false,
  timeSpent: 3, createdAt: at, result: 'ok', updatedAt: at, ...overrides,
});
const assessment = (overrides: Record<string, unknown> = {}) => ({
  id: ASSESSMENT, userId: 'user-demo-1', type: 'CAMPAIGN', state: 'started', method: 'BAYES', campaignParticipationId: PARTICIPATION,
  createdAt: at, updatedAt: at, ...overrides,
});
const participation = (overrides: Record<string, unknown> = {}) => ({
  id: PARTICIPATION, campaignId: 'camp-rentree', userId: 'user-demo-1', status: 'STARTED', participantExternalId: null, createdAt: at,
  sharedAt: null, updatedAt: at, ...overrides,
});
const tutorial = (overrides: Record<string, unknown> = {}) => ({
  id: 'user-demo-1:tuto-web', userId: 'user-demo-1', tutorialId: 'tuto-web', saved: true, useful: null, updatedAt: at, ...overrides,
});

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('document ids', () => {
  it('accepts UUIDs for device-created ids and references, free text for users, content and campaigns', () => {
    expect(issues(docSchemas.answers.safeParse(answer()))).toEqual([]);
    expect(issues(docSchemas.assessments.safeParse(assessment()))).toEqual([]);
    expect(issues(docSchemas['campaign-participations'].safeParse(participation()))).toEqual([]);
    expect(issues(docSchemas['user-tutorials'].safeParse(tutorial()))).toEqual([]);
  });

  it.each([
    ['answers', answer({ id: 'an-000001' }), 'id: identifiant UUID attendu'],
    ['answers', answer({ id: '\ud800' }), 'id: identifiant UUID attendu'],
    ['answers', answer({ assessmentId: 'as-order' }), 'assessmentId: identifiant UUID attendu'],
    ['assessments', assessment({ id: `${ASSESSMENT}x` }), 'id: identifiant UUID attendu'],
    ['assessments', assessment({ campaignParticipationId: 'cp-1' }), 'campaignParticipationId: identifiant UUID attendu'],
    ['campaign-participations', participation({ id: '' }), 'id: identifiant UUID attendu'],
  ] as const)('%s: a non-UUID id is refused (%s)', (collection, doc, message) => {
    expect(issues(docSchemas[collection].safeParse(doc))).toEqual([message]);
  });

  it.each([
    ['a lone high surrogate', 'user\ud800'],
    ['a lone low surrogate', '\udc00user'],
    ['a reversed pair', '\udc00\ud800'],
  ])('a reference with %s is refused, a real pair is not', (_label, userId) => {
    const message = 'userId: identifiant mal formé (caractère Unicode isolé)';
    expect(issues(docSchemas.answers.safeParse(answer({ userId })))).toEqual([message]);
    expect(issues(docSchemas['user-tutorials'].safeParse(tutorial({ tutorialId: userId })))).toEqual(['tutorialId: identifiant mal formé (caractère Unicode isolé)']);
    expect(issues(docSchemas.answers.safeParse(answer({ userId: 'élève 😀' })))).toEqual([]);
  });
});
