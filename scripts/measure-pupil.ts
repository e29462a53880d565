/**
 * `npm run measure:pupil`: the two figures issue 7 asks for, measured in Debian's Chromium against a real
 * node: the gzip size of the pupil route's initial JavaScript, and the time from an offline reload (service
 * worker and local database warm, network cut) to the first question on screen. Prints a JSON line last.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startNode } from '../server/src/node';
import { ensurePwaBuilt, measureInitialJs } from './lib/pwa-build';

const root = resolve(import.meta.dirname, '..');
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 7);

await ensurePwaBuilt(root, console.log);
const initial = measureInitialJs(join(root, 'dist'));
const dataDir = mkdtempSync(join(tmpdir(), 'pix-measure-'));
const node = await startNode({ port: 4700 + Math.floor(Math.random() * 200), host: '127.0.0.1', dataDir, upstream: null, relayToken: null, demo: true, staticRoot: join(root, 'dist'), quiet: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const context = await browser.newContext({ baseURL: node.url });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Adresse e-mail ou identifiant').fill('eleve@demo.pix');
  await page.getByLabel('Mot de passe').fill('Pix12345');
  await page.getByRole('button', { name: 'Je me connecte' }).click();
  await page.getByText('découvrez votre tableau de bord').waitFor();
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
  await page.goto('/competences/1.1');
  await page.getByRole('button', { name: 'Commencer' }).click();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByRole('button', { name: 'Je commence' }).click();
  const question = page.locator('form[data-challenge-id]').or(page.getByTestId('timed-warning'));
  await question.first().waitFor();
  const url = page.url();

  await context.setOffline(true);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(url);
    await question.first().waitFor();
    times.push(await page.evaluate(() => performance.now()));
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`JS initial (route élève) : ${(initial.gzip / 1024).toFixed(1)} KB gzip (${(initial.bytes / 1024).toFixed(1)} KB)`);
  console.log(`Rechargement hors ligne → première question : médiane ${median.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms (${RUNS} essais)`);
  console.log(JSON.stringify({ initialJsGzipKB: Math.round(initial.gzip / 102.4) / 10, offlineReloadToFirstQuestionMs: { median: Math.round(median), max: Math.round(times.at(-1)!) }, runs: RUNS }));
} finally {
  await browser.close();
  await node.close();
  rmSync(dataDir, { recursive: true, force: true });
}
