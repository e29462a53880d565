/**
 * Test fixtures beyond the demo school: another school (its own admin, a pupil in a class, a campaign of that
 * class) and a teacher account with a chosen role, written through the repositories. Password Pix12345, as
 * the demo's.
 */
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/passwords';
import { insertUser } from '../auth/user-repository';
import type { Db } from '../db/database';
import { DEMO_PASSWORD } from '../demo/seed-demo';
import { insertCampaign } from '../orga/campaign-repository';
import { insertDivision, insertLearner, insertMembership, insertOrganization, type MembershipRole } from '../orga/organization-repository';

const AT = '2026-11-01T00:00:00.000Z';

async function newAccount(db: Db, who: { firstName: string; lastName: string; email?: string; username?: string }): Promise<string> {
  const id = randomUUID();
  insertUser(db, {
    id, firstName: who.firstName, lastName: who.lastName, email: who.email ?? null, username: who.username ?? null,
    passwordHash: await hashPassword(DEMO_PASSWORD), birthdate: null, createdAt: AT,
  });
  return id;
}

/** A teacher of `organizationId` with this role; returns their login (e-mail). */
export async function addTeacher(db: Db, organizationId: string, role: MembershipRole, email: string): Promise<{ login: string; userId: string }> {
  const userId = await newAccount(db, { firstName: 'Paul', lastName: role === 'ADMIN' ? 'Admin' : 'Membre', email });
  insertMembership(db, { id: randomUUID(), organizationId, userId, role });
  return { login: email, userId };
}

export interface OtherSchool {
  organizationId: string;
  divisionId: string;
  admin: { login: string; userId: string };
  pupil: { login: string; userId: string };
  campaign: { id: string; code: string };
}

/** Lycée Victor Hugo: an ADMIN, a pupil of its 2nde 1, an assessment campaign for that class. */
export async function addOtherSchool(db: Db, options: { targetProfileId?: string } = {}): Promise<OtherSchool> {
  const organizationId = randomUUID();
  insertOrganization(db, { id: organizationId, name: 'Lycée Victor Hugo', type: 'SCO', externalId: '0000002B', managesStudents: true, createdAt: AT });
  const divisionId = randomUUID();
  insertDivision(db, { id: divisionId, organizationId, name: '2nde 1' });
  const admin = await addTeacher(db, organizationId, 'ADMIN', 'admin@lycee-hugo.test');
  const pupilId = await newAccount(db, { firstName: 'Sacha', lastName: 'Autre', username: 'sacha.autre0101' });
  insertLearner(db, { id: randomUUID(), organizationId, divisionId, userId: pupilId, firstName: 'Sacha', lastName: 'Autre', birthdate: '2010-01-01' });
  const campaign = { id: randomUUID(), code: 'LYCVHG201' };
  insertCampaign(db, {
    id: campaign.id, code: campaign.code, organizationId, name: 'Parcours de seconde', targetProfileId: options.targetProfileId ?? 'tp-rentree-3e',
    divisionId, createdBy: admin.userId, createdAt: AT,
  });
  return { organizationId, divisionId, admin, pupil: { login: 'sacha.autre0101', userId: pupilId }, campaign };
}
