/**
 * The replication protocol between a device (RxDB) and a node, and between a relay and central: the
 * same shapes at every hop. See docs/adr/0001-sync-protocol.md for the full contract.
 *
 * - Pull: `GET /api/sync/:collection/pull?seq=N&id=ID&limit=N` → PullResponse (the caller's documents
 *   with serverSeq > seq, or = seq and id > id, ordered by serverSeq then id).
 * - Push: `POST /api/sync/:collection/push` with PushRequest → PushResponse. Every row is merged by the
 *   collection's rule (merge.ts); `conflicts` holds the master state of each row whose stored state
 *   differs from what was pushed (RxDB adopts it), `rejected` the rows refused (never the whole batch).
 * - Stream: `GET /api/sync/stream` (SSE) sends `RESYNC` when the caller's documents changed.
 *
 * Bump SYNC_FORMAT_VERSION whenever a document shape or a merge rule changes incompatibly: a client
 * sending another version in the `x-pix-sync-format` header gets 409 SYNC_FORMAT_MISMATCH and must
 * reset its replication (Actual's `SYNC_FORMAT_VERSION`).
 */
import type { AnswerEvent, AnswerStatus, Assessment } from '../model/types';

export const SYNC_FORMAT_VERSION = 1;
export const SYNC_FORMAT_HEADER = 'x-pix-sync-format';

/** Collections in the order a forwarder pushes them (a document before those that refer to it). */
export const SYNC_COLLECTIONS = ['campaign-participations', 'assessments', 'answers', 'user-tutorials'] as const;
export type SyncCollection = (typeof SYNC_COLLECTIONS)[number];

export const PULL_LIMIT_DEFAULT = 100;
export const PULL_LIMIT_MAX = 500;
export const PUSH_ROWS_MAX = 500;

/** Replication metadata every document carries. serverSeq is set by the node, never trusted from a push. */
export interface SyncMeta {
  updatedAt: string;
  _deleted: boolean;
  /** monotonic per node, assigned on every stored change; the pull checkpoint */
  serverSeq?: number;
}

/** An answer event as replicated. `result` is the node's own matching once stored. */
export interface AnswerDoc extends AnswerEvent, SyncMeta {
  /** what the device claimed (audit); set by the node */
  clientResult?: AnswerStatus;
  /** a later answer to a challenge already answered in the assessment: kept, ignored by derivations */
  superseded?: boolean;
}

/** An assessment as replicated. `state` and `completedAt` are the node's (derived from the answers). */
export type AssessmentDoc = Assessment & SyncMeta;

export type CampaignParticipationStatus = 'STARTED' | 'TO_SHARE' | 'SHARED';

export interface CampaignParticipationDoc extends SyncMeta {
  id: string;
  campaignId: string;
  userId: string;
  status: CampaignParticipationStatus;
  participantExternalId: string | null;
  createdAt: string;
  sharedAt: string | null;
}

/** Tutorial bookmark ("Enregistrer") and "Tuto utile" feedback; id = `${userId}:${tutorialId}`. */
export interface UserTutorialDoc extends SyncMeta {
  id: string;
  userId: string;
  tutorialId: string;
  saved: boolean;
  /** "Tuto utile" : true / false, null when not answered */
  useful: boolean | null;
}

export interface SyncDocByCollection {
  answers: AnswerDoc;
  assessments: AssessmentDoc;
  'campaign-participations': CampaignParticipationDoc;
  'user-tutorials': UserTutorialDoc;
}
export type SyncDoc = SyncDocByCollection[SyncCollection];

export interface SyncCheckpoint {
  seq: number;
  id: string;
}

export interface PullResponse<T = SyncDoc> {
  documents: T[];
  /** null when nothing is newer than the checkpoint sent: keep the previous one */
  checkpoint: SyncCheckpoint | null;
}

export interface PushRow<T = SyncDoc> {
  assumedMasterState?: T | null;
  newDocumentState: T;
}

export interface PushRequest<T = SyncDoc> {
  rows: PushRow<T>[];
}

/**
 * Why a row was refused. `retryable` rows may be accepted later (their assessment, campaign or
 * participation is not known yet); the others never will be.
 */
export type RejectCode =
  | 'FORBIDDEN'
  | 'INVALID_DOCUMENT'
  | 'IMMUTABLE_DOCUMENT'
  | 'UNKNOWN_ASSESSMENT'
  | 'UNKNOWN_PARTICIPATION'
  | 'UNKNOWN_CAMPAIGN'
  | 'UNKNOWN_COMPETENCE'
  | 'UNKNOWN_TUTORIAL'
  | 'UNKNOWN_CHALLENGE'
  | 'CHALLENGE_OUTSIDE_ASSESSMENT'
  | 'ANSWER_AFTER_COMPLETION'
  | 'CAMPAIGN_ARCHIVED'
  | 'CAMPAIGN_RESTRICTED'
  | 'QUOTA_EXCEEDED';

export interface RejectedRow {
  id: string;
  code: RejectCode;
  message: string;
  retryable: boolean;
}

export interface PushResponse<T = SyncDoc> {
  conflicts: T[];
  rejected: RejectedRow[];
}

export function isSyncCollection(name: string): name is SyncCollection {
  return (SYNC_COLLECTIONS as readonly string[]).includes(name);
}

/** The deterministic id of a tutorial bookmark. */
export function userTutorialId(userId: string, tutorialId: string): string {
  return `${userId}:${tutorialId}`;
}
