/**
 * The local database opens with RxDB's dev-mode checks (schema validity, reserved field names such as a
 * top-level `collection`, which broke receipts once), stores and reads documents of every collection.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openUserDatabase, readProfile, removeUserDatabase, saveProfile } from './database';

describe('pupil database', () => {
  it('opens under dev-mode validation and round-trips every collection', async () => {
    const db = await openUserDatabase('0f8f5c2e-1111-4222-8333-944445555666');
    await saveProfile(
      db,
      { id: '0f8f5c2e-1111-4222-8333-944445555666', firstName: 'Léa', lastName: 'Martin', email: null, username: 'lea.martin1403', organizations: [], certificationCenters: [], learnerOf: [] },
      new Date('2026-01-01T00:00:00Z'),
    );
    expect((await readProfile(db, '0f8f5c2e-1111-4222-8333-944445555666'))?.firstName).toBe('Léa');
    const at = '2026-01-01T10:00:00.000Z';
    await db.assessments.insert({ id: 'a1', userId: 'u', type: 'COMPETENCE_EVALUATION', state: 'started', method: 'SMART_RANDOM', competenceId: 'competence-1-1', createdAt: at, updatedAt: at });
    await db.answers.insert({ id: 'x1', userId: 'u', assessmentId: 'a1', challengeId: 'c', value: '1', timeout: null, focusedOut: false, timeSpent: 3, createdAt: at, result: 'ok', updatedAt: at });
    await db.participations.insert({ id: 'p1', campaignId: 'c1', userId: 'u', status: 'STARTED', participantExternalId: null, createdAt: at, sharedAt: null, updatedAt: at });
    await db.tutorials.insert({ id: 'u:t1', userId: 'u', tutorialId: 't1', saved: true, useful: null, updatedAt: at });
    await db.receipts.insert({ id: 'answers:x1', syncCollection: 'answers', updatedAt: at, at });
    const receipts = await db.receipts.find({ selector: { syncCollection: 'answers' } }).exec();
    expect(receipts.map((r) => r.id)).toEqual(['answers:x1']);
    expect((await db.answers.find({ selector: { assessmentId: 'a1' } }).exec()).map((a) => a.result)).toEqual(['ok']);
    // dev-mode validation is really on: a document that breaks its schema is refused
    await expect(db.answers.insert({ id: 'x2', userId: 'u', assessmentId: 'a1' } as never)).rejects.toThrow();
    await removeUserDatabase('0f8f5c2e-1111-4222-8333-944445555666');
  });
});
