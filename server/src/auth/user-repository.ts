/** Repository of users: login lookup, and a user with their organisations and certification centres, as the API shows them. */
import type { Me } from '../../../shared/src/accounts/me';
import type { Db } from '../db/database';

export interface UserRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  username: string | null;
  password_hash: string;
  birthdate: string | null;
}

export type { Me };

export interface NewUser {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  username: string | null;
  passwordHash: string;
  birthdate: string | null;
  createdAt: string;
}

export function insertUser(db: Db, user: NewUser): void {
  db.prepare('INSERT INTO users (id, first_name, last_name, email, username, password_hash, birthdate, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    user.id, user.firstName, user.lastName, user.email, user.username, user.passwordHash, user.birthdate, user.createdAt,
  );
}

/** Usernames already given (a new one must differ). */
export function takenUsernames(db: Db): Set<string> {
  return new Set((db.prepare('SELECT username FROM users WHERE username IS NOT NULL').all() as { username: string }[]).map((r) => r.username));
}

/** Login by e-mail (case-insensitive) or username. */
export function findUserByLogin(db: Db, login: string): UserRow | undefined {
  const normalised = login.trim().toLowerCase();
  return db
    .prepare('SELECT * FROM users WHERE lower(email) = ? OR lower(username) = ? LIMIT 1')
    .get(normalised, normalised) as UserRow | undefined;
}

/** The first organisation (a node's demo or relay school: tests and scripts). */
export function firstOrganizationId(db: Db): string | undefined {
  return (db.prepare('SELECT id FROM organizations ORDER BY created_at, id LIMIT 1').get() as { id: string } | undefined)?.id;
}

export function findUserById(db: Db, id: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

export function describeUser(db: Db, user: UserRow): Me {
  const organizations = db
    .prepare(
      `SELECT o.id, o.name, o.type, m.role FROM memberships m JOIN organizations o ON o.id = m.organization_id
       WHERE m.user_id = ? ORDER BY o.name`,
    )
    .all(user.id) as Me['organizations'];
  const certificationCenters = db
    .prepare(
      `SELECT c.id, c.name, m.role FROM certification_center_memberships m
       JOIN certification_centers c ON c.id = m.certification_center_id WHERE m.user_id = ? ORDER BY c.name`,
    )
    .all(user.id) as Me['certificationCenters'];
  const learnerOf = db
    .prepare(
      `SELECT o.id AS organizationId, o.name AS organizationName, d.name AS division FROM organization_learners l
       JOIN organizations o ON o.id = l.organization_id LEFT JOIN divisions d ON d.id = l.division_id
       WHERE l.user_id = ? ORDER BY o.name`,
    )
    .all(user.id) as Me['learnerOf'];
  return {
    id: user.id,
    firstName: user.first_name,
    lastName: user.last_name,
    email: user.email,
    username: user.username,
    organizations,
    certificationCenters,
    learnerOf,
  };
}
