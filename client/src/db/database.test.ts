/**
 * The local database opens with RxDB's dev-mode checks (schema validity, reserved field names such as a
 * top-level `collection`, which broke receipts once), stores and reads documents of every collection;
 * the campaigns and screen state added later open on existing databases and leave with the database.
 */
import 'fake-indexeddb/auto';
import { createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import { databaseName, openUserDatabase, readProfile, removeUserDatabase, saveProfile } from './database';
import { campaignParticipationSchema, profileSchema } from './schemas';

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

describe('campaigns and local state live in the user database', () => {
  const at = '2026-01-01T10:00:00.000Z';
  const campaign = {
    id: 'c1', code: 'CLGJMB302', name: 'Parcours de rentrée 3e — 3e B', title: null, type: 'ASSESSMENT' as const, targetProfileId: 'tp-rentree-3e',
    customLandingMessage: null, idPixLabel: null, organizationName: 'Collège Jean Moulin (démo)', division: '3e B', method: 'BAYES' as const, updatedAt: at,
  };

  it('stores campaigns and local state, and loses both with the database at logout', async () => {
    const userId = '1f8f5c2e-1111-4222-8333-944445555666';
    let db = await openUserDatabase(userId);
    await db.campaigns.insert(campaign);
    await db.localState.insert({ id: 'rules-seen', value: '1', updatedAt: at });
    expect((await db.campaigns.findOne('c1').exec())?.targetProfileId).toBe('tp-rentree-3e');
    await expect(db.campaigns.insert({ ...campaign, id: 'c2', code: undefined } as never)).rejects.toThrow();
    await removeUserDatabase(userId);
    db = await openUserDatabase(userId);
    expect(await db.campaigns.find().exec()).toEqual([]);
    expect(await db.localState.find().exec()).toEqual([]);
    await removeUserDatabase(userId);
  });

  it('a database created before these collections existed opens with them, its documents kept', async () => {
    const userId = '2f8f5c2e-1111-4222-8333-944445555666';
    const storage = wrappedValidateAjvStorage({ storage: getRxStorageDexie() });
    const old = await createRxDatabase({ name: databaseName(userId), storage, multiInstance: true, closeDuplicates: true });
    await old.addCollections({ profile: { schema: profileSchema }, participations: { schema: campaignParticipationSchema } });
    await old.participations.insert({ id: 'p1', campaignId: 'c1', userId, status: 'STARTED', participantExternalId: null, createdAt: at, sharedAt: null, updatedAt: at });
    await old.close();
    const db = await openUserDatabase(userId);
    expect((await db.participations.find().exec()).map((p) => p.id)).toEqual(['p1']);
    await db.campaigns.insert(campaign);
    expect(await db.campaigns.count().exec()).toBe(1);
    await removeUserDatabase(userId);
  });
});
