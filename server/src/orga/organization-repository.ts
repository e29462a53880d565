/**
 * Organisations, their divisions (classes), their learners (pupils imported, e.g. from SIECLE, and matched
 * with an account) and their members (teachers, ADMIN or MEMBER): the writes of the demo seed and of test
 * fixtures. Reads used by the routes live beside them (campaign-repository.ts for memberships).
 */
import type { Db } from '../db/database';
import { sql } from '../db/statements';

export type OrganizationType = 'SCO' | 'SUP' | 'PRO' | 'SCO-1D';
export type MembershipRole = 'ADMIN' | 'MEMBER';

export function insertOrganization(
  db: Db,
  organization: { id: string; name: string; type: OrganizationType; externalId: string | null; managesStudents: boolean; createdAt: string },
): void {
  sql(db, 'INSERT INTO organizations (id, name, type, external_id, is_managing_students, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    organization.id, organization.name, organization.type, organization.externalId, organization.managesStudents ? 1 : 0, organization.createdAt,
  );
}

export function insertDivision(db: Db, division: { id: string; organizationId: string; name: string }): void {
  sql(db, 'INSERT INTO divisions (id, organization_id, name) VALUES (?, ?, ?)').run(division.id, division.organizationId, division.name);
}

export function insertLearner(
  db: Db,
  learner: { id: string; organizationId: string; divisionId: string | null; userId: string | null; firstName: string; lastName: string; birthdate: string | null },
): void {
  sql(db, 'INSERT INTO organization_learners (id, organization_id, division_id, user_id, first_name, last_name, birthdate) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    learner.id, learner.organizationId, learner.divisionId, learner.userId, learner.firstName, learner.lastName, learner.birthdate,
  );
}

export function insertMembership(db: Db, membership: { id: string; organizationId: string; userId: string; role: MembershipRole }): void {
  sql(db, 'INSERT INTO memberships (id, organization_id, user_id, role) VALUES (?, ?, ?, ?)').run(membership.id, membership.organizationId, membership.userId, membership.role);
}

/** The learners with an account of the organisation whose external id (UAI) is given, by division then name. */
export function learnersWithAccountOf(db: Db, externalId: string): { division: string; name: string; username: string }[] {
  return sql(
    db,
    `SELECT d.name AS division, l.first_name || ' ' || l.last_name AS name, u.username FROM organization_learners l
     JOIN users u ON u.id = l.user_id JOIN divisions d ON d.id = l.division_id
     JOIN organizations o ON o.id = l.organization_id WHERE o.external_id = ? ORDER BY d.name, l.last_name`,
  ).all(externalId) as { division: string; name: string; username: string }[];
}
