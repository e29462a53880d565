/**
 * Demo data created on a node's first start: a collège with two classes of pupils, a teacher (organisation
 * ADMIN) and a certification-centre member. All demo accounts use the password Pix12345.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { generateUsername } from '../../../shared/src/accounts/username';
import { hashPassword } from '../auth/passwords';
import { getSetting, setSetting, type Db } from '../db/database';
import { insertUser, takenUsernames } from '../auth/user-repository';
import { insertCenterMembership, insertCertificationCenter } from '../certification/center-repository';
import { campaignsByExternalId, insertCampaign } from '../orga/campaign-repository';
import { insertDivision, insertLearner, insertMembership, insertOrganization, learnersWithAccountOf } from '../orga/organization-repository';

export const DEMO_PASSWORD = 'Pix12345';
export const DEMO_ORGANIZATION = { name: 'Collège Jean Moulin (démo)', type: 'SCO', uai: '0000001A' } as const;

interface DemoPupil {
  firstName: string;
  lastName: string;
  birthdate: string;
  email?: string;
}

const CLASSES: { name: string; pupils: DemoPupil[] }[] = [
  {
    name: '5e A',
    pupils: [
      { firstName: 'Léa', lastName: 'Martin', birthdate: '2013-03-14', email: 'eleve@demo.pix' },
      { firstName: 'Nathan', lastName: 'Bernard', birthdate: '2013-06-02' },
      { firstName: 'Inès', lastName: 'Moreau', birthdate: '2013-01-27' },
      { firstName: 'Hugo', lastName: 'Lefèvre', birthdate: '2013-09-11' },
      { firstName: 'Chloé', lastName: 'Garnier', birthdate: '2013-11-30' },
      { firstName: 'Adam', lastName: 'Benali', birthdate: '2013-04-05' },
      { firstName: 'Manon', lastName: 'Roux', birthdate: '2013-07-19' },
      { firstName: 'Lucas', lastName: 'Fournier', birthdate: '2013-02-08' },
      { firstName: 'Jade', lastName: 'Nguyen', birthdate: '2013-10-23' },
      { firstName: 'Théo', lastName: 'Girard', birthdate: '2013-05-16' },
    ],
  },
  {
    name: '3e B',
    pupils: [
      { firstName: 'Camille', lastName: 'Dubois', birthdate: '2011-02-21' },
      { firstName: 'Yanis', lastName: 'Haddad', birthdate: '2011-08-09' },
      { firstName: 'Emma', lastName: 'Laurent', birthdate: '2011-12-01' },
      { firstName: 'Louis', lastName: 'Simon', birthdate: '2011-03-28' },
      { firstName: 'Zoé', lastName: 'Michel', birthdate: '2011-06-17' },
      { firstName: 'Rayan', lastName: 'Diallo', birthdate: '2011-10-04' },
      { firstName: 'Louise', lastName: 'Lemaire', birthdate: '2011-01-13' },
      { firstName: 'Gabriel', lastName: 'Perrin', birthdate: '2011-09-25' },
      { firstName: 'Anaïs', lastName: 'Le Gall', birthdate: '2011-04-30' },
      { firstName: 'Maël', lastName: 'Fontaine', birthdate: '2011-07-07' },
    ],
  },
];

/** One open campaign per demo class, with fixed codes so that the README can name them. */
export const DEMO_CAMPAIGNS = [
  { code: 'CLGJMA501', division: '5e A', name: 'Parcours de rentrée 5e — 5e A', targetProfileId: 'tp-rentree-5e', idPixLabel: null },
  { code: 'CLGJMB302', division: '3e B', name: 'Parcours de rentrée 3e — 3e B', targetProfileId: 'tp-rentree-3e', idPixLabel: null },
] as const;

export interface DemoAccounts {
  password: string;
  organization: string;
  campaigns: { code: string; name: string; division: string | null }[];
  accounts: { login: string; role: string; name: string }[];
  pupils: { division: string; name: string; username: string }[];
}

/** Seeds the demo once (first start); later starts only read back what was created. */
export async function seedDemo(db: Db, now: Date): Promise<DemoAccounts> {
  if (!getSetting(db, 'demo_seeded')) {
    const rows = await prepareRows(db);
    db.transaction(() => writeRows(db, rows, now))();
  }
  return describeDemo(db);
}

interface PreparedUser {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  username: string | null;
  birthdate: string | null;
  hash: string;
}

interface PreparedRows {
  users: PreparedUser[];
  learners: { userId: string; division: string; pupil: DemoPupil }[];
  teacherId: string;
  certifId: string;
}

