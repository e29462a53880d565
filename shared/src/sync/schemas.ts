/**
 * zod schemas of the replication protocol (protocol.ts): the node validates every request with them,
 * the client parses every response with them before writing to its local store. Envelopes (query,
 * push body) are validated whole (malformed → 400); each pushed document is validated on its own so
 * one bad row is rejected without blocking the batch.
 */
import * as z from 'zod/mini';
import { answerStatusSchema } from '../model/schemas';
import { PULL_LIMIT_DEFAULT, PULL_LIMIT_MAX, PUSH_ROWS_MAX, type SyncCollection } from './protocol';

/** An unpaired UTF-16 surrogate: SQLite would store it mangled, and the document could no longer be found by its id. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** A reference that is not a UUID in this project (users, content ids `rec…`, campaigns): any well-formed text. */
const id = z.string().check(
  z.minLength(1, 'identifiant vide'),
  z.maxLength(200, 'identifiant trop long'),
  z.refine((value) => !LONE_SURROGATE.test(value), 'identifiant mal formé (caractère Unicode isolé)'),
);
/** Ids created on the device (answers, assessments, participations) and references to them: UUIDs. */
const uuid = z.uuid('identifiant UUID attendu');
const isoDate = z.iso.datetime({ offset: true, error: 'date ISO 8601 attendue' });
const meta = {
  updatedAt: isoDate,
  _deleted: z._default(z.boolean(), false),
  serverSeq: z.optional(z.number()),
};

export const answerDocSchema = z.object({
  id: uuid, userId: id, assessmentId: uuid, challengeId: id,
  value: z.string().check(z.maxLength(20_000, 'réponse trop longue')),
  timeout: z.nullable(z.number()),
  focusedOut: z.boolean(),
  timeSpent: z.number().check(z.gte(0, 'durée négative')),
  createdAt: isoDate,
  /** set by the first node that stored the answer; a device's value is ignored (push-answers.ts) */
  receivedAt: z.optional(isoDate),
  result: answerStatusSchema,
  resultDetails: z.optional(z.record(z.string(), z.boolean())),
  clientResult: z.optional(answerStatusSchema),
  superseded: z.optional(z.boolean()),
  ...meta,
});

export const assessmentDocSchema = z.object({
  id: uuid, userId: id,
  type: z.enum(['COMPETENCE_EVALUATION', 'CAMPAIGN', 'CERTIFICATION', 'PREVIEW']),
  state: z.enum(['started', 'completed', 'aborted']),
  method: z.enum(['SMART_RANDOM', 'FLASH', 'CERTIFICATION_V2', 'BAYES']),
  competenceId: z.optional(id),
  campaignParticipationId: z.optional(uuid),
  certificationCourseId: z.optional(id),
  isImproving: z.optional(z.boolean()),
  resetAt: z.optional(isoDate),
  createdAt: isoDate,
  completedAt: z.optional(isoDate),
  ...meta,
});

export const campaignParticipationDocSchema = z.object({
  id: uuid, campaignId: id, userId: id,
  status: z.enum(['STARTED', 'TO_SHARE', 'SHARED']),
  participantExternalId: z.nullable(z.string().check(z.maxLength(255))),
  createdAt: isoDate,
  sharedAt: z.nullable(isoDate),
  ...meta,
});

export const userTutorialDocSchema = z.object({
  id, userId: id, tutorialId: id,
  saved: z.boolean(),
  useful: z.nullable(z.boolean()),
  ...meta,
});

export const docSchemas = {
  answers: answerDocSchema,
  assessments: assessmentDocSchema,
  'campaign-participations': campaignParticipationDocSchema,
  'user-tutorials': userTutorialDocSchema,
} as const satisfies Record<SyncCollection, z.ZodMiniType>;

export const syncCollectionSchema = z.enum(['campaign-participations', 'assessments', 'answers', 'user-tutorials']);

/** Query of a pull; numbers arrive as text. A missing seq starts from the beginning. */
export const pullQuerySchema = z.object({
  seq: z._default(z.coerce.number().check(z.int('entier attendu'), z.gte(0, 'seq négatif')), 0),
  id: z._default(z.string().check(z.maxLength(200)), ''),
  limit: z._default(
    z.coerce.number().check(z.int('entier attendu'), z.gte(1, 'limite ≥ 1'), z.lte(PULL_LIMIT_MAX, `limite ≤ ${PULL_LIMIT_MAX}`)),
    PULL_LIMIT_DEFAULT,
  ),
});

const pushRowSchema = z.object({
  assumedMasterState: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  newDocumentState: z.record(z.string(), z.unknown()),
});

/** A push envelope; documents are checked one by one with docSchemas. */
export const pushRequestSchema = z.object({
  rows: z.array(pushRowSchema).check(z.maxLength(PUSH_ROWS_MAX, `au plus ${PUSH_ROWS_MAX} lignes par envoi`)),
});

export const checkpointSchema = z.object({ seq: z.number(), id: z.string() });

export const rejectedRowSchema = z.object({
  id: z.string(),
  code: z.enum([
    'FORBIDDEN', 'INVALID_DOCUMENT', 'IMMUTABLE_DOCUMENT', 'UNKNOWN_ASSESSMENT', 'UNKNOWN_PARTICIPATION', 'UNKNOWN_CAMPAIGN',
    'UNKNOWN_COMPETENCE', 'UNKNOWN_TUTORIAL', 'UNKNOWN_CHALLENGE', 'CHALLENGE_OUTSIDE_ASSESSMENT', 'ANSWER_AFTER_COMPLETION',
    'CAMPAIGN_ARCHIVED', 'CAMPAIGN_RESTRICTED', 'QUOTA_EXCEEDED',
  ]),
  message: z.string(),
  retryable: z.boolean(),
});

/** Response schemas, for the client (and the relay's forwarder) to parse what a node answers. */
export function pullResponseSchema<T extends z.ZodMiniType>(doc: T) {
  return z.object({ documents: z.array(doc), checkpoint: z.nullable(checkpointSchema) });
}

export function pushResponseSchema<T extends z.ZodMiniType>(doc: T) {
  return z.object({ conflicts: z.array(doc), rejected: z.array(rejectedRowSchema) });
}

/**
 * `GET /api/sync/receipts`: the caller's documents this node has not yet had acknowledged by central
 * (a relay's outbox), for the device's second receipt (« transmis »). Central answers empty lists: what
 * it acknowledged, it holds. `upstreamParked`: refused by central for good, with the French reason.
 */
export const receiptsResponseSchema = z.object({
  node: z.enum(['central', 'relay']),
  checkedAt: isoDate,
  upstreamPending: z.array(z.object({ collection: syncCollectionSchema, id: z.string() })),
  upstreamParked: z.array(z.object({ collection: syncCollectionSchema, id: z.string(), code: z.string(), reason: z.string() })),
});
export type ReceiptsResponse = z.infer<typeof receiptsResponseSchema>;
