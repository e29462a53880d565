/**
 * A reload before the node acknowledged an answer's push (ADR 0001, precedence): the node stored and stamped
 * the answer, the device never heard back and pushes it again after the reload. The device must end with the
 * node's stamp on every answer — it orders answers by that stamp, so without it the answer goes last and the
 * device and the node disagree on the next question — and ask the same next question as a fresh device that
 * holds only what the node holds. At the end of the test, the device records the end once: no push loop.
 */
import { expect, test, type Page } from '@playwright/test';
import { answerNext, currentChallenge, loadChallenges, passGameRules } from './support/answering';
import { loginAs } from './support/pupil';

const PUPIL = 'emma.laurent0112';
const COMPETENCE = '1.2';

interface Stamped {
  id: string;
  assessmentId: string;
  receivedAt?: string;
}

/** The pupil's answers at the node, with their stamps. */
async function nodeAnswers(page: Page): Promise<Stamped[]> {
  const response = await page.request.get('/api/sync/answers/pull?seq=0&id=&limit=500');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { documents: Stamped[] }).documents;
}

async function nodeAssessmentState(page: Page, id: string): Promise<string | undefined> {
  const response = await page.request.get('/api/sync/assessments/pull?seq=0&id=&limit=500');
  return ((await response.json()) as { documents: { id: string; state: string }[] }).documents.find((a) => a.id === id)?.state;
}

/** The answers in this browser's local database (RxDB on Dexie: `rxdb-dexie-pix-<user>--<version>--answers`). */
function localAnswers(page: Page): Promise<Stamped[]> {
  return page.evaluate(async () => {
    const found: Stamped[] = [];
    for (const info of await indexedDB.databases()) {
      if (!/^rxdb-dexie-pix-[0-9a-f-]+--\d+--answers$/.test(info.name ?? '')) continue;
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => ok(open.result);
        open.onerror = () => ko(open.error);
      });
      if (db.objectStoreNames.contains('docs')) {
        const docs = await new Promise<(Stamped & { _deleted?: boolean | string })[]>((ok) => {
          const request = db.transaction('docs').objectStore('docs').getAll();
          request.onsuccess = () => ok(request.result as (Stamped & { _deleted?: boolean | string })[]);
        });
        for (const d of docs) if (d._deleted !== '1' && d._deleted !== true) found.push({ id: d.id, assessmentId: d.assessmentId, receivedAt: d.receivedAt });
      }
      db.close();
    }
    return found;
  });
}

const byId = (answers: Stamped[]) => Object.fromEntries(answers.map((a) => [a.id, a.receivedAt ?? null]).sort(([a], [b]) => String(a).localeCompare(String(b))));

test('a reload before the push is acknowledged: the device gets the node’s stamp and asks the node’s next question; the end is pushed once', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const challenges = await loadChallenges();
  const status = page.getByTestId('sync-status').first();
  const assessmentPushes: number[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/sync/assessments/push')) assessmentPushes.push(Date.now());
  });

  await loginAs(page, PUPIL);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Emma');
  await page.goto(`/competences/${COMPETENCE}`);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await passGameRules(page);
  expect(await answerNext(page, challenges)).not.toBeNull();
  await expect(status).toHaveText('Synchronisé', { timeout: 30_000 });
  const assessmentId = (await nodeAnswers(page))[0].assessmentId;

  // The next answer's push reaches the node (stored, stamped), but its answer never reaches the page.
  await page.route('**/api/sync/answers/push', async (route) => {
    await route.fetch().catch(() => undefined);
  });
  expect(await answerNext(page, challenges)).not.toBeNull();
  await expect.poll(async () => (await nodeAnswers(page)).length, { timeout: 30_000 }).toBe(2);
  // (unrouted first: the reloaded page's pushes go through; the held one dies with the page)
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.reload();
  await expect(page.locator('form[data-challenge-id]').or(page.getByTestId('timed-warning')).first()).toBeVisible();

  // The device pushed it again: it now holds the node's stamp (the first one, not a new one).
  await expect(status).toHaveText('Synchronisé', { timeout: 30_000 });
  await expect.poll(async () => byId(await localAnswers(page)), { timeout: 15_000 }).toEqual(byId(await nodeAnswers(page)));

  // A few more answers: the device orders them as the node does, so a fresh device (what the node holds) agrees.
  for (let i = 0; i < 3; i++) if (!(await answerNext(page, challenges))) break;
  await expect(status).toHaveText('Synchronisé', { timeout: 30_000 });
  await expect.poll(async () => byId(await localAnswers(page)), { timeout: 15_000 }).toEqual(byId(await nodeAnswers(page)));
  const checkpoint = page.getByTestId('checkpoint');
  if (await checkpoint.isVisible()) await page.getByRole('button', { name: 'Continuer' }).first().click();
  const results = page.getByRole('heading', { name: /Vous avez terminé le test|Vous maîtrisez/ });
  const here = (await results.isVisible()) ? 'done' : (await currentChallenge(page, challenges)).id;
  const other = await browser.newContext();
  try {
    const fresh = await other.newPage();
    await loginAs(fresh, PUPIL);
    await expect(fresh.getByRole('heading', { level: 1 })).toContainText('Bonjour Emma');
    await expect(fresh.getByTestId('resume-card')).toHaveCount(1, { timeout: 30_000 });
    await fresh.getByRole('link', { name: 'Reprendre' }).click();
    const freshResults = fresh.getByRole('heading', { name: /Vous avez terminé le test|Vous maîtrisez/ });
    await expect(fresh.locator('form[data-challenge-id]').or(fresh.getByTestId('timed-warning')).or(fresh.getByTestId('checkpoint')).or(freshResults).first()).toBeVisible({ timeout: 30_000 });
    if (await fresh.getByTestId('checkpoint').isVisible()) await fresh.getByRole('button', { name: /Continuer|Voir mes résultats/ }).first().click();
    expect((await freshResults.isVisible()) ? 'done' : (await currentChallenge(fresh, challenges)).id).toBe(here);
  } finally {
    await other.close();
  }

  // To the end of the test: the node completes it too, and the device stops pushing the end.
  for (let guard = 0; guard < 80; guard++) if (!(await answerNext(page, challenges))) break;
  await expect(results).toBeVisible();
  await expect.poll(() => nodeAssessmentState(page, assessmentId), { timeout: 30_000 }).toBe('completed');
  const settled = Date.now();
  await page.waitForTimeout(3_000);
  expect(assessmentPushes.filter((at) => at >= settled).length, 'poussées de l’évaluation après la fin').toBeLessThanOrEqual(1);
  await expect(status).toHaveText('Synchronisé');
});
