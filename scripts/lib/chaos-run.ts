/**
 * The fault scenario behind `npm run chaos` (and its short vitest variant): central and a relay as
 * child processes on loopback with temporary data folders; simulated pupils push their answers to the
 * relay in random batches (sometimes twice) while the relay is SIGKILLed and central restarted; some
 * of them ("home pupils") play every other assessment at home, directly on central. Then the relay's
 * outbox must drain, central must hold exactly the answers sent, and the relay too (home answers come
 * down through its downward replicator), with the results the shared matcher gives, no duplicate, no
 * loss, and nothing played at home sent back up by the relay.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PackIndex } from '../../shared/src/model/pack-index';
import { createRng, type Rng } from '../../shared/src/random/seeded-rng';
import type { PushResponse, SyncCollection, SyncDoc } from '../../shared/src/sync/protocol';
import { hashPassword } from '../../server/src/auth/passwords';
import { loadContentPackFile, PACK_PATH } from '../../server/src/content/content-pack';
import { openDatabase } from '../../server/src/db/database';
import { createRelayToken } from '../../server/src/sync/relay-tokens';
import { planPupil, type PupilPlan } from './simulated-pupil';
import { freePort, killAll, spawnNode, stopNode, waitForHealth, type NodeProcess } from './spawn-node';

export interface ChaosOptions {
  pupils: number;
  answersPerPupil: number;
  relayKills: number;
  centralRestarts: number;
  /** among the pupils, how many play every other assessment at home on central (default 0) */
  homePupils?: number;
  seed: string;
  /** whole run, including the final drain */
  timeoutMs: number;
  log?: (line: string) => void;
}

export interface ChaosSummary {
  answersSent: number;
  answersAtCentral: number;
  /** answers played at home, on central */
  homeAnswers: number;
  /** answers sent (school and home) that the relay holds at the end */
  answersAtRelay: number;
  wrongResultsAtRelay: number;
  /** relay outbox rows for documents played at home: must be 0 (no echo) */
  echoed: number;
  duplicates: number;
  lost: number;
  wrongResults: number;
  refusedByRelay: number;
  rejectedByCentral: number;
  relayKills: number;
  centralRestarts: number;
  durationMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface School {
  organizationId: string;
  token: string;
  pupils: { userId: string; login: string }[];
}

async function prepareCentral(dataDir: string, pupils: number): Promise<School> {
  const db = openDatabase(join(dataDir, 'pix.sqlite'));
  const hash = await hashPassword('Pix12345');
  const at = new Date().toISOString();
  const organizationId = 'org-chaos';
  const school: School = { organizationId, token: '', pupils: [] };
  db.transaction(() => {
    db.prepare("INSERT INTO organizations (id, name, type, external_id, is_managing_students, created_at) VALUES (?, 'Collège du chaos', 'SCO', '0000002B', 1, ?)").run(organizationId, at);
    db.prepare("INSERT INTO divisions (id, organization_id, name) VALUES ('div-chaos', ?, '4e C')").run(organizationId);
    db.prepare("INSERT INTO users (id, first_name, last_name, email, password_hash, created_at) VALUES ('admin-chaos', 'Ada', 'Admin', 'admin@chaos.pix', ?, ?)").run(hash, at);
    db.prepare("INSERT INTO memberships (id, organization_id, user_id, role) VALUES ('m-chaos', ?, 'admin-chaos', 'ADMIN')").run(organizationId);
    for (let i = 0; i < pupils; i++) {
      const userId = `pupil-${String(i).padStart(3, '0')}`;
      const login = `eleve.chaos${i}`;
      db.prepare('INSERT INTO users (id, first_name, last_name, username, password_hash, birthdate, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        userId, `Élève${i}`, 'Chaos', login, hash, '2012-01-01', at,
      );
      db.prepare("INSERT INTO organization_learners (id, organization_id, division_id, user_id, first_name, last_name, birthdate) VALUES (?, ?, 'div-chaos', ?, ?, 'Chaos', '2012-01-01')").run(
        `learner-${i}`, organizationId, userId, `Élève${i}`,
      );
      school.pupils.push({ userId, login });
    }
    school.token = createRelayToken(db, organizationId, 'admin-chaos', new Date());
  })();
  db.close();
  return school;
}

async function loginOn(url: string, login: string, deadline: number): Promise<string> {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'Pix12345', client: 'sync' }),
      });
      if (response.ok) return ((await response.json()) as { token: string }).token;
    } catch {
      // relay down or not yet holding the snapshot
    }
    await sleep(100);
  }
  throw new Error(`login ${login} impossible on ${url}`);
}

