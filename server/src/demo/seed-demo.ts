/**
 * Demo data created on a node's first start: a collège with two classes of pupils, a teacher (organisation
 * ADMIN) and a certification-centre member. All demo accounts use the password Pix12345.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { generateUsername } from '../../../shared/src/accounts/username';
import { hashPassword } from '../auth/passwords';
import { getSetting, setSetting, type Db } from '../db/database';
import { insertCampaign } from '../orga/campaign-repository';

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
  campaigns: { code: string; name: string; division: string }[];
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
  const taken = new Set(
    (db.prepare('SELECT username FROM users WHERE username IS NOT NULL').all() as { username: string }[]).map((r) => r.username),
  );
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
  const insertUser = db.prepare(
    'INSERT INTO users (id, first_name, last_name, email, username, password_hash, birthdate, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const u of rows.users) insertUser.run(u.id, u.firstName, u.lastName, u.email, u.username, u.hash, u.birthdate, at);

  const organizationId = randomUUID();
  db.prepare('INSERT INTO organizations (id, name, type, external_id, is_managing_students, created_at) VALUES (?, ?, ?, ?, 1, ?)').run(
    organizationId,
    DEMO_ORGANIZATION.name,
    DEMO_ORGANIZATION.type,
    DEMO_ORGANIZATION.uai,
    at,
  );
  const divisionIds = new Map<string, string>();
  for (const division of CLASSES) {
    const id = randomUUID();
    divisionIds.set(division.name, id);
    db.prepare('INSERT INTO divisions (id, organization_id, name) VALUES (?, ?, ?)').run(id, organizationId, division.name);
  }
  const insertLearner = db.prepare(
    'INSERT INTO organization_learners (id, organization_id, division_id, user_id, first_name, last_name, birthdate) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const l of rows.learners) {
    insertLearner.run(randomUUID(), organizationId, divisionIds.get(l.division), l.userId, l.pupil.firstName, l.pupil.lastName, l.pupil.birthdate);
  }
  db.prepare('INSERT INTO memberships (id, organization_id, user_id, role) VALUES (?, ?, ?, ?)').run(randomUUID(), organizationId, rows.teacherId, 'ADMIN');
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
  db.prepare('INSERT INTO certification_centers (id, name, type, external_id, created_at) VALUES (?, ?, ?, ?, ?)').run(
    centerId,
    DEMO_ORGANIZATION.name,
    'SCO',
    DEMO_ORGANIZATION.uai,
    at,
  );
  db.prepare('INSERT INTO certification_center_memberships (id, certification_center_id, user_id, role) VALUES (?, ?, ?, ?)').run(
    randomUUID(),
    centerId,
    rows.certifId,
    'ADMIN',
  );
  setSetting(db, 'demo_seeded', at);
}

function describeDemo(db: Db): DemoAccounts {
  const pupils = db
    .prepare(
      `SELECT d.name AS division, l.first_name || ' ' || l.last_name AS name, u.username FROM organization_learners l
       JOIN users u ON u.id = l.user_id JOIN divisions d ON d.id = l.division_id
       JOIN organizations o ON o.id = l.organization_id WHERE o.external_id = ? ORDER BY d.name, l.last_name`,
    )
    .all(DEMO_ORGANIZATION.uai) as DemoAccounts['pupils'];
  return {
    password: DEMO_PASSWORD,
    organization: `${DEMO_ORGANIZATION.name} — SCO, UAI ${DEMO_ORGANIZATION.uai}`,
    campaigns: db
      .prepare(
        `SELECT c.code, c.name, d.name AS division FROM campaigns c JOIN organizations o ON o.id = c.organization_id
         LEFT JOIN divisions d ON d.id = c.division_id WHERE o.external_id = ? ORDER BY c.code`,
      )
      .all(DEMO_ORGANIZATION.uai) as DemoAccounts['campaigns'],
    accounts: [
      { login: 'eleve@demo.pix', role: 'élève (5e A)', name: 'Léa Martin' },
      { login: 'prof@demo.pix', role: "enseignante, administratrice de l'organisation", name: 'Claire Rousseau' },
      { login: 'certif@demo.pix', role: 'membre du centre de certification', name: 'Marc Petit' },
    ],
    pupils,
  };
}
