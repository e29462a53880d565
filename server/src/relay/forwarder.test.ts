/**
 * The forwarder against a fake central that records what it receives: batches cut by bytes and by
 * count, a batch refused whole (413, 400) halved until the culprit is alone, parking (refused for good,
 * missing, too big, retried too often) that never blocks the other rows, and the pending count back to 0.
 */
import { describe, expect, it } from 'vitest';
import { relayStatusSchema } from '../../../shared/src/api/schemas';
import type { AnswerDoc, SyncDoc } from '../../../shared/src/sync/protocol';
import { PUSH_ROWS_MAX } from '../../../shared/src/sync/protocol';
import { challengeIdOf } from '../../../shared/src/testing/builders';
import { writeDocument } from '../sync/document-repository';
import { countParkedOutbox, countPendingOutbox, enqueueOutbox } from '../sync/outbox';
import { answerDoc, assessmentDoc, freshId, push, testIndex, userIdOf } from '../sync/sync-fixtures';
import { testNode } from '../testing/test-node';
import { FORWARD_BATCH_BYTES, forwardOnce, RETRY_ATTEMPTS_MAX, UpstreamError } from './forwarder';

type TestNode = Awaited<ReturnType<typeof testNode>>;

const CHALLENGES = [
  ...[1, 2, 3, 4].map((level) => challengeIdOf('@web', level)),
  ...[1, 2, 3].map((level) => challengeIdOf('@mail', level)),
  ...[1, 2, 3].map((level) => challengeIdOf('@data', level)),
];

/** A free-text answer of `chars` characters (20,000 is the schema's maximum). */
const longText = (chars: number, letter = 'a') => letter.repeat(chars);

/**
 * Léa's answers on a relay (no central behind it): a preview assessment accepts any challenge of the
 * pack, so any number of answers is valid.
 */
async function leaOnRelay(values: string[]) {
  const relay = await testNode({ content: testIndex, mode: 'relay' });
  const headers = await relay.login('eleve@demo.pix');
  const userId = userIdOf(relay.db, 'eleve@demo.pix');
  const assessment = assessmentDoc({ userId, type: 'PREVIEW', competenceId: undefined });
  expect((await push(relay.app, headers, 'assessments', [assessment])).body.rejected).toEqual([]);
  const answers = values.map((value, i) =>
    answerDoc({
      userId, assessmentId: assessment.id, challengeId: CHALLENGES[i % CHALLENGES.length], value,
      createdAt: new Date(Date.parse('2026-11-23T09:00:00.000Z') + (i + 1) * 1000).toISOString(),
    }),
  );
  for (let i = 0; i < answers.length; i += 100) {
    expect((await push(relay.app, headers, 'answers', answers.slice(i, i + 100))).body.rejected).toEqual([]);
  }
  return { relay, headers, userId, assessment, answers };
}

interface Received {
  collection: string;
  bytes: number;
  ids: string[];
  status: number;
}

/**
 * A fake central: answers 413 above `limitBytes` (as hono's bodyLimit does), `badRequest(docs)` → 400,
 * else refuses the rows `refuse` names; records every request.
 */
function fakeCentral(options: { limitBytes?: number; badRequest?: (docs: SyncDoc[]) => boolean; refuse?: (doc: SyncDoc) => { code: string; message: string; retryable: boolean } | undefined } = {}) {
  const received: Received[] = [];
  const fetchCentral: typeof fetch = async (input, init) => {
    const body = String(init?.body);
    const bytes = Buffer.byteLength(body);
    const collection = /\/api\/sync\/([^/]+)\/push$/.exec(String(input))?.[1] ?? '?';
    const docs = (JSON.parse(body) as { rows: { newDocumentState: SyncDoc }[] }).rows.map((r) => r.newDocumentState);
    const record = (status: number) => received.push({ collection, bytes, ids: docs.map((d) => d.id), status });
    if (bytes > (options.limitBytes ?? Infinity)) {
      record(413);
      return Response.json({ error: { code: 'HTTP_413', message: 'La requête est trop volumineuse.' } }, { status: 413 });
    }
    if (options.badRequest?.(docs)) {
      record(400);
      return Response.json({ error: { code: 'INVALID_INPUT', message: 'Les données envoyées sont invalides.' } }, { status: 400 });
    }
    record(200);
    const rejected = docs.flatMap((doc) => {
      const refusal = options.refuse?.(doc);
      return refusal ? [{ id: doc.id, ...refusal }] : [];
    });
    return Response.json({ conflicts: [], rejected });
  };
  return { received, upstream: { url: 'http://central.test', token: 't', fetch: fetchCentral } };
}

