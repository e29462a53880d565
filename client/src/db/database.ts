/**
 * The local database of one user on this device (RxDB on Dexie/IndexedDB). Each pupil of a shared PC gets
 * a separate database, named after their id, holding ALL of their local state: replicated documents,
 * the campaigns they joined, screen state (local-state.ts). Removing it at logout leaves nothing of them.
 * Local storage goes only through db/ (this module, and device.ts for the signed-in user pointer).
 */
import { addRxPlugin, createRxDatabase, removeRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { Me } from '../api/types';
import {
  answerMigrations,
  answerSchema,
  assessmentSchema,
  campaignParticipationSchema,
  profileSchema,
  syncReceiptSchema,
  transmissionSchema,
  userTutorialSchema,
  type AnswerDoc,
  type AssessmentDoc,
  type CampaignParticipationDoc,
  type ProfileDoc,
  type SyncReceiptDoc,
  type TransmissionDoc,
  type UserTutorialDoc,
} from './schemas';
import { campaignSchema, localStateSchema, type CampaignDoc, type LocalStateDoc } from './local-schemas';

export type PupilCollections = {
  profile: RxCollection<ProfileDoc>;
  answers: RxCollection<AnswerDoc>;
  assessments: RxCollection<AssessmentDoc>;
  participations: RxCollection<CampaignParticipationDoc>;
  tutorials: RxCollection<UserTutorialDoc>;
  receipts: RxCollection<SyncReceiptDoc>;
  /** second receipts: central holds the version, or refused it (sync/receipt-levels.ts) */
  transmissions: RxCollection<TransmissionDoc>;
  /** the campaigns this user joined (not replicated: fetched from the node, pupil/campaigns.ts) */
  campaigns: RxCollection<CampaignDoc>;
  /** screen state of this user on this device (local-state.ts) */
  localState: RxCollection<LocalStateDoc>;
};
export type PupilDatabase = RxDatabase<PupilCollections>;

const open = new Map<string, Promise<PupilDatabase>>();

export function databaseName(userId: string): string {
  return `pix-${userId.toLowerCase().replace(/[^a-z0-9-]/g, '')}`;
}

// Schema versions move on (answers v1: the node's `receivedAt` stamp); existing local documents migrate.
addRxPlugin(RxDBMigrationSchemaPlugin);

async function create(userId: string): Promise<PupilDatabase> {
  let storage = getRxStorageDexie();
  if (import.meta.env.DEV) {
    const [{ addRxPlugin }, devMode, { wrappedValidateAjvStorage }] = await Promise.all([
      import('rxdb'),
      import('rxdb/plugins/dev-mode'),
      import('rxdb/plugins/validate-ajv'),
    ]);
    devMode.disableWarnings();
    addRxPlugin(devMode.RxDBDevModePlugin);
    storage = wrappedValidateAjvStorage({ storage }) as typeof storage;
  }
  const db = await createRxDatabase<PupilCollections>({
    name: databaseName(userId),
    storage,
    multiInstance: true,
    closeDuplicates: true,
  });
  await db.addCollections({
    profile: { schema: profileSchema },
    answers: { schema: answerSchema, migrationStrategies: answerMigrations },
    assessments: { schema: assessmentSchema },
    participations: { schema: campaignParticipationSchema },
    tutorials: { schema: userTutorialSchema },
    receipts: { schema: syncReceiptSchema },
    transmissions: { schema: transmissionSchema },
    // added after the first release: new collections open on existing local databases as they are
    campaigns: { schema: campaignSchema },
    localState: { schema: localStateSchema },
  });
  return db;
}

/**
 * Opens (once) the database of the user signing in, after closing any other user's still open (one kept
 * at logout because the node lacked some of it): one pupil at a time per page, and RxDB's open-source
 * edition caps the collections open at once (13), less than two users' databases.
 */
export function openUserDatabase(userId: string): Promise<PupilDatabase> {
  let db = open.get(userId);
  if (!db) {
    const others = [...open.entries()].filter(([id]) => id !== userId);
    for (const [id] of others) open.delete(id);
    const closed = Promise.all(others.map(async ([, other]) => (await other.catch(() => null))?.close()));
    db = closed.then(() => create(userId));
    open.set(userId, db);
    db.catch(() => open.delete(userId));
  }
  return db;
}

export async function saveProfile(db: PupilDatabase, me: Me, now: Date): Promise<void> {
  const { id, firstName, lastName, email, username, ...rest } = me;
  await db.profile.upsert({ id, firstName, lastName, email, username, details: JSON.stringify(rest), updatedAt: now.toISOString() });
}

export async function readProfile(db: PupilDatabase, userId: string): Promise<ProfileDoc | null> {
  const doc = await db.profile.findOne(userId).exec();
  return doc ? doc.toJSON() : null;
}

/** Closes and deletes a user's local database (logout once everything is synced). */
export async function removeUserDatabase(userId: string): Promise<void> {
  const db = open.get(userId);
  open.delete(userId);
  if (db) await (await db).remove();
}

/** The replicated documents of one user, by local collection (at logout: those the node does not hold yet). */
export interface ReplicatedDocuments {
  answers: AnswerDoc[];
  assessments: AssessmentDoc[];
  participations: CampaignParticipationDoc[];
  tutorials: UserTutorialDoc[];
}
const REPLICATED = ['answers', 'assessments', 'participations', 'tutorials'] as const;

/** A kept document while the database is recreated, as JSON text (one collection: RxDB caps open collections). */
interface StagedDoc {
  id: string;
  json: string;
}
type StagingDatabase = RxDatabase<{ kept: RxCollection<StagedDoc> }>;
const stagedSchema: RxJsonSchema<StagedDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 300 }, json: { type: 'string' } },
  required: ['id', 'json'],
};

