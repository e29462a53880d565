/**
 * The organisation snapshot central sends to its relay (GET /api/relay/snapshot) so the school works
 * with no internet: the organisation, its users (with password hashes, for LAN login), memberships,
 * divisions, learners, campaigns, and the content pack version. The relay upserts it in one
 * transaction; rows only ever get added or updated (a pupil removed on central stays on the relay
 * until an administrator deletes it: never lose a pupil's account mid-test).
 */
import { z } from 'zod';
import type { Db } from '../db/database';
import { readOrganizationRows, upsertRow, type SnapshotTable } from './snapshot-repository';

const organization = z.object({
  id: z.string(), name: z.string(), type: z.string(), external_id: z.string().nullable(), is_managing_students: z.number(), created_at: z.string(),
});
const user = z.object({
  id: z.string(), first_name: z.string(), last_name: z.string(), email: z.string().nullable(), username: z.string().nullable(),
  password_hash: z.string(), birthdate: z.string().nullable(), created_at: z.string(),
});
const membership = z.object({ id: z.string(), organization_id: z.string(), user_id: z.string(), role: z.string() });
const division = z.object({ id: z.string(), organization_id: z.string(), name: z.string() });
const learner = z.object({
  id: z.string(), organization_id: z.string(), division_id: z.string().nullable(), user_id: z.string().nullable(), first_name: z.string(),
  last_name: z.string(), birthdate: z.string(), national_student_id: z.string().nullable(),
});
const campaign = z.object({
  id: z.string(), code: z.string(), organization_id: z.string(), name: z.string(), type: z.string(), target_profile_id: z.string().nullable(),
  title: z.string().nullable(), custom_landing_message: z.string().nullable(), id_pix_label: z.string().nullable(), division_id: z.string().nullable(),
  created_by: z.string().nullable(), created_at: z.string(), archived_at: z.string().nullable(),
  // the campaign's engine (issue 8); absent from a central older than migration 3. Every value the column may
  // hold, not only the engines offered today: a FLASH chosen before it stopped being offered is kept as stored,
  // and the relay runs the default instead (campaignMethod), as central does.
  assessment_method: z.enum(['SMART_RANDOM', 'BAYES', 'FLASH']).nullable().default(null),
});

export const snapshotSchema = z.object({
  organization,
  users: z.array(user),
  memberships: z.array(membership),
  divisions: z.array(division),
  learners: z.array(learner),
  campaigns: z.array(campaign),
  contentPackVersion: z.string().nullable(),
});
export type OrganizationSnapshot = z.infer<typeof snapshotSchema>;

export function buildSnapshot(db: Db, organizationId: string, contentPackVersion: string | null): OrganizationSnapshot | undefined {
  const rows = readOrganizationRows(db, organizationId);
  return rows ? ({ ...rows, contentPackVersion } as OrganizationSnapshot) : undefined;
}

/** Upserts a snapshot; returns the rows that could not be applied (e.g. an e-mail taken locally), logged. */
export function applySnapshot(db: Db, snapshot: OrganizationSnapshot, log: (line: string) => void): number {
  let failed = 0;
  const each = (table: SnapshotTable, rows: Record<string, unknown>[]) => {
    for (const row of rows) {
      try {
        upsertRow(db, table, row);
      } catch (error) {
        failed++;
        log(`relay snapshot: ${table} ${String(row.id)} not applied: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  db.transaction(() => {
    each('organizations', [snapshot.organization]);
    each('users', snapshot.users);
    each('divisions', snapshot.divisions);
    each('memberships', snapshot.memberships);
    each('organization_learners', snapshot.learners);
    each('campaigns', snapshot.campaigns);
  })();
  return failed;
}