const now = () => new Date('2026-11-23T10:00:05.000Z');

function outboxOf(relay: TestNode) {
  return relay.db.prepare('SELECT doc_id AS id, forwarded_at IS NOT NULL AS forwarded, rejected_code AS code, last_error AS reason, parked_at AS parkedAt, attempts FROM outbox ORDER BY seq').all() as {
    id: string; forwarded: number; code: string | null; reason: string | null; parkedAt: string | null; attempts: number;
  }[];
}

const answerIdsSent = (received: Received[]) => received.filter((r) => r.collection === 'answers' && r.status === 200).flatMap((r) => r.ids);

/** Runs passes until nothing is pending (at most `passes`). */
async function drain(relay: TestNode, run: () => Promise<unknown>, passes = 50) {
  for (let i = 0; i < passes && countPendingOutbox(relay.db) > 0; i++) await run();
  return countPendingOutbox(relay.db);
}

describe('forwarder: batches cut by bytes and by count', () => {
  it('60 answers of 20,000 characters go in pushes under the byte budget, each answer once', async () => {
    const { relay, answers } = await leaOnRelay(Array.from({ length: 60 }, () => longText(20_000)));
    const central = fakeCentral({ limitBytes: FORWARD_BATCH_BYTES });
    const result = await forwardOnce(relay.db, central.upstream, now);
    expect(result).toMatchObject({ sent: 61, forwarded: 61, rejected: 0, retry: 0 });
    const pushes = central.received.filter((r) => r.collection === 'answers');
    expect(pushes.length).toBe(2);
    expect(pushes.every((r) => r.status === 200 && r.bytes <= FORWARD_BATCH_BYTES)).toBe(true);
    expect(answerIdsSent(central.received).sort()).toEqual(answers.map((a) => a.id).sort());
    expect(countPendingOutbox(relay.db)).toBe(0);
  });

  it('small documents are cut by count (PUSH_ROWS_MAX, or a smaller maxBatchRows)', async () => {
    const { relay } = await leaOnRelay(Array.from({ length: 23 }, (_, i) => String(i)));
    const central = fakeCentral();
    await forwardOnce(relay.db, central.upstream, now, { maxBatchRows: 5 });
    expect(central.received.filter((r) => r.collection === 'answers').map((r) => r.ids.length)).toEqual([5, 5, 5, 5, 3]);
    expect(countPendingOutbox(relay.db)).toBe(0);
    expect(PUSH_ROWS_MAX).toBe(500);
  });

  it('central answers 413 for a batch: it is halved, never sent again as is, and everything arrives', async () => {
    const { relay, answers } = await leaOnRelay(Array.from({ length: 60 }, () => longText(20_000)));
    // A central (or a proxy in front of it) with a smaller limit than the relay's budget.
    const central = fakeCentral({ limitBytes: 150_000 });
    expect(await forwardOnce(relay.db, central.upstream, now)).toMatchObject({ forwarded: 61, rejected: 0 });
    const refused = central.received.filter((r) => r.status === 413);
    expect(refused.length).toBeGreaterThan(0);
    const signatures = central.received.map((r) => r.ids.join(','));
    expect(new Set(signatures).size).toBe(signatures.length);
    expect(central.received.filter((r) => r.status === 200).every((r) => r.bytes <= 150_000)).toBe(true);
    expect(answerIdsSent(central.received).sort()).toEqual(answers.map((a) => a.id).sort());
    expect(central.received.length).toBeLessThan(30);
    expect(countPendingOutbox(relay.db)).toBe(0);
  });
});

