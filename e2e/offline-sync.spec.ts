/**
 * Offline-first: answers given with the network cut are kept through reloads and reach the node when it
 * comes back, with the same results; a test started on one device continues on another.
 */
import { expect, test, type Page } from '@playwright/test';
import { answerNext, currentChallenge, loadChallenges, passGameRules } from './support/answering';
import { loginAs, waitForOfflineReady } from './support/pupil';

interface ServerAnswer {
  id: string;
  challengeId: string;
  assessmentId: string;
  result: string;
}

async function serverAnswers(page: Page): Promise<ServerAnswer[]> {
  const all: ServerAnswer[] = [];
  let seq = 0;
  let id = '';
  for (;;) {
    const response = await page.request.get(`/api/sync/answers/pull?seq=${seq}&id=${encodeURIComponent(id)}&limit=500`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { documents: ServerAnswer[]; checkpoint: { seq: number; id: string } | null };
    all.push(...body.documents);
    if (!body.checkpoint || body.documents.length === 0) return all;
    ({ seq, id } = body.checkpoint);
  }
}

async function startCompetence(page: Page, index: string) {
  await page.goto(`/competences/${index}`);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await passGameRules(page);
}

test('10 answers offline, two reloads, back online: the node holds them all with the device results', async ({ page, context }) => {
  test.setTimeout(180_000);
  const challenges = await loadChallenges();
  await loginAs(page, 'adam.benali0504');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Adam');
  await waitForOfflineReady(page);
  await startCompetence(page, '1.2');
  const expected = new Map<string, string>();
  const first = await answerNext(page, challenges);
  expect(first).not.toBeNull();
  expected.set(first!.challengeId, first!.result);
  await expect(page.getByTestId('sync-status').first()).toHaveText('Synchronisé');

  await context.setOffline(true);
  for (let i = 0; i < 10; i++) {
    const step = await answerNext(page, challenges, i % 4 === 3 ? 'skip' : 'right');
    if (!step) break;
    expected.set(step.challengeId, step.result);
    if (i === 4 || i === 8) {
      // a reload offline resumes at the same question, nothing lost
      const before = await page.locator('form[data-challenge-id]').or(page.getByTestId('checkpoint')).first().getAttribute('data-challenge-id');
      await page.reload();
      await expect(page.getByTestId('sync-status').first()).toContainText('Hors ligne');
      if (before) await expect(page.locator('form[data-challenge-id]')).toHaveAttribute('data-challenge-id', before);
    }
  }
  const offlineCount = expected.size - 1;
  expect(offlineCount).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId('sync-status').first()).toContainText(`${offlineCount} réponse`);

  await context.setOffline(false);
  await expect(page.getByTestId('sync-status').first()).toHaveText('Synchronisé', { timeout: 30_000 });
  const stored = await serverAnswers(page);
  expect(stored).toHaveLength(expected.size);
  for (const answer of stored) expect([answer.challengeId, answer.result]).toEqual([answer.challengeId, expected.get(answer.challengeId)]);
  expect(new Set(stored.map((a) => a.id)).size).toBe(stored.length);
});

test('two devices: a test started on the first continues on the second at the same question', async ({ browser }) => {
  test.setTimeout(180_000);
  const challenges = await loadChallenges();
  const schoolPc = await browser.newContext();
  const homeLaptop = await browser.newContext();
  const school = await schoolPc.newPage();
  await loginAs(school, 'nathan.bernard0206');
  await expect(school.getByRole('heading', { level: 1 })).toContainText('Bonjour Nathan');
  await startCompetence(school, '2.3');
  for (let i = 0; i < 3; i++) await answerNext(school, challenges);
  const nextAtSchool = (await currentChallenge(school, challenges)).id;
  await expect(school.getByTestId('sync-status').first()).toHaveText('Synchronisé');

  const home = await homeLaptop.newPage();
  await loginAs(home, 'nathan.bernard0206');
  await expect(home.getByRole('heading', { level: 1 })).toContainText('Bonjour Nathan');
  await expect(home.getByTestId('resume-card')).toHaveCount(1, { timeout: 20_000 });
  await home.getByRole('link', { name: 'Reprendre' }).click();
  await passGameRules(home);
  expect((await currentChallenge(home, challenges)).id).toBe(nextAtSchool);
  // two more answers at home: the checkpoint lists the five answers, three of them given at school
  await answerNext(home, challenges);
  await answerNext(home, challenges);
  await expect(home.getByTestId('checkpoint')).toBeVisible();
  await expect(home.getByTestId('answer-review')).toHaveCount(5);
  await schoolPc.close();
  await homeLaptop.close();
});

test('a new competence test starts with the network cut (content pack cached)', async ({ page, context }) => {
  const challenges = await loadChallenges();
  await loginAs(page, 'theo.girard1605');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Théo');
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.goto('/competences/4.3');
  await page.getByRole('button', { name: 'Commencer' }).click();
  await passGameRules(page);
  const step = await answerNext(page, challenges);
  expect(step).not.toBeNull();
  await expect(page.getByTestId('sync-status').first()).toContainText('Hors ligne — 1 réponse en attente');
  await context.setOffline(false);
  await expect(page.getByTestId('sync-status').first()).toHaveText('Synchronisé', { timeout: 30_000 });
});

test('logging out with answers not yet synced warns and keeps them; once synced it wipes the device', async ({ page, context }) => {
  const challenges = await loadChallenges();
  await loginAs(page, 'lucas.fournier0802');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Lucas');
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await startCompetence(page, '5.1');
  await answerNext(page, challenges);
  await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
  await expect(page.getByTestId('logout-warning')).toContainText('pas encore synchronisées');
  await page.getByRole('button', { name: 'Me déconnecter quand même' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expect(page.getByText('restent sur cet ordinateur')).toBeVisible();

  // Back online, the same pupil logs in again on this PC: the kept answer leaves, then logout wipes.
  await context.setOffline(false);
  await loginAs(page, 'lucas.fournier0802');
  await expect(page.getByTestId('sync-status').first()).toHaveText('Synchronisé', { timeout: 30_000 });
  await expect(page.getByTestId('resume-card')).toHaveCount(1);
  await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  // Nothing of the pupil is left in IndexedDB (the databases are deleted, or at least emptied).
  const leftAnswers = await page.evaluate(async () => {
    let count = 0;
    for (const info of await indexedDB.databases()) {
      if (!info.name?.includes('--answers')) continue;
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => ok(open.result);
        open.onerror = () => ko(open.error);
      });
      if (db.objectStoreNames.contains('docs')) {
        count += await new Promise<number>((ok) => {
          const request = db.transaction('docs').objectStore('docs').count();
          request.onsuccess = () => ok(request.result);
        });
      }
      db.close();
    }
    return count;
  });
  expect(leftAnswers).toBe(0);
});
