/**
 * RxDB schemas of what the pupil's local database keeps besides the replicated documents (schemas.ts):
 * the campaigns they joined (fetched from the node, needed offline: title, target profile, engine) and a
 * small key-value store of screen state (rules seen, checkpoint seen, challenge timer start, focus lost).
 * Both live and die with the user's database: nothing of a pupil stays on a shared PC after logout.
 */
import type { RxJsonSchema } from 'rxdb';
import type { CampaignInfo } from '../../../shared/src/api/schemas';

/** A campaign as `GET /api/campaigns/:code` and `GET /api/me/campaigns` describe it, when it was stored. */
export type CampaignDoc = CampaignInfo & { updatedAt: string };

/** One piece of screen state of this user on this device (keys: local-state.ts). */
export interface LocalStateDoc {
  id: string;
  value: string;
  updatedAt: string;
}

const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;

export const campaignSchema: RxJsonSchema<CampaignDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 100 },
    code: str,
    name: str,
    title: nullableStr,
    type: str,
    targetProfileId: nullableStr,
    customLandingMessage: nullableStr,
    idPixLabel: nullableStr,
    organizationName: str,
    division: nullableStr,
    method: str,
    updatedAt: str,
  },
  required: ['id', 'code', 'name', 'title', 'type', 'targetProfileId', 'customLandingMessage', 'idPixLabel', 'organizationName', 'updatedAt'],
};

export const localStateSchema: RxJsonSchema<LocalStateDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 300 }, value: str, updatedAt: str },
  required: ['id', 'value', 'updatedAt'],
};