async function prepareRows(db: Db): Promise<PreparedRows> {
  const taken = takenUsernames(db);
  const users: PreparedUser[] = [];
  const learners: PreparedRows['learners'] = [];
  const hashes = (count: number) => Promise.all(Array.from({ length: count }, () => hashPassword(DEMO_PASSWORD)));
  const pupilCount = CLASSES.reduce((n, division) => n + division.pupils.length, 0);
  const allHashes = await hashes(pupilCount + 2);
  let next = 0;
  for (const division of CLASSES) {
    for (const pupil of division.pupils) {
      const username = generateUsername(pupil, (u) => taken.has(u), (n) => randomInt(n));
      taken.add(username);
      const id = randomUUID();
      users.push({ id, firstName: pupil.firstName, lastName: pupil.lastName, email: pupil.email ?? null, username, birthdate: pupil.birthdate, hash: allHashes[next++] });
      learners.push({ userId: id, division: division.name, pupil });
    }
  }
  const teacherId = randomUUID();
  users.push({ id: teacherId, firstName: 'Claire', lastName: 'Rousseau', email: 'prof@demo.pix', username: null, birthdate: null, hash: allHashes[next++] });
  const certifId = randomUUID();
  users.push({ id: certifId, firstName: 'Marc', lastName: 'Petit', email: 'certif@demo.pix', username: null, birthdate: null, hash: allHashes[next++] });
  return { users, learners, teacherId, certifId };
}

function writeRows(db: Db, rows: PreparedRows, now: Date) {
  const at = now.toISOString();
  for (const u of rows.users) {
    insertUser(db, { id: u.id, firstName: u.firstName, lastName: u.lastName, email: u.email, username: u.username, passwordHash: u.hash, birthdate: u.birthdate, createdAt: at });
  }

  const organizationId = randomUUID();
  insertOrganization(db, { id: organizationId, name: DEMO_ORGANIZATION.name, type: DEMO_ORGANIZATION.type, externalId: DEMO_ORGANIZATION.uai, managesStudents: true, createdAt: at });
  const divisionIds = new Map<string, string>();
  for (const division of CLASSES) {
    const id = randomUUID();
    divisionIds.set(division.name, id);
    insertDivision(db, { id, organizationId, name: division.name });
  }
  for (const l of rows.learners) {
    insertLearner(db, {
      id: randomUUID(), organizationId, divisionId: divisionIds.get(l.division) ?? null, userId: l.userId,
      firstName: l.pupil.firstName, lastName: l.pupil.lastName, birthdate: l.pupil.birthdate,
    });
  }
  insertMembership(db, { id: randomUUID(), organizationId, userId: rows.teacherId, role: 'ADMIN' });
  for (const campaign of DEMO_CAMPAIGNS) {
    insertCampaign(db, {
      id: randomUUID(),
      code: campaign.code,
      organizationId,
      name: campaign.name,
      targetProfileId: campaign.targetProfileId,
      title: campaign.name.split(' — ')[0],
      customLandingMessage: `Bienvenue dans le parcours de rentrée de la classe de ${campaign.division} ! Répondez tranquillement : les questions s'adaptent à vos réponses. Vous pouvez vous arrêter et reprendre plus tard.`,
      idPixLabel: campaign.idPixLabel,
      divisionId: divisionIds.get(campaign.division) ?? null,
      createdBy: rows.teacherId,
      createdAt: at,
    });
  }

  const centerId = randomUUID();
  insertCertificationCenter(db, { id: centerId, name: DEMO_ORGANIZATION.name, type: 'SCO', externalId: DEMO_ORGANIZATION.uai, createdAt: at });
  insertCenterMembership(db, { id: randomUUID(), centerId, userId: rows.certifId, role: 'ADMIN' });
  setSetting(db, 'demo_seeded', at);
}

function describeDemo(db: Db): DemoAccounts {
  const pupils = learnersWithAccountOf(db, DEMO_ORGANIZATION.uai);
  return {
    password: DEMO_PASSWORD,
    organization: `${DEMO_ORGANIZATION.name} — SCO, UAI ${DEMO_ORGANIZATION.uai}`,
    campaigns: campaignsByExternalId(db, DEMO_ORGANIZATION.uai),
    accounts: [
      { login: 'eleve@demo.pix', role: 'élève (5e A)', name: 'Léa Martin' },
      { login: 'prof@demo.pix', role: "enseignante, administratrice de l'organisation", name: 'Claire Rousseau' },
      { login: 'certif@demo.pix', role: 'membre du centre de certification', name: 'Marc Petit' },
    ],
    pupils,
  };
}
