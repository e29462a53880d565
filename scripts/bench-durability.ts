/**
 * `npm run bench:durability`: what `synchronous = FULL` costs on this disk, and what group commit saves.
 * Writes 2,000 small answer rows to a node database (the node's own openDatabase and document store) as
 * one transaction per row, then in groups of 32 rows per transaction (push-queue.ts groups the pushes of one
 * event-loop turn), each with synchronous FULL (the node's setting) and NORMAL (before issue 12).
 * Last line: {"fullPerCommitMs","normalPerCommitMs","fullGroupedPerRowMs","normalGroupedPerRowMs", …}.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/src/db/database';
import { writeDocument } from '../server/src/sync/document-repository';
import type { AnswerDoc } from '../shared/src/sync/protocol';

const ROWS = 2_000;
const GROUP = 32;
const dir = mkdtempSync(join(tmpdir(), 'pix-durability-'));

function answer(i: number): AnswerDoc {
  const at = new Date(Date.UTC(2026, 10, 23, 9) + i * 1000).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, userId: 'u', assessmentId: '00000000-0000-4000-8000-000000000000',
    challengeId: 'rec1', value: 'réponse', timeout: null, focusedOut: false, timeSpent: 10, createdAt: at, receivedAt: at,
    result: 'ok', updatedAt: at, _deleted: false,
  };
}

/** Milliseconds per row, writing ROWS rows `perTransaction` at a time. */
function run(mode: 'FULL' | 'NORMAL', perTransaction: number): number {
  const db = openDatabase(join(dir, `${mode}-${perTransaction}.sqlite`));
  db.pragma(`synchronous = ${mode}`);
  const started = performance.now();
  for (let i = 0; i < ROWS; i += perTransaction) {
    db.transaction(() => {
      for (let k = i; k < Math.min(ROWS, i + perTransaction); k++) writeDocument(db, 'answers', answer(k));
    })();
  }
  const ms = (performance.now() - started) / ROWS;
  db.close();
  return ms;
}

try {
  const fullPerCommitMs = run('FULL', 1);
  const normalPerCommitMs = run('NORMAL', 1);
  const fullGroupedPerRowMs = run('FULL', GROUP);
  const normalGroupedPerRowMs = run('NORMAL', GROUP);
  const r = (n: number) => Math.round(n * 1000) / 1000;
  console.log(`  une transaction par ligne : FULL ${r(fullPerCommitMs)} ms, NORMAL ${r(normalPerCommitMs)} ms`);
  console.log(`  groupes de ${GROUP} lignes : FULL ${r(fullGroupedPerRowMs)} ms par ligne, NORMAL ${r(normalGroupedPerRowMs)} ms par ligne`);
  console.log(
    JSON.stringify({
      rows: ROWS, group: GROUP, fullPerCommitMs: r(fullPerCommitMs), normalPerCommitMs: r(normalPerCommitMs),
      fullGroupedPerRowMs: r(fullGroupedPerRowMs), normalGroupedPerRowMs: r(normalGroupedPerRowMs),
      fullCostPerCommitMs: r(fullPerCommitMs - normalPerCommitMs),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
