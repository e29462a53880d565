/**
 * Test fixtures for sync: a small content pack (two competences, one target profile), builders of
 * replicated documents with sensible defaults, and push/pull helpers over `app.request`.
 */
import type { Hono } from 'hono';
import { indexPack } from '../../../shared/src/model/pack-index';
import { competenceIdOf } from '../../../shared/src/model/referential';
import type {
  AnswerDoc, AssessmentDoc, CampaignParticipationDoc, PullResponse, PushResponse, SyncCollection, SyncDoc,
} from '../../../shared/src/sync/protocol';
import { buildPack, buildTargetProfile, tubeIdOf } from '../../../shared/src/testing/builders';
import { findUserByLogin, firstOrganizationId } from '../auth/user-repository';
import type { Db } from '../db/database';
import { insertCampaign as insertCampaignRow } from '../orga/campaign-repository';

export const COMPETENCE_1_1 = competenceIdOf('1.1');
export const COMPETENCE_1_2 = competenceIdOf('1.2');

/** The fixtures' small pack (two competences: @web, @mail; @data), with these target profiles. */
export function testPackIndex(version: string, targetProfiles: ReturnType<typeof buildTargetProfile>[]) {
  return indexPack(
    buildPack({
      version,
      competences: [
        { index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3, 4] }, { name: '@mail', levels: [1, 2, 3] }] },
        { index: '1.2', tubes: [{ name: '@data', levels: [1, 2, 3] }] },
      ],
      targetProfiles,
    }),
  );
}

export const testIndex = testPackIndex('sync-test', [buildTargetProfile({ id: 'tp-web', cappedTubes: [{ tubeId: tubeIdOf('@web'), level: 2 }] })]);

export type Headers = Record<string, string>;

export function userIdOf(db: Db, login: string): string {
  const user = findUserByLogin(db, login);
  if (!user) throw new Error(`no user ${login}`);
  return user.id;
}

export function organizationIdOf(db: Db): string {
  const id = firstOrganizationId(db);
  if (!id) throw new Error('no organisation');
  return id;
}

let counter = 0;
/**
 * A fresh UUID (v4 layout, as devices create them) that sorts in creation order: the first group
 * spells the prefix in hex (`as` → 61730000), the last one counts.
 */
export function freshId(prefix: string): string {
  counter++;
  const tag = [...prefix.slice(0, 4)].map((c) => (c.charCodeAt(0) & 0xff).toString(16).padStart(2, '0')).join('').padEnd(8, '0');
  return `${tag}-0000-4000-8000-${counter.toString().padStart(12, '0')}`;
}

export function assessmentDoc(overrides: Partial<AssessmentDoc> & { userId: string }): AssessmentDoc {
  return {
    id: freshId('as'), type: 'COMPETENCE_EVALUATION', state: 'started', method: 'SMART_RANDOM', competenceId: COMPETENCE_1_1,
    createdAt: '2026-11-23T09:00:00.000Z', updatedAt: '2026-11-23T09:00:00.000Z', _deleted: false, ...overrides,
  };
}

export function answerDoc(overrides: Partial<AnswerDoc> & { userId: string; assessmentId: string; challengeId: string }): AnswerDoc {
  const createdAt = overrides.createdAt ?? '2026-11-23T09:01:00.000Z';
  return {
    id: freshId('an'), value: '1', timeout: null, focusedOut: false, timeSpent: 12, createdAt, result: 'ok', updatedAt: createdAt, _deleted: false,
    ...overrides,
  };
}

export function participationDoc(overrides: Partial<CampaignParticipationDoc> & { userId: string; campaignId: string }): CampaignParticipationDoc {
  return {
    id: freshId('cp'), status: 'STARTED', participantExternalId: null, createdAt: '2026-11-23T08:59:00.000Z', sharedAt: null,
    updatedAt: '2026-11-23T08:59:00.000Z', _deleted: false, ...overrides,
  };
}

export function insertCampaign(db: Db, organizationId: string, overrides: { id?: string; code?: string; targetProfileId?: string } = {}): string {
  const id = overrides.id ?? freshId('camp');
  insertCampaignRow(db, {
    id, code: overrides.code ?? `ABCDEF${String(counter).padStart(3, '1').slice(-3)}`, organizationId, name: 'Rentrée numérique',
    targetProfileId: overrides.targetProfileId ?? 'tp-web', createdAt: '2026-11-01T00:00:00.000Z',
  });
  return id;
}

export async function push<T extends SyncDoc>(
  app: Hono<never> | { request: Hono['request'] },
  headers: Headers,
  collection: SyncCollection,
  docs: T[],
): Promise<{ status: number; body: PushResponse<T> }> {
  const response = await app.request(`/api/sync/${collection}/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ rows: docs.map((doc) => ({ newDocumentState: doc })) }),
  });
  return { status: response.status, body: (await response.json()) as PushResponse<T> };
}

export async function pullAll<T extends SyncDoc>(app: { request: Hono['request'] }, headers: Headers, collection: SyncCollection, limit = 3): Promise<T[]> {
  const docs: T[] = [];
  let checkpoint = { seq: 0, id: '' };
  for (let i = 0; i < 1000; i++) {
    const response = await app.request(`/api/sync/${collection}/pull?seq=${checkpoint.seq}&id=${encodeURIComponent(checkpoint.id)}&limit=${limit}`, { headers });
    if (response.status !== 200) throw new Error(`pull ${collection} → ${response.status}`);
    const page = (await response.json()) as PullResponse<T>;
    docs.push(...page.documents);
    if (!page.checkpoint) break;
    checkpoint = page.checkpoint;
  }
  // Latest version of each document wins (a document pulled twice was changed in between).
  const latest = new Map<string, T>();
  for (const doc of docs) latest.set(doc.id, doc);
  return [...latest.values()];
}