function stagingName(userId: string): string {
  return `${databaseName(userId)}-sortie`;
}

async function openStaging(userId: string): Promise<StagingDatabase> {
  let storage = getRxStorageDexie();
  if (import.meta.env.DEV) {
    const { wrappedValidateAjvStorage } = await import('rxdb/plugins/validate-ajv');
    storage = wrappedValidateAjvStorage({ storage }) as typeof storage;
  }
  const db = await createRxDatabase<{ kept: RxCollection<StagedDoc> }>({ name: stagingName(userId), storage, multiInstance: false, closeDuplicates: true });
  await db.addCollections({ kept: { schema: stagedSchema } });
  return db;
}

/** Copies into `db` the staged documents it lacks, then deletes the staging database. */
async function unstage(db: PupilDatabase, staging: StagingDatabase): Promise<number> {
  const staged = (await staging.kept.find().exec()).map((d) => d.toJSON());
  let copied = 0;
  for (const name of REPLICATED) {
    const docs = staged.filter((d) => d.id.startsWith(`${name}:`)).map((d) => JSON.parse(d.json) as ReplicatedDocuments[typeof name][number]);
    // bulkInsert reports the documents already there as errors without throwing: those stay as they are
    if (docs.length > 0) copied += (await (db[name] as RxCollection<(typeof docs)[number]>).bulkInsert(docs)).success.length;
  }
  const name = staging.name;
  await staging.remove();
  // RxDB empties a removed database's IndexedDB stores without deleting them: delete them, so that the
  // next login finds no staging database to look into
  if (typeof indexedDB.databases === 'function') {
    const prefix = `rxdb-dexie-${name}--`;
    const names = (await indexedDB.databases()).flatMap((info) => (info.name?.startsWith(prefix) ? [info.name] : []));
    await Promise.all(names.map((n) => new Promise<void>((done) => {
      const request = indexedDB.deleteDatabase(n);
      request.onsuccess = request.onerror = request.onblocked = () => done();
    })));
  }
  return copied;
}

/**
 * Logout on a shared PC, the sync stopped: deletes the user's whole local database (what the node holds,
 * the replication state, screen state) and recreates it holding only `keep`, the documents the node does
 * not hold yet; they leave at this user's next login here. Nothing is deleted document by document (a
 * live replication would push deletions). `keep` is first written to a staging database, deleted last: a
 * tab closed in between loses nothing, `recoverKeptDocuments` finishes the move at the next login.
 */
export async function recreateUserDatabase(userId: string, keep: ReplicatedDocuments): Promise<void> {
  const staged = REPLICATED.flatMap((name) => keep[name].map((doc) => ({ id: `${name}:${doc.id}`, json: JSON.stringify(doc) })));
  const staging = staged.length > 0 ? await openStaging(userId) : null;
  await staging?.kept.bulkUpsert(staged);
  const current = open.get(userId);
  open.delete(userId);
  if (current) await (await current).remove();
  else await removeRxDatabase(databaseName(userId), getRxStorageDexie());
  if (!staging) return;
  const db = await openUserDatabase(userId);
  await unstage(db, staging);
  // closed, not left open: RxDB caps the collections open at once, and the next pupil needs theirs
  open.delete(userId);
  await db.close();
}

/** At login: finishes a logout interrupted between deleting the database and restoring what it kept. */
export async function recoverKeptDocuments(db: PupilDatabase, userId: string): Promise<number> {
  const prefix = `rxdb-dexie-${stagingName(userId)}--`;
  if (typeof indexedDB.databases === 'function' && !(await indexedDB.databases()).some((info) => info.name?.startsWith(prefix))) return 0;
  return unstage(db, await openStaging(userId));
}