/** Pushes `docs` until every row is accepted or refused for good; retries through relay crashes. */
async function pushUntilAccepted(url: () => string, token: string, collection: SyncCollection, docs: SyncDoc[], deadline: number, rng: Rng): Promise<number> {
  let rows = docs;
  while (rows.length > 0) {
    if (Date.now() > deadline) throw new Error('chaos: deadline reached while pushing');
    try {
      const response = await fetch(`${url()}/api/sync/${collection}/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ rows: rows.map((doc) => ({ newDocumentState: doc })) }),
        signal: AbortSignal.timeout(5_000),
      });
      if (response.ok) {
        const body = (await response.json()) as PushResponse;
        const retry = new Set(body.rejected.filter((r) => r.retryable).map((r) => r.id));
        const refused = body.rejected.length - retry.size;
        if (refused > 0) return refused;
        rows = rows.filter((doc) => retry.has(doc.id));
        if (rows.length === 0) return 0;
      }
    } catch {
      // connection refused or reset: the relay is down; the device keeps its queue
    }
    await sleep(50 + rng.nextInt(200));
  }
  return 0;
}

interface Endpoint {
  url: () => string;
  token: string;
}

/** Plays the plan; a home pupil plays assessments 1, 3, 5… on central, the others at school. */
async function playPupil(plan: PupilPlan, school: Endpoint, home: Endpoint | null, deadline: number, rng: Rng): Promise<number> {
  let refused = 0;
  for (const [i, assessment] of plan.assessments.entries()) {
    const { url, token } = home && i % 2 === 1 ? home : school;
    refused += await pushUntilAccepted(url, token, 'assessments', [assessment], deadline, rng);
    const answers = plan.answers.filter((a) => a.assessmentId === assessment.id);
    let previous: SyncDoc[] = [];
    for (let i = 0; i < answers.length; ) {
      const size = 1 + rng.nextInt(8);
      const batch = answers.slice(i, i + size);
      i += size;
      refused += await pushUntilAccepted(url, token, 'answers', batch, deadline, rng);
      // A device that lost the response pushes the same rows again.
      if (previous.length > 0 && rng.nextInt(5) === 0) refused += await pushUntilAccepted(url, token, 'answers', previous, deadline, rng);
      previous = batch;
      await sleep(rng.nextInt(60));
    }
  }
  return refused;
}

/** Home assessments and answers of a plan (played on central). */
function homeDocIds(plan: PupilPlan): string[] {
  const home = new Set(plan.assessments.filter((_, i) => i % 2 === 1).map((a) => a.id));
  return [...home, ...plan.answers.filter((a) => home.has(a.assessmentId)).map((a) => a.id)];
}

function answersIn(dbFile: string): { id: string; assessment_id: string; challenge_id: string; result: string }[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare('SELECT id, assessment_id, challenge_id, result FROM answers').all() as { id: string; assessment_id: string; challenge_id: string; result: string }[];
  } finally {
    db.close();
  }
}

async function health(url: string): Promise<{ outboxPending?: number; upstreamReachable?: boolean | null } | undefined> {
  try {
    return (await (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })).json()) as { outboxPending?: number };
  } catch {
    return undefined;
  }
}

export async function runChaos(options: ChaosOptions): Promise<ChaosSummary> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  const root = resolve(import.meta.dirname, '..', '..');
  const index: PackIndex = loadContentPackFile(join(root, PACK_PATH));
  const centralDir = mkdtempSync(join(tmpdir(), 'pix-chaos-central-'));
  const relayDir = mkdtempSync(join(tmpdir(), 'pix-chaos-relay-'));
  const rng = createRng(options.seed);
  try {
    const school = await prepareCentral(centralDir, options.pupils);
    const [centralPort, relayPort] = [await freePort(), await freePort()];
    const startCentral = () => spawnNode({ port: centralPort, dataDir: centralDir, args: ['--no-demo'] });
    const startRelay = () =>
      spawnNode({ port: relayPort, dataDir: relayDir, upstream: `http://127.0.0.1:${centralPort}`, relayToken: school.token, args: ['--forward-interval', '100'] });
    let central: NodeProcess = await startCentral();
    let relay: NodeProcess = await startRelay();
    log(`central ${central.url}, relay ${relay.url}`);

    const homePupils = Math.min(options.homePupils ?? 0, options.pupils);
    const tokens = await Promise.all(school.pupils.map((p) => loginOn(relay.url, p.login, deadline)));
    const homeTokens = await Promise.all(school.pupils.slice(0, homePupils).map((p) => loginOn(central.url, p.login, deadline)));
    const plans = school.pupils.map((p, i) => planPupil(index, p.userId, options.answersPerPupil, rng.fork(`pupil-${i}`), new Date(Date.UTC(2026, 10, 23, 8, 0, i))));
    const relayUrl = () => relay.url;
    const centralUrl = () => central.url;
    const homeIds = new Set(plans.slice(0, homePupils).flatMap(homeDocIds));

    let pupilsDone = false;
    const playing = Promise.all(
      plans.map((plan, i) =>
        playPupil(plan, { url: relayUrl, token: tokens[i] }, i < homePupils ? { url: centralUrl, token: homeTokens[i] } : null, deadline, rng.fork(`push-${i}`)),
      ),
    ).finally(() => {
      pupilsDone = true;
    });

    const summary = { relayKills: 0, centralRestarts: 0 };
    const events = [...Array(options.relayKills).fill('relay'), ...Array(options.centralRestarts).fill('central')] as ('relay' | 'central')[];
    for (let i = events.length - 1; i > 0; i--) {
      const j = rng.nextInt(i + 1);
      [events[i], events[j]] = [events[j], events[i]];
    }
    for (const event of events) {
      await sleep(pupilsDone ? 200 : 300 + rng.nextInt(900));
      if (event === 'relay') {
        await stopNode(relay, 'SIGKILL');
        summary.relayKills++;
        log(`relay killed (${summary.relayKills})`);
        await sleep(100 + rng.nextInt(400));
        relay = await startRelay();
      } else {
        await stopNode(central, 'SIGTERM');
        summary.centralRestarts++;
        log(`central stopped (${summary.centralRestarts})`);
        await sleep(500 + rng.nextInt(1_000));
        central = await startCentral();
      }
    }
    const refusedByRelay = (await playing).reduce((n, r) => n + r, 0);
    log('pupils done; waiting for the outbox to drain and the home answers to reach the relay');
    const expected = new Map(plans.flatMap((p) => [...p.expected]));
    await waitForHealth(relay.url, 10_000);
    while (Date.now() < deadline) {
      const h = await health(relay.url);
      if (h && h.outboxPending === 0 && answersIn(join(relayDir, 'pix.sqlite')).filter((r) => expected.has(r.id)).length === expected.size) break;
      await sleep(200);
    }
    await stopNode(relay, 'SIGTERM');
    await stopNode(central, 'SIGTERM');

    const rows = answersIn(join(centralDir, 'pix.sqlite'));
    const relayRows = answersIn(join(relayDir, 'pix.sqlite'));
    const relayDb = new Database(join(relayDir, 'pix.sqlite'), { readonly: true });
    const rejectedByCentral = (relayDb.prepare('SELECT count(*) AS n FROM outbox WHERE rejected_code IS NOT NULL').get() as { n: number }).n;
    const outboxDocs = (relayDb.prepare('SELECT doc_id FROM outbox').all() as { doc_id: string }[]).map((r) => r.doc_id);
    relayDb.close();
    const atRelay = relayRows.filter((r) => expected.has(r.id));
    const pairs = new Map<string, number>();
    for (const row of rows) pairs.set(`${row.assessment_id}|${row.challenge_id}`, (pairs.get(`${row.assessment_id}|${row.challenge_id}`) ?? 0) + 1);
    const atCentral = rows.filter((r) => expected.has(r.id));
    return {
      answersSent: expected.size,
      answersAtCentral: atCentral.length,
      homeAnswers: [...expected.keys()].filter((id) => homeIds.has(id)).length,
      answersAtRelay: atRelay.length,
      wrongResultsAtRelay: atRelay.filter((r) => r.result !== expected.get(r.id)).length,
      echoed: outboxDocs.filter((id) => homeIds.has(id)).length,
      duplicates: rows.length - atCentral.length + [...pairs.values()].reduce((n, c) => n + c - 1, 0),
      lost: [...expected.keys()].filter((id) => !rows.some((r) => r.id === id)).length,
      wrongResults: atCentral.filter((r) => r.result !== expected.get(r.id)).length,
      refusedByRelay,
      rejectedByCentral,
      ...summary,
      durationMs: Date.now() - started,
    };
  } finally {
    killAll();
    rmSync(centralDir, { recursive: true, force: true });
    rmSync(relayDir, { recursive: true, force: true });
  }
}
