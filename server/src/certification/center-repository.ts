/** Certification centres and their members (Pix Certif): the writes of the demo seed and of test fixtures. */
import type { Db } from '../db/database';
import { sql } from '../db/statements';

export function insertCertificationCenter(db: Db, center: { id: string; name: string; type: string; externalId: string | null; createdAt: string }): void {
  sql(db, 'INSERT INTO certification_centers (id, name, type, external_id, created_at) VALUES (?, ?, ?, ?, ?)').run(
    center.id, center.name, center.type, center.externalId, center.createdAt,
  );
}

export function insertCenterMembership(db: Db, membership: { id: string; centerId: string; userId: string; role: 'ADMIN' | 'MEMBER' }): void {
  sql(db, 'INSERT INTO certification_center_memberships (id, certification_center_id, user_id, role) VALUES (?, ?, ?, ?)').run(
    membership.id, membership.centerId, membership.userId, membership.role,
  );
}
