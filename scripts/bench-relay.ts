/**
 * `npm run bench:relay`: load test of a relay on loopback. 300 simulated pupils (concurrently) push
 * their answers in batches to a relay child process that re-scores each answer, recomputes knowledge
 * elements and completion, and writes its outbox (its central is unreachable, as in a school with no
 * internet). Compared with plain batched SQLite inserts of the same rows in the same run.
 * Two phases with 300 pupils each: saturation (every pupil pushes back to back: the relay's capacity,
 * `answersPerSec`) then paced (each pupil pushes a batch on a fixed schedule so that the offered load
 * is --offered answers/s: the push latency a class sees, `pushP50Ms`/`pushP99Ms`).
 * A push answers once its answers are durably stored (synchronous = FULL); while the relay's deriver keeps up
 * it also waits for the knowledge elements and completion, under load those follow: each phase also waits
 * until every derivation is done and reports it (`saturationDrainMs`, `saturationDerivedAnswersPerSec`:
 * answers per second counting the time to derive them all).
 * Last line: {"answersPerSec","pushP50Ms","pushP99Ms","rawSqliteInsertsPerSec","ratio", …details}.
 * Options: --pupils N (300) --answers N per pupil (30) --batch N answers per push (10)
 * --offered N answers/s in the paced phase (2000) --seed S.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRng } from '../shared/src/random/seeded-rng';
import type { AnswerDoc, PushResponse, SyncCollection, SyncDoc } from '../shared/src/sync/protocol';
import { hashPassword } from '../server/src/auth/passwords';
import { createSession } from '../server/src/auth/sessions';
import { loadContentPackFile, PACK_PATH } from '../server/src/content/content-pack';
import { openDatabase } from '../server/src/db/database';
import { ensureContentBuilt } from './lib/pwa-build';
import { planPupil, type PupilPlan } from './lib/simulated-pupil';
import { freePort, killAll, spawnNode, stopNode } from './lib/spawn-node';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`Option ${name} invalide.`);
  return value;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function prepareRelay(dataDir: string, pupils: number): Promise<{ userId: string; token: string }[]> {
  const db = openDatabase(join(dataDir, 'pix.sqlite'));
  const hash = await hashPassword('Pix12345');
  const at = new Date();
  const out: { userId: string; token: string }[] = [];
  db.transaction(() => {
    db.prepare("INSERT INTO organizations (id, name, type, is_managing_students, created_at) VALUES ('org-bench', 'Lycée de charge', 'SCO', 1, ?)").run(at.toISOString());
    for (let i = 0; i < pupils; i++) {
      const userId = `bench-${i}`;
      db.prepare('INSERT INTO users (id, first_name, last_name, username, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        userId, `Élève${i}`, 'Charge', `eleve.charge${i}`, hash, at.toISOString(),
      );
      db.prepare("INSERT INTO organization_learners (id, organization_id, user_id, first_name, last_name, birthdate) VALUES (?, 'org-bench', ?, ?, 'Charge', '2010-01-01')").run(
        `l-${i}`, userId, `Élève${i}`,
      );
      out.push({ userId, token: createSession(db, userId, at).token });
    }
  })();
  db.close();
  return out;
}

/** Plain batched inserts of the same rows into the same table: the ceiling we compare to. */
function rawInsertsPerSec(dataDir: string, batches: AnswerDoc[][]): number {
  const db = openDatabase(join(dataDir, 'raw.sqlite'));
  const insert = db.prepare(
    `INSERT INTO answers (id, user_id, assessment_id, challenge_id, result, client_result, superseded, created_at, updated_at, server_seq, doc)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
  );
  let seq = 0;
  const started = performance.now();
  for (const batch of batches) {
    db.transaction(() => {
      for (const a of batch) insert.run(a.id, a.userId, a.assessmentId, a.challengeId, a.result, a.result, a.createdAt, a.updatedAt, ++seq, JSON.stringify(a));
    })();
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return seq / seconds;
}

const root = resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'pix-bench-'));
process.on('SIGINT', () => {
  killAll();
  process.exit(130);
});

try {
  const pupils = option('--pupils', 300);
  const answersPerPupil = option('--answers', 30);
  const batchSize = option('--batch', 10);
  const offered = option('--offered', 2000);
  const seedAt = process.argv.indexOf('--seed');
  const rng = createRng(seedAt >= 0 ? (process.argv[seedAt + 1] ?? 'bench') : 'bench');
  ensureContentBuilt(root, console.log);
  const index = loadContentPackFile(join(root, PACK_PATH));
  // Two sets of pupils: one for the saturation phase, one for the paced phase.
  const accounts = await prepareRelay(join(dataDir, 'relay'), pupils * 2);
  const plans = accounts.map((a, i) => planPupil(index, a.userId, answersPerPupil, rng.fork(`pupil-${i}`), new Date(Date.UTC(2026, 10, 23, 8, 0, i))));
  const deadPort = await freePort();
  const relay = await spawnNode({
    port: await freePort(), dataDir: join(dataDir, 'relay'), nodeArgs: process.env.PIX_BENCH_NODE_ARGS?.split(' ').filter(Boolean), upstream: `http://127.0.0.1:${deadPort}`, relayToken: 'pixr_bench-unreachable',
  });

  const batches: AnswerDoc[][] = [];
  let refused = 0;
  const pushRows = async (token: string, collection: SyncCollection, docs: SyncDoc[]) => {
    const response = await fetch(`${relay.url}/api/sync/${collection}/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ rows: docs.map((doc) => ({ newDocumentState: doc })) }),
    });
    const body = (await response.json()) as PushResponse;
    if (!response.ok) throw new Error(`push ${collection} → ${response.status} ${JSON.stringify(body)}`);
    refused += body.rejected.length;
    return docs.length - body.rejected.length;
  };

  /**
   * Every pupil pushes its assessments and answer batches. offeredPerSec 0: back to back
   * (saturation); otherwise on a fixed schedule (open loop: a late push does not shift the next
   * ones), starting at a random phase, so that the class offers `offeredPerSec` answers/s.
   */
  async function phase(from: number, offeredPerSec: number) {
    const group = plans.slice(from, from + pupils);
    const batchesOf = (plan: PupilPlan) =>
      plan.assessments.reduce((n, a) => n + Math.ceil(plan.answers.filter((x) => x.assessmentId === a.id).length / batchSize), 0);
    // Paced: every pupil spreads its pushes evenly over the time the offered rate gives the whole class.
    const durationMs = offeredPerSec > 0 ? (group.reduce((n, p) => n + p.answers.length, 0) / offeredPerSec) * 1000 : 0;
    const latencies: number[] = [];
    let accepted = 0;
    const cpuBefore = relayCpuSeconds();
    const started = performance.now();
    await Promise.all(
      group.map(async (plan, i) => {
        const token = accounts[from + i].token;
        const pushRng = rng.fork(`phase-${from}-${i}`);
        const intervalMs = durationMs / batchesOf(plan);
        let next = performance.now() + (intervalMs > 0 ? pushRng.nextFloat() * intervalMs : 0);
        const wait = async () => {
          const delay = next - performance.now();
          if (delay > 0) await new Promise((r) => setTimeout(r, delay));
          next += intervalMs;
        };
        for (const assessment of plan.assessments) {
          await pushRows(token, 'assessments', [assessment]);
          const answers = plan.answers.filter((a) => a.assessmentId === assessment.id);
          for (let k = 0; k < answers.length; k += batchSize) {
            const batch = answers.slice(k, k + batchSize);
            batches.push(batch);
            await wait();
            const t0 = performance.now();
            const stored = await pushRows(token, 'answers', batch);
            accepted += stored;
            latencies.push(performance.now() - t0);
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    // Under load a push answers once stored and the relay derives (KEs, completion) behind: wait for it.
    const drainStarted = performance.now();
    await derivationsDone();
    const drainSeconds = (performance.now() - drainStarted) / 1000;
    const cpuSeconds = relayCpuSeconds() - cpuBefore;
    const sorted = latencies.sort((a, b) => a - b);
    return {
      answers: accepted, seconds, perSec: accepted / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), pushes: sorted.length,
      drainSeconds, derivedPerSec: accepted / (seconds + drainSeconds), perRelayCpuSecond: accepted / cpuSeconds,
    };
  }

  /** CPU seconds the relay process used so far (user + system, /proc): a capacity figure a busy machine does not distort. */
  function relayCpuSeconds(): number {
    try {
      const fields = readFileSync(`/proc/${relay.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return Number.NaN;
    }
  }

  async function derivationsDone(): Promise<void> {
    for (let i = 0; i < 6000; i++) {
      const health = (await (await fetch(`${relay.url}/api/health`)).json()) as { derivationsQueued?: number };
      if (!health.derivationsQueued) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('les dérivations ne se terminent pas');
  }

  const saturation = await phase(0, 0);
  const paced = await phase(pupils, offered);
  await stopNode(relay, 'SIGTERM');
  const seconds = saturation.seconds;
  const answersAccepted = saturation.answers + paced.answers;
  const latencies = [paced.p50, paced.p99];

  const raw = rawInsertsPerSec(dataDir, batches);
  const answersPerSec = saturation.perSec;
  console.log(`  ${answersAccepted} réponses acceptées (${refused} refusées), envois de ${batchSize} réponses`);
  console.log(
    `  saturation : ${pupils} élèves sans pause, ${saturation.pushes} envois en ${round(seconds, 2)} s → ${Math.round(saturation.perSec)} réponses/s, ` +
      `p50 ${round(saturation.p50)} ms, p99 ${round(saturation.p99)} ms ; dérivations terminées ${round(saturation.drainSeconds * 1000)} ms après ` +
      `(${Math.round(saturation.derivedPerSec)} réponses/s dérivées comprises)`,
  );
  console.log(
    `  rythmé : ${pupils} élèves, envois répartis régulièrement (offert ≈ ${offered} réponses/s) → ${Math.round(paced.perSec)} réponses/s, ` +
      `p50 ${round(paced.p50)} ms, p99 ${round(paced.p99)} ms`,
  );
  console.log(
    JSON.stringify({
      answersPerSec: Math.round(answersPerSec),
      pushP50Ms: round(latencies[0]),
      pushP99Ms: round(latencies[1]),
      rawSqliteInsertsPerSec: Math.round(raw),
      ratio: round(answersPerSec / raw, 3),
      offeredAnswersPerSec: offered,
      pacedAnswersPerSec: Math.round(paced.perSec),
      saturationP50Ms: round(saturation.p50),
      saturationP99Ms: round(saturation.p99),
      saturationDrainMs: round(saturation.drainSeconds * 1000),
      // answers stored AND derived per second of the relay's own CPU (one core's capacity, whatever else runs)
      answersPerRelayCpuSecond: Math.round(saturation.perRelayCpuSecond),
      saturationDerivedAnswersPerSec: Math.round(saturation.derivedPerSec),
      pacedDrainMs: round(paced.drainSeconds * 1000),
    }),
  );
} catch (error) {
  console.error(`Échec du banc de charge : ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  killAll();
  rmSync(dataDir, { recursive: true, force: true });
}
