/**
 * RxDB collection schemas of the pupil's local database (one database per user on a device). The
 * documents mirror the sync collections of the node (answers, assessments, campaign participations,
 * tutorials saved/"Tuto utile"); knowledge elements and scores are derived from them, never stored.
 */
import type { RxJsonSchema } from 'rxdb';
import type {
  AnswerDoc as SyncAnswerDoc,
  AssessmentDoc as SyncAssessmentDoc,
  CampaignParticipationDoc as SyncParticipationDoc,
  UserTutorialDoc as SyncUserTutorialDoc,
} from '../../../shared/src/sync/protocol';

export interface ProfileDoc {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  username: string | null;
  /** JSON of the rest of /api/me (organisations, classes) */
  details: string;
  updatedAt: string;
}

// The replicated documents are the sync protocol's (shared/src/sync/protocol.ts); RxDB keeps `_deleted` itself.
export type AnswerDoc = Omit<SyncAnswerDoc, '_deleted'>;
export type AssessmentDoc = Omit<SyncAssessmentDoc, '_deleted'>;
export type CampaignParticipationDoc = Omit<SyncParticipationDoc, '_deleted'>;
export type UserTutorialDoc = Omit<SyncUserTutorialDoc, '_deleted'>;

/**
 * A document version the node holds, durably (pushed and acknowledged, or pulled from it): a local
 * document is waiting for the sync while its updatedAt differs from its receipt's. Drives "N réponses en
 * attente" and what logging out keeps on the device (only what has no receipt). The second receipt,
 * central's, is a TransmissionDoc.
 */
export interface SyncReceiptDoc {
  /** `${collection}:${documentId}` */
  id: string;
  /** not "collection": RxDB documents already have a `collection` property */
  syncCollection: string;
  updatedAt: string;
  at: string;
}

/**
 * The second receipt (sync/receipt-levels.ts): central holds this version of the document (« transmis »),
 * or refused it for good (parked in the relay's outbox, with the reason). On central it follows the
 * node's acknowledgement at once; on a relay, `GET /api/sync/receipts` tells. A collection of its own,
 * added after the first release: existing local databases open with it, their receipts unchanged.
 */
export interface TransmissionDoc {
  /** `${collection}:${documentId}`, as its receipt */
  id: string;
  syncCollection: string;
  /** the version (updatedAt) it is about: a newer local version has no second receipt yet */
  updatedAt: string;
  state: 'transmitted' | 'parked';
  /** parked: central's French reason */
  reason: string | null;
  /** when the device learnt it */
  at: string;
}

const str = { type: 'string' } as const;
const key = { type: 'string', maxLength: 100 } as const;
const nullableStr = { type: ['string', 'null'] } as const;

export const profileSchema: RxJsonSchema<ProfileDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: key, firstName: str, lastName: str, email: nullableStr, username: nullableStr, details: str, updatedAt: str },
  required: ['id', 'firstName', 'lastName', 'details', 'updatedAt'],
};

/** Version 1 adds `receivedAt` (the node's reception stamp, ADR 0001): older documents are unchanged. */
export const answerSchema: RxJsonSchema<AnswerDoc> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: key,
    userId: str,
    assessmentId: key,
    challengeId: str,
    value: str,
    timeout: { type: ['number', 'null'] },
    focusedOut: { type: 'boolean' },
    timeSpent: { type: 'number' },
    createdAt: { type: 'string', maxLength: 40 },
    receivedAt: str,
    result: str,
    resultDetails: { type: 'object' },
    clientResult: str,
    superseded: { type: 'boolean' },
    serverSeq: { type: 'number' },
    updatedAt: str,
  },
  required: ['id', 'userId', 'assessmentId', 'challengeId', 'value', 'timeout', 'focusedOut', 'timeSpent', 'createdAt', 'result', 'updatedAt'],
  indexes: ['assessmentId', 'createdAt'],
};

export const answerMigrations = { 1: (doc: AnswerDoc) => doc };

export const assessmentSchema: RxJsonSchema<AssessmentDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: key,
    userId: str,
    type: str,
    state: str,
    method: str,
    competenceId: str,
    campaignParticipationId: str,
    certificationCourseId: str,
    isImproving: { type: 'boolean' },
    resetAt: str,
    completedAt: str,
    createdAt: str,
    updatedAt: str,
    serverSeq: { type: 'number' },
  },
  required: ['id', 'userId', 'type', 'state', 'method', 'createdAt', 'updatedAt'],
};

export const campaignParticipationSchema: RxJsonSchema<CampaignParticipationDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: key,
    campaignId: str,
    userId: str,
    status: str,
    participantExternalId: nullableStr,
    createdAt: str,
    sharedAt: nullableStr,
    updatedAt: str,
    serverSeq: { type: 'number' },
  },
  required: ['id', 'campaignId', 'userId', 'status', 'createdAt', 'updatedAt'],
};

export const userTutorialSchema: RxJsonSchema<UserTutorialDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: key,
    userId: str,
    tutorialId: str,
    saved: { type: 'boolean' },
    useful: { type: ['boolean', 'null'] },
    updatedAt: str,
    serverSeq: { type: 'number' },
  },
  required: ['id', 'userId', 'tutorialId', 'saved', 'updatedAt'],
};

export const transmissionSchema: RxJsonSchema<TransmissionDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 300 },
    syncCollection: { type: 'string', maxLength: 40 },
    updatedAt: str,
    state: { type: 'string', enum: ['transmitted', 'parked'] },
    reason: nullableStr,
    at: str,
  },
  required: ['id', 'syncCollection', 'updatedAt', 'state', 'reason', 'at'],
  indexes: ['syncCollection'],
};

export const syncReceiptSchema: RxJsonSchema<SyncReceiptDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 300 }, syncCollection: { type: 'string', maxLength: 40 }, updatedAt: str, at: str },
  required: ['id', 'syncCollection', 'updatedAt', 'at'],
  indexes: ['syncCollection'],
};