describe('forwarder: parking never blocks the others', () => {
  it('a document central refuses as too big on its own (413) is parked with a French reason; the others arrive', async () => {
    // 'é' is 2 bytes in UTF-8: 20,000 of them weigh 40 KB, over this central's 30 KB.
    const { relay, answers } = await leaOnRelay(['1', longText(20_000, 'é'), '2', '3']);
    const big = answers[1];
    const central = fakeCentral({ limitBytes: 30_000 });
    await forwardOnce(relay.db, central.upstream, now);
    expect(answerIdsSent(central.received).sort()).toEqual(answers.filter((a) => a !== big).map((a) => a.id).sort());
    expect(outboxOf(relay).find((r) => r.id === big.id)).toMatchObject({
      forwarded: 0, code: 'DOCUMENT_TOO_LARGE', reason: expect.stringMatching(/^Le serveur central refuse ce document, trop volumineux \(40 Ko\)/), parkedAt: now().toISOString(),
    });
    expect(countPendingOutbox(relay.db)).toBe(0);
    expect(countParkedOutbox(relay.db)).toBe(1);
  });

  it('a document over the relay’s own byte budget is parked without being sent', async () => {
    const { relay, answers } = await leaOnRelay(['1', longText(20_000), '2']);
    const central = fakeCentral();
    const result = await forwardOnce(relay.db, central.upstream, now, { maxBatchBytes: 16_000 });
    expect(result).toMatchObject({ sent: 3, forwarded: 3, rejected: 1, retry: 0 });
    expect(central.received.flatMap((r) => r.ids)).not.toContain(answers[1].id);
    expect(outboxOf(relay).find((r) => r.id === answers[1].id)).toMatchObject({
      code: 'DOCUMENT_TOO_LARGE', reason: 'Document trop volumineux pour être transmis au serveur central (20 Ko, au plus 16 Ko par envoi).',
    });
    expect(countPendingOutbox(relay.db)).toBe(0);
  });

  it('a row that makes central refuse the whole batch as malformed (400) is isolated by halving and parked', async () => {
    const { relay, answers } = await leaOnRelay(Array.from({ length: 9 }, (_, i) => `réponse ${i}`));
    const culprit = answers[6];
    const central = fakeCentral({ badRequest: (docs) => docs.some((d) => d.id === culprit.id) });
    await forwardOnce(relay.db, central.upstream, now);
    expect(answerIdsSent(central.received).sort()).toEqual(answers.filter((a) => a !== culprit).map((a) => a.id).sort());
    expect(outboxOf(relay).find((r) => r.id === culprit.id)).toMatchObject({
      code: 'INVALID_INPUT', reason: 'Le serveur central refuse ce document : Les données envoyées sont invalides.',
    });
    // 9 answers: 9 → 5 + 4 → 3 + 2 → 1 + 1 : a handful of requests, not one per row
    expect(central.received.filter((r) => r.collection === 'answers').length).toBeLessThanOrEqual(8);
    expect(countPendingOutbox(relay.db)).toBe(0);
  });

  it('a row refused for good is parked with central’s code and reason, the batch goes on', async () => {
    const { relay, answers } = await leaOnRelay(['1', '2', '3']);
    const central = fakeCentral({ refuse: (doc) => (doc.id === answers[1].id ? { code: 'UNKNOWN_CHALLENGE', message: "Cette épreuve n'existe pas.", retryable: false } : undefined) });
    expect(await forwardOnce(relay.db, central.upstream, now)).toMatchObject({ sent: 4, forwarded: 3, rejected: 1, retry: 0 });
    expect(outboxOf(relay).find((r) => r.id === answers[1].id)).toMatchObject({ code: 'UNKNOWN_CHALLENGE', reason: "Cette épreuve n'existe pas.", parkedAt: now().toISOString() });
    expect(await forwardOnce(relay.db, central.upstream, now)).toMatchObject({ sent: 0, forwarded: 0, rejected: 0, retry: 0 });
  });

  it('a code this relay does not know yet (newer central) is parked like any final refusal', async () => {
    const { relay, answers } = await leaOnRelay(['1', '2']);
    const central = fakeCentral({ refuse: (doc) => (doc.id === answers[0].id ? { code: 'SOMETHING_NEW', message: 'Nouveau refus.', retryable: false } : undefined) });
    await forwardOnce(relay.db, central.upstream, now);
    expect(outboxOf(relay).find((r) => r.id === answers[0].id)).toMatchObject({ code: 'SOMETHING_NEW' });
    expect(countPendingOutbox(relay.db)).toBe(0);
  });

  it('a MISSING_DOCUMENT row is parked and the others are forwarded', async () => {
    const { relay, userId, answers } = await leaOnRelay(['1', '2']);
    enqueueOutbox(relay.db, 'answers', freshId('gone'), userId, now().toISOString());
    const central = fakeCentral();
    expect(await forwardOnce(relay.db, central.upstream, now)).toMatchObject({ sent: 3, forwarded: 3, rejected: 1, retry: 0 });
    expect(answerIdsSent(central.received).sort()).toEqual(answers.map((a) => a.id).sort());
    expect(outboxOf(relay).filter((r) => r.code === 'MISSING_DOCUMENT')).toHaveLength(1);
    expect(countPendingOutbox(relay.db)).toBe(0);
  });

  it('a lone-surrogate id is refused at the first node and never enters the outbox', async () => {
    const { relay, headers, userId, assessment } = await leaOnRelay(['1']);
    const before = outboxOf(relay).length;
    const forged = { ...answerDoc({ userId, assessmentId: assessment.id, challengeId: CHALLENGES[1] }), id: '\ud800' };
    const junk = { ...answerDoc({ userId, assessmentId: assessment.id, challengeId: CHALLENGES[2] }), id: 'an-000001' };
    const pushed = await push(relay.app, headers, 'answers', [forged, junk]);
    expect(pushed.body.rejected.map((r) => [r.id, r.code])).toEqual([['\ud800', 'INVALID_DOCUMENT'], ['an-000001', 'INVALID_DOCUMENT']]);
    expect(pushed.body.rejected[0].message).toContain('identifiant UUID attendu');
    expect(outboxOf(relay)).toHaveLength(before);
  });

  it('a lone-surrogate id stored before ids were validated is parked, not retried forever', async () => {
    const { relay, userId, assessment, answers } = await leaOnRelay(['1']);
    // What an older relay accepted: SQLite keeps the lone surrogate mangled, so the row cannot find its document.
    const legacy = { ...answerDoc({ userId, assessmentId: assessment.id, challengeId: CHALLENGES[3] }), id: 'x\ud800' } as AnswerDoc;
    relay.db.transaction(() => {
      writeDocument(relay.db, 'answers', legacy);
      enqueueOutbox(relay.db, 'answers', legacy.id, userId, now().toISOString());
    })();
    const central = fakeCentral();
    expect(await drain(relay, () => forwardOnce(relay.db, central.upstream, now))).toBe(0);
    expect(answerIdsSent(central.received)).toEqual([answers[0].id]);
    expect(outboxOf(relay).filter((r) => r.code !== null).map((r) => r.code)).toEqual(['MISSING_DOCUMENT']);
  });

  it('a retryable row goes behind fresh rows, then is parked after RETRY_ATTEMPTS_MAX refusals', async () => {
    const { relay, headers, userId, assessment, answers } = await leaOnRelay(['1']);
    const central = fakeCentral({ refuse: (doc) => (doc.id === answers[0].id ? { code: 'UNKNOWN_ASSESSMENT', message: 'Évaluation inconnue.', retryable: true } : undefined) });
    expect(await forwardOnce(relay.db, central.upstream, now)).toMatchObject({ sent: 2, forwarded: 1, rejected: 0, retry: 1 });
    // A fresh answer, read first although queued later: with a page of one row, it is the one sent.
    const fresh = answerDoc({ userId, assessmentId: assessment.id, challengeId: CHALLENGES[4], createdAt: '2026-11-23T09:30:00.000Z' });
    await push(relay.app, headers, 'answers', [fresh]);
    await forwardOnce(relay.db, central.upstream, now, { limit: 1 });
    expect(central.received.at(-1)?.ids).toEqual([fresh.id]);
    expect(await drain(relay, () => forwardOnce(relay.db, central.upstream, now))).toBe(0);
    const row = outboxOf(relay).find((r) => r.id === answers[0].id);
    expect(row).toMatchObject({ forwarded: 0, code: 'UNKNOWN_ASSESSMENT', reason: `Évaluation inconnue. Abandonné après ${RETRY_ATTEMPTS_MAX} tentatives.`, attempts: RETRY_ATTEMPTS_MAX });
  });

  it('central failing (500, 401) or unreachable parks nothing: everything stays pending', async () => {
    const { relay } = await leaOnRelay(['1', '2']);
    for (const status of [500, 401, 503]) {
      const failing: typeof fetch = async () => Response.json({ error: { code: 'X', message: 'panne' } }, { status });
      await expect(forwardOnce(relay.db, { url: 'http://c', token: 't', fetch: failing }, now)).rejects.toBeInstanceOf(UpstreamError);
    }
    const captivePortal: typeof fetch = async () => new Response('<html>Connexion Wi-Fi</html>', { status: 200 });
    await expect(forwardOnce(relay.db, { url: 'http://c', token: 't', fetch: captivePortal }, now)).rejects.toBeInstanceOf(UpstreamError);
    expect(outboxOf(relay).every((r) => !r.forwarded && r.code === null && r.attempts === 0)).toBe(true);
    expect(countPendingOutbox(relay.db)).toBe(3);
  });
});

