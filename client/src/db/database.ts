/**
 * The local database of one user on this device (RxDB on Dexie/IndexedDB). Each pupil of a shared PC gets
 * a separate database, named after their id, holding ALL of their local state: replicated documents,
 * the campaigns they joined, screen state (local-state.ts). Removing it at logout leaves nothing of them.
 * Local storage goes only through db/ (this module, and device.ts for the signed-in user pointer).
 */
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { Me } from '../api/types';
import {
  answerSchema,
  assessmentSchema,
  campaignParticipationSchema,
  profileSchema,
  syncReceiptSchema,
  userTutorialSchema,
  type AnswerDoc,
  type AssessmentDoc,
  type CampaignParticipationDoc,
  type ProfileDoc,
  type SyncReceiptDoc,
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
    answers: { schema: answerSchema },
    assessments: { schema: assessmentSchema },
    participations: { schema: campaignParticipationSchema },
    tutorials: { schema: userTutorialSchema },
    receipts: { schema: syncReceiptSchema },
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
