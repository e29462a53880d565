/**
 * What a school relay could not transmit to central, for good (« Envois bloqués » on the school page):
 * outbox rows parked with a code and a French reason, refused by central or by the relay itself
 * (document missing, too big). Part of `GET /api/relay/status` (shared/src/api/schemas.ts).
 */
import * as z from 'zod/mini';
import { syncCollectionSchema } from '../sync/schemas';

/** How many of the latest parked rows the status lists. */
export const PARKED_LATEST_MAX = 20;

export const parkedOutboxSchema = z.object({
  /** parked rows not superseded by a later change of the same document */
  count: z.number(),
  /** the latest ones, newest first */
  latest: z.array(
    z.object({
      pupil: z.string(),
      division: z.nullable(z.string()),
      collection: syncCollectionSchema,
      code: z.string(),
      reason: z.string(),
      parkedAt: z.nullable(z.iso.datetime({ offset: true, error: 'date ISO 8601 attendue' })),
    }),
  ),
});

export type ParkedOutbox = z.infer<typeof parkedOutboxSchema>;
