/**
 * Issue 12, point 2: a big offline backlog must not wedge forwarding for everyone. Central (over real
 * HTTP, with its 5 MB body limit) is down while four pupils queue 118 answers of 20,000 characters each
 * on the relay (≈ 9.5 MB, the old forwarder's single 500-row push got 413 forever; each pupil stays under
 * the 4 MB per-user quota of issue 13), then five other
 * pupils answer. Central back: the others' answers reach it within seconds, and the big ones arrive
 * too, cut into several pushes; nothing stays pending, nothing is parked.
 */
import { describe, expect, it } from 'vitest';
import { challengeIdOf } from '../../../shared/src/testing/builders';
import { countParkedOutbox, countPendingOutbox } from '../sync/outbox';
import { answerDoc, assessmentDoc, push, userIdOf, type Headers } from '../sync/sync-fixtures';
import { centralAndRelay, type TestNode } from './relay-fixtures';
import { pullSnapshot, startRelayLoops } from './relay-loops';

const BIG_PUPILS = 4;
const BIG_ANSWERS = 118;
const CHALLENGES = [
  ...[1, 2, 3, 4].map((level) => challengeIdOf('@web', level)),
  ...[1, 2, 3].map((level) => challengeIdOf('@mail', level)),
  ...[1, 2, 3].map((level) => challengeIdOf('@data', level)),
];

const at = (seconds: number) => new Date(Date.parse('2026-11-23T08:00:00.000Z') + seconds * 1000).toISOString();

/** A long free-text answer (the schema's maximum), different for every answer. */
function essay(n: number): string {
  const text = `Réponse ${n} : le numérique responsable commence par éteindre les appareils inutilisés. `;
  return text.repeat(Math.ceil(20_000 / text.length)).slice(0, 20_000);
}

async function pupilOnRelay(relay: TestNode, central: TestNode, login: string) {
  const headers: Headers = await relay.login(login);
  return { headers, userId: userIdOf(central.db, login) };
}

const answersAtCentral = (central: TestNode, ids: readonly string[]) => {
  const stored = new Set((central.db.prepare('SELECT id FROM answers').all() as { id: string }[]).map((r) => r.id));
  return ids.filter((id) => stored.has(id)).length;
};

describe('relay: a big offline backlog does not wedge forwarding', () => {
  it(`central down, ${BIG_PUPILS} × ${BIG_ANSWERS} answers of 20,000 characters queued, central back: every other pupil's answers reach central within seconds`, async () => {
    const setup = await centralAndRelay({ overHttp: true });
    const { central, relay, link, loopDeps } = setup;
    const loops = { stop: async () => {} };
    try {
      await pullSnapshot(loopDeps);
      link.up = false;
      const pupils = central.demo?.pupils.map((p) => p.username) ?? [];
      expect(pupils.length).toBeGreaterThanOrEqual(BIG_PUPILS + 5);

      // Four pupils with a long offline backlog: a preview assessment accepts any challenge of the pack.
      const bigIds: string[] = [];
      for (const login of pupils.slice(0, BIG_PUPILS)) {
        const { headers, userId } = await pupilOnRelay(relay, central, login);
        const assessment = assessmentDoc({ userId, type: 'PREVIEW', competenceId: undefined, createdAt: at(0), updatedAt: at(0) });
        expect((await push(relay.app, headers, 'assessments', [assessment])).body.rejected).toEqual([]);
        const answers = Array.from({ length: BIG_ANSWERS }, (_, i) =>
          answerDoc({ userId, assessmentId: assessment.id, challengeId: CHALLENGES[i % CHALLENGES.length], value: essay(i), createdAt: at(i + 1) }),
        );
        for (let i = 0; i < answers.length; i += 50) {
          const pushed = await push(relay.app, headers, 'answers', answers.slice(i, i + 50));
          expect(pushed.status).toBe(200);
          expect(pushed.body.rejected).toEqual([]);
        }
        bigIds.push(...answers.map((a) => a.id));
      }

      // Five other pupils answer a few questions of a competence evaluation, after the backlog.
      const otherIds: string[] = [];
      for (const login of pupils.slice(BIG_PUPILS, BIG_PUPILS + 5)) {
        const { headers, userId } = await pupilOnRelay(relay, central, login);
        const assessment = assessmentDoc({ userId });
        expect((await push(relay.app, headers, 'assessments', [assessment])).body.rejected).toEqual([]);
        const answers = [1, 2, 3].map((level) =>
          answerDoc({ userId, assessmentId: assessment.id, challengeId: challengeIdOf('@web', level), createdAt: `2026-11-23T09:0${level}:00.000Z` }),
        );
        expect((await push(relay.app, headers, 'answers', answers)).body.rejected).toEqual([]);
        otherIds.push(...answers.map((a) => a.id));
      }
      expect(countPendingOutbox(relay.db)).toBe(BIG_PUPILS * (BIG_ANSWERS + 1) + 5 * 4);
      const queuedBytes = (relay.db.prepare('SELECT sum(length(doc)) AS n FROM answers').get() as { n: number }).n;
      expect(queuedBytes).toBeGreaterThan(9_000_000);

      link.up = true;
      const started = performance.now();
      const running = startRelayLoops({ ...loopDeps, events: relay.syncEvents }, { intervalMs: 50, snapshotEveryMs: 60 * 60_000, backoff: { baseMs: 50, maxMs: 500 } });
      loops.stop = running.stop;
      let othersMs = Infinity;
      let allMs = Infinity;
      // Polled on a timer, not at the end of a relay pass (a pass also pulls what central holds, after forwarding).
      while (performance.now() - started < 60_000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const elapsed = performance.now() - started;
        if (othersMs === Infinity && answersAtCentral(central, otherIds) === otherIds.length) othersMs = elapsed;
        if (answersAtCentral(central, bigIds) === bigIds.length && countPendingOutbox(relay.db) === 0) {
          allMs = elapsed;
          break;
        }
      }
      console.log(`backlog: others at central after ${othersMs.toFixed(0)} ms, everything after ${allMs.toFixed(0)} ms (${(queuedBytes / 1e6).toFixed(1)} MB queued)`);
      expect(othersMs).toBeLessThan(10_000);
      expect(allMs).toBeLessThan(30_000);
      expect(answersAtCentral(central, otherIds)).toBe(otherIds.length);
      expect(answersAtCentral(central, bigIds)).toBe(bigIds.length);
      expect(countPendingOutbox(relay.db)).toBe(0);
      expect(countParkedOutbox(relay.db)).toBe(0);
      // Cut into several pushes, none refused by central's body limit.
      const answerPushes = link.urls.filter((url) => url.endsWith('/api/sync/answers/push')).length;
      expect(answerPushes).toBeGreaterThanOrEqual(10);
      expect(central.logs.filter((line) => / 413 /.test(line))).toEqual([]);
    } finally {
      await loops.stop();
      await setup.close();
    }
  }, 90_000);
});
