/**
 * Repository of the organisation snapshot (snapshot.ts): reads on central what a relay needs of one
 * organisation, and upserts those rows on the relay. Table names come from SnapshotTable only.
 */
import type { Db } from '../db/database';

/** The tables a snapshot writes. */
export type SnapshotTable = 'organizations' | 'users' | 'divisions' | 'memberships' | 'organization_learners' | 'campaigns';

/** Rows of one organisation (untyped: snapshot.ts validates them with its schema on the relay). */
export function readOrganizationRows(db: Db, organizationId: string) {
  const organization = db.prepare('SELECT id, name, type, external_id, is_managing_students, created_at FROM organizations WHERE id = ?').get(organizationId);
  if (!organization) return undefined;
  return {
    organization,
    users: db
      .prepare(
        `SELECT id, first_name, last_name, email, username, password_hash, birthdate, created_at FROM users WHERE id IN (
           SELECT user_id FROM organization_learners WHERE organization_id = @org AND user_id IS NOT NULL
           UNION SELECT user_id FROM memberships WHERE organization_id = @org) ORDER BY id`,
      )
      .all({ org: organizationId }),
    memberships: db.prepare('SELECT id, organization_id, user_id, role FROM memberships WHERE organization_id = ? ORDER BY id').all(organizationId),
    divisions: db.prepare('SELECT id, organization_id, name FROM divisions WHERE organization_id = ? ORDER BY id').all(organizationId),
    learners: db
      .prepare('SELECT id, organization_id, division_id, user_id, first_name, last_name, birthdate, national_student_id FROM organization_learners WHERE organization_id = ? ORDER BY id')
      .all(organizationId),
    campaigns: db.prepare('SELECT * FROM campaigns WHERE organization_id = ? ORDER BY id').all(organizationId),
  };
}

/** Inserts or updates one row by id (its columns are the snapshot schema's). */
export function upsertRow(db: Db, table: SnapshotTable, row: Record<string, unknown>): void {
  const columns = Object.keys(row);
  const updates = columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
  db.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}`,
  ).run(row);
}
