/**
 * The node's reception stamp (`receivedAt`, ADR 0001) is part of the local answers (schema v1): pulled
 * answers keep it under dev-mode validation, and a database created with schema v0 migrates, its
 * answers kept (a pupil's unsynced answers survive the upgrade).
 */
import 'fake-indexeddb/auto';
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import { databaseName, openUserDatabase, removeUserDatabase } from './database';
import { answerSchema, type AnswerDoc } from './schemas';

const at = '2026-01-01T10:00:00.000Z';
const answer = { id: 'x1', userId: 'u', assessmentId: 'a1', challengeId: 'c', value: '1', timeout: null, focusedOut: false, timeSpent: 3, createdAt: at, result: 'ok' as const, updatedAt: at };

describe('answers carry the node stamp', () => {
  it('stores receivedAt under dev-mode validation', async () => {
    const userId = '3f8f5c2e-1111-4222-8333-944445555666';
    const db = await openUserDatabase(userId);
    await db.answers.insert({ ...answer, receivedAt: '2026-01-01T10:00:02.000Z' });
    expect((await db.answers.findOne('x1').exec())?.toJSON().receivedAt).toBe('2026-01-01T10:00:02.000Z');
    await removeUserDatabase(userId);
  });

  it('a database of schema v0 migrates with its answers', async () => {
    const userId = '4f8f5c2e-1111-4222-8333-944445555666';
    const { receivedAt: _stamp, ...v0Properties } = answerSchema.properties;
    const v0 = { ...answerSchema, version: 0, properties: v0Properties } as unknown as RxJsonSchema<AnswerDoc>;
    const old = await createRxDatabase({ name: databaseName(userId), storage: wrappedValidateAjvStorage({ storage: getRxStorageDexie() }), multiInstance: true, closeDuplicates: true });
    await old.addCollections({ answers: { schema: v0 } });
    await old.answers.insert(answer);
    await old.close();
    const db = await openUserDatabase(userId);
    expect((await db.answers.find().exec()).map((a) => a.id)).toEqual(['x1']);
    await removeUserDatabase(userId);
  });
});
