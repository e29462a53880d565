/** RxDB collection schemas of the pupil's local database (one database per user on a device). */
import type { RxJsonSchema } from 'rxdb';

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

export const profileSchema: RxJsonSchema<ProfileDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    firstName: { type: 'string' },
    lastName: { type: 'string' },
    email: { type: ['string', 'null'] },
    username: { type: ['string', 'null'] },
    details: { type: 'string' },
    updatedAt: { type: 'string' },
  },
  required: ['id', 'firstName', 'lastName', 'details', 'updatedAt'],
};
