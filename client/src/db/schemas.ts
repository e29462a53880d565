/**
 * RxDB collection schemas of the pupil's local database (one database per user on a device). The
 * documents mirror the sync collections of the node (answers, assessments, campaign participations,
 * tutorials saved/"Tuto utile"); knowledge elements and scores are derived from them, never stored.
 */
import type { RxJsonSchema } from 'rxdb';
import type { AnswerEvent, Assessment } from '../../../shared/src/model/types';

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

export type AnswerDoc = AnswerEvent & { updatedAt: string };
export type AssessmentDoc = Assessment;

export interface CampaignParticipationDoc {
  id: string;
  campaignId: string;
  campaignCode: string;
  userId: string;
  status: 'STARTED' | 'TO_SHARE' | 'SHARED';
  participantExternalId: string | null;
  createdAt: string;
  sharedAt: string | null;
  updatedAt: string;
}

export interface UserTutorialDoc {
  /** `${userId}:${tutorialId}` */
  id: string;
  userId: string;
  tutorialId: string;
  saved: boolean;
  /** "Tuto utile" */
  useful: boolean | null;
  updatedAt: string;
}

/** Ids of local documents the node has acknowledged (drives "N réponses en attente"). */
export interface SyncReceiptDoc {
  id: string;
  collection: string;
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

export const answerSchema: RxJsonSchema<AnswerDoc> = {
  version: 0,
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
    result: str,
    resultDetails: { type: 'object' },
    updatedAt: str,
  },
  required: ['id', 'userId', 'assessmentId', 'challengeId', 'value', 'timeout', 'focusedOut', 'timeSpent', 'createdAt', 'result', 'updatedAt'],
  indexes: ['assessmentId', 'createdAt'],
};

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
    campaignCode: str,
    userId: str,
    status: str,
    participantExternalId: nullableStr,
    createdAt: str,
    sharedAt: nullableStr,
    updatedAt: str,
  },
  required: ['id', 'campaignId', 'campaignCode', 'userId', 'status', 'createdAt', 'updatedAt'],
};

export const userTutorialSchema: RxJsonSchema<UserTutorialDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: key, userId: str, tutorialId: str, saved: { type: 'boolean' }, useful: { type: ['boolean', 'null'] }, updatedAt: str },
  required: ['id', 'userId', 'tutorialId', 'saved', 'updatedAt'],
};

export const syncReceiptSchema: RxJsonSchema<SyncReceiptDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 200 }, collection: str, at: str },
  required: ['id', 'collection', 'at'],
};
