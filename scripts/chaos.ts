/**
 * `npm run chaos`: the fault test of issue 6 — 30 pupils × 50 answers pushed to a relay that is
 * SIGKILLed at least 5 times while central is restarted at least twice; 5 of the pupils play every
 * other assessment at home, directly on central. Central must end with exactly the answers sent, and
 * the relay too (home answers pulled down, none sent back up), right results, no duplicate, no loss.
 * Prints a JSON summary as its last line and exits 1 on any loss, duplicate, wrong result or echo.
 * Options: --pupils N --answers N --kills N --restarts N --home N --seed S --timeout MS.
 */
import { resolve } from 'node:path';
import { ensureContentBuilt } from './lib/pwa-build';
import { runChaos } from './lib/chaos-run';
import { killAll } from './lib/spawn-node';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`Option ${name} invalide.`);
  return value;
}

const root = resolve(import.meta.dirname, '..');
process.on('SIGINT', () => {
  killAll();
  process.exit(130);
});
try {
  ensureContentBuilt(root, console.log);
  const seedIndex = process.argv.indexOf('--seed');
  const summary = await runChaos({
    pupils: option('--pupils', 30),
    answersPerPupil: option('--answers', 50),
    relayKills: option('--kills', 5),
    centralRestarts: option('--restarts', 2),
    homePupils: option('--home', 5),
    seed: seedIndex >= 0 ? (process.argv[seedIndex + 1] ?? 'chaos') : `chaos-${Date.now()}`,
    timeoutMs: option('--timeout', 240_000),
    log: (line) => console.log(`  ${line}`),
  });
  console.log(JSON.stringify(summary));
  const ok =
    summary.lost === 0 && summary.duplicates === 0 && summary.wrongResults === 0 && summary.answersAtCentral === summary.answersSent &&
    summary.answersAtRelay === summary.answersSent && summary.wrongResultsAtRelay === 0 && summary.echoed === 0;
  process.exit(ok ? 0 : 1);
} catch (error) {
  killAll();
  console.error(`Échec du test de pannes : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