describe('GET /api/relay/status: parked rows', () => {
  it('lists the count and the latest parked rows with pupil, collection, code, French reason and date', async () => {
    const { relay, answers } = await leaOnRelay(['1', '2', longText(20_000, 'é')]);
    const central = fakeCentral({ limitBytes: 30_000, refuse: (doc) => (doc.id === answers[0].id ? { code: 'UNKNOWN_CHALLENGE', message: "Cette épreuve n'existe pas.", retryable: false } : undefined) });
    await forwardOnce(relay.db, central.upstream, now);
    const response = await relay.app.request('/api/relay/status', { headers: await relay.login('prof@demo.pix') });
    const status = relayStatusSchema.parse(await response.json());
    expect(status.outboxPending).toBe(0);
    expect(status.parked.count).toBe(2);
    expect(status.parked.latest).toEqual(
      expect.arrayContaining([
        { pupil: 'Léa Martin', division: '5e A', collection: 'answers', code: 'UNKNOWN_CHALLENGE', reason: "Cette épreuve n'existe pas.", parkedAt: now().toISOString() },
        { pupil: 'Léa Martin', division: '5e A', collection: 'answers', code: 'DOCUMENT_TOO_LARGE', reason: expect.stringContaining('trop volumineux'), parkedAt: now().toISOString() },
      ]),
    );
  });

  it('a parked document changed since (a later outbox row) no longer counts as parked', async () => {
    const { relay, userId, assessment } = await leaOnRelay([]);
    const central = fakeCentral({ refuse: (doc) => (doc.id === assessment.id ? { code: 'UNKNOWN_COMPETENCE', message: 'Compétence inconnue.', retryable: false } : undefined) });
    await forwardOnce(relay.db, central.upstream, now);
    expect(countParkedOutbox(relay.db)).toBe(1);
    enqueueOutbox(relay.db, 'assessments', assessment.id, userId, now().toISOString());
    expect(countParkedOutbox(relay.db)).toBe(0);
    expect(countPendingOutbox(relay.db)).toBe(1);
  });
});
