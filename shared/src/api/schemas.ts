/**
 * zod schemas of the node's JSON responses outside the sync protocol (that one is in ../sync/schemas.ts):
 * the browser parses every answer of a node with them (client/src/api/http.ts) instead of trusting a
 * cast, and the node's route tests check that what it sends matches. Types are derived from them.
 */
import * as z from 'zod/mini';
import type { Me } from '../accounts/me';
import { parkedOutboxSchema } from '../relay/parked';

const role = z.enum(['ADMIN', 'MEMBER']);
const nullableText = z.nullable(z.string());
const isoDate = z.iso.datetime({ offset: true, error: 'date ISO 8601 attendue' });
/** every engine an assessment may run (an older device must not refuse a campaign for a newer engine name) */
const assessmentMethod = z.enum(['SMART_RANDOM', 'FLASH', 'CERTIFICATION_V2', 'BAYES']);

/** The failure body of every route: `{ error: { code, message } }` (details are for forms). */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.optional(z.unknown()) }),
});

/** `GET /api/me`, and the `user` of a login. */
export const meSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: nullableText,
  username: nullableText,
  organizations: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), role })),
  certificationCenters: z.array(z.object({ id: z.string(), name: z.string(), role })),
  learnerOf: z.array(z.object({ organizationId: z.string(), organizationName: z.string(), division: nullableText })),
});

/** `POST /api/auth/login`: a sync client (`client: "sync"`) also gets the bearer `token`. */
export const loginResponseSchema = z.object({ expiresAt: isoDate, user: meSchema, token: z.optional(z.string()) });

/**
 * The `details` of a 429 `TOO_MANY_ATTEMPTS` of `POST /api/auth/login` (progressive delays, ADR 0004):
 * the seconds to wait, also sent as the `Retry-After` header.
 */
export const tooManyAttemptsDetailsSchema = z.object({ retryAfterSeconds: z.number().check(z.int(), z.positive()) });

/** `POST /api/auth/logout`. */
export const logoutResponseSchema = z.object({ ok: z.boolean() });

/**
 * What a pupil's device needs of a campaign to run it offline (title, target profile, external id label,
 * engine): `GET /api/campaigns/:code`, and each campaign of `GET /api/me/campaigns`.
 */
export const campaignInfoSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  title: nullableText,
  type: z.enum(['ASSESSMENT', 'PROFILES_COLLECTION']),
  targetProfileId: nullableText,
  customLandingMessage: nullableText,
  idPixLabel: nullableText,
  organizationName: z.string(),
  division: z.optional(nullableText),
  /** the adaptive engine of the campaign's assessments */
  method: z.optional(assessmentMethod),
});

/** `GET /api/me/campaigns`: every campaign the caller has a participation in (archived ones included). */
export const myCampaignsSchema = z.object({ campaigns: z.array(campaignInfoSchema) });

/**
 * `GET /api/organizations/:id/campaigns` (members of the organisation). `method` is what new participations
 * run; `configuredMethod` the choice stored for the campaign (null: none), which differs from it when that
 * engine is no longer offered for campaigns (e.g. FLASH): the school page says so. Plain text, so that a
 * name this client does not know yet cannot make it refuse the whole list.
 */
export const organizationCampaignsSchema = z.array(
  z.extend(campaignInfoSchema, { participantsCount: z.number(), sharedCount: z.number(), configuredMethod: z.optional(nullableText) }),
);

/** `POST /api/organizations/:id/relay-tokens` (organisation ADMIN, on central). */
export const relayTokenSchema = z.object({ token: z.string(), organizationId: z.string(), createdAt: isoDate, message: z.string() });

/** `GET /api/relay/status` (organisation ADMIN). */
export const relayStatusSchema = z.object({
  mode: z.enum(['central', 'relay']),
  upstream: nullableText,
  outboxPending: z.number(),
  lastForwardAt: nullableText,
  upstreamReachable: z.nullable(z.boolean()),
  lastSnapshotAt: nullableText,
  lastError: nullableText,
  lastPullAt: z.optional(nullableText),
  downstreamParked: z.optional(z.number()),
  contentVersion: z.optional(nullableText),
  centralContentVersion: z.optional(nullableText),
  contentVersionMismatch: z.optional(z.nullable(z.boolean())),
  pupils: z.array(z.object({ name: z.string(), division: nullableText, pending: z.number() })),
  /** outbox rows refused for good (always empty on central) */
  parked: parkedOutboxSchema,
});

export type ErrorBody = z.infer<typeof errorBodySchema>;
export type LoginResponse = z.infer<typeof loginResponseSchema>;
export type CampaignInfo = z.infer<typeof campaignInfoSchema>;
export type OrganizationCampaign = z.infer<typeof organizationCampaignsSchema>[number];
export type RelayStatus = z.infer<typeof relayStatusSchema>;

// The node describes users with the Me interface (accounts/me.ts): the schema must say exactly that.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _meSchemaMatchesMe: Same<z.infer<typeof meSchema>, Me> = true;
