/**
 * What the local database keeps across an upgrade and a logout: a database of an earlier version opens
 * with the second receipts, its receipts unchanged; logout recreates the database with only the documents
 * it is given, and a logout interrupted before they were restored finishes at the next login.
 */
import 'fake-indexeddb/auto';
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import { databaseName, openUserDatabase, recoverKeptDocuments, recreateUserDatabase, removeUserDatabase, type ReplicatedDocuments } from './database';
import { answerSchema, syncReceiptSchema, type AnswerDoc } from './schemas';

const at = '2026-01-01T10:00:00.000Z';
const answer = (id: string): AnswerDoc => ({ id, userId: 'u', assessmentId: 'a1', challengeId: 'c', value: '1', timeout: null, focusedOut: false, timeSpent: 3, createdAt: at, result: 'ok', updatedAt: at });
const none: ReplicatedDocuments = { answers: [], assessments: [], participations: [], tutorials: [] };

async function dexieNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '').sort();
}

describe('pupil database: receipts upgrade and logout', () => {
  it('a database created before second receipts existed opens with them, its receipts unchanged', async () => {
    const userId = '11111111-1111-4111-8111-000000000001';
    const storage = wrappedValidateAjvStorage({ storage: getRxStorageDexie() });
    const old = await createRxDatabase({ name: databaseName(userId), storage, multiInstance: false });
    await old.addCollections({ answers: { schema: answerSchema }, receipts: { schema: syncReceiptSchema } });
    await old.answers.insert(answer('x1'));
    await old.receipts.insert({ id: 'answers:x1', syncCollection: 'answers', updatedAt: at, at });
    await old.close();

    const db = await openUserDatabase(userId);
    expect((await db.receipts.find().exec()).map((r) => r.toJSON())).toEqual([{ id: 'answers:x1', syncCollection: 'answers', updatedAt: at, at }]);
    await db.transmissions.insert({ id: 'answers:x1', syncCollection: 'answers', updatedAt: at, state: 'transmitted', reason: null, at });
    expect((await db.transmissions.findOne('answers:x1').exec())?.state).toBe('transmitted');
    await removeUserDatabase(userId);
  });

  it('logout recreates the database with only the documents kept: no receipt, no profile, no other document', async () => {
    const userId = '11111111-1111-4111-8111-000000000002';
    const db = await openUserDatabase(userId);
    await db.profile.insert({ id: userId, firstName: 'Léa', lastName: 'Martin', email: null, username: 'lea', details: '{}', updatedAt: at });
    await db.assessments.insert({ id: 'a1', userId: 'u', type: 'COMPETENCE_EVALUATION', state: 'started', method: 'SMART_RANDOM', competenceId: 'c1', createdAt: at, updatedAt: at });
    await db.answers.bulkInsert([answer('acked'), answer('pending')]);
    await db.receipts.bulkInsert([
      { id: 'answers:acked', syncCollection: 'answers', updatedAt: at, at },
      { id: 'assessments:a1', syncCollection: 'assessments', updatedAt: at, at },
    ]);
    await db.transmissions.insert({ id: 'answers:acked', syncCollection: 'answers', updatedAt: at, state: 'transmitted', reason: null, at });
    await recreateUserDatabase(userId, { ...none, answers: [answer('pending')] });

    const after = await openUserDatabase(userId);
    expect(after).not.toBe(db);
    expect((await after.answers.find().exec()).map((a) => a.toJSON())).toEqual([answer('pending')]);
    expect(await after.assessments.count().exec()).toBe(0);
    expect(await after.receipts.count().exec()).toBe(0);
    expect(await after.transmissions.count().exec()).toBe(0);
    expect(await after.profile.count().exec()).toBe(0);
    expect((await dexieNames()).filter((n) => n.includes('-sortie'))).toEqual([]);
    await removeUserDatabase(userId);
  });

  it('nothing kept: the database is deleted, no staging database is left', async () => {
    const userId = '11111111-1111-4111-8111-000000000003';
    const db = await openUserDatabase(userId);
    await db.answers.insert(answer('acked'));
    await recreateUserDatabase(userId, none);
    expect((await dexieNames()).filter((n) => n.includes('-sortie'))).toEqual([]);
    const after = await openUserDatabase(userId);
    expect(await after.answers.count().exec()).toBe(0);
    await removeUserDatabase(userId);
  });

  it('a logout interrupted after the deletion loses nothing: the next login restores what was kept', async () => {
    const userId = '11111111-1111-4111-8111-000000000004';
    // what recreateUserDatabase leaves when the tab closes right after deleting the database: the staging one
    const storage = wrappedValidateAjvStorage({ storage: getRxStorageDexie() });
    const staging = await createRxDatabase({ name: `${databaseName(userId)}-sortie`, storage, multiInstance: false });
    const stagedSchema: RxJsonSchema<{ id: string; json: string }> = {
      version: 0, primaryKey: 'id', type: 'object', properties: { id: { type: 'string', maxLength: 300 }, json: { type: 'string' } }, required: ['id', 'json'],
    };
    await staging.addCollections({ kept: { schema: stagedSchema } });
    await staging.kept.insert({ id: 'answers:pending', json: JSON.stringify(answer('pending')) });
    await staging.close();

    const db = await openUserDatabase(userId);
    await db.answers.insert(answer('pulled-again'));
    expect(await recoverKeptDocuments(db, userId)).toBe(1);
    expect((await db.answers.find().exec()).map((a) => a.id).sort()).toEqual(['pending', 'pulled-again']);
    expect((await dexieNames()).filter((n) => n.includes('-sortie'))).toEqual([]);
    expect(await recoverKeptDocuments(db, userId)).toBe(0);
    await removeUserDatabase(userId);
  });
});
