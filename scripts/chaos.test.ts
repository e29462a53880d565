/**
 * Short variant of `npm run chaos` run by `npm test`: fewer pupils and answers, the same faults
 * (5 SIGKILLs of the relay, 2 restarts of central, 3 pupils playing every other assessment at home on
 * central), the same verdict: nothing lost, nothing doubled, every result the shared matcher's, on
 * central and on the relay, and nothing played at home sent back up by the relay.
 */
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChaos } from './lib/chaos-run';
import { ensureContentBuilt } from './lib/pwa-build';
import { killAll } from './lib/spawn-node';

afterAll(() => killAll());

describe('chaos (short)', () => {
  it('relay killed 5 times, central restarted twice, pupils at home: central and relay hold exactly the answers sent', async () => {
    ensureContentBuilt(resolve(import.meta.dirname, '..'), () => {});
    const summary = await runChaos({ pupils: 8, answersPerPupil: 15, relayKills: 5, centralRestarts: 2, homePupils: 3, seed: 'chaos-test', timeoutMs: 50_000 });
    expect(summary).toMatchObject({
      answersSent: 120, answersAtCentral: 120, duplicates: 0, lost: 0, wrongResults: 0, refusedByRelay: 0, rejectedByCentral: 0,
      relayKills: 5, centralRestarts: 2, answersAtRelay: 120, wrongResultsAtRelay: 0, echoed: 0,
    });
    expect(summary.homeAnswers).toBeGreaterThan(0);
  }, 60_000);
});
