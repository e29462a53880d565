/**
 * The content pack carries the solutions: the node serves it to logged-in users only, it is not in the
 * service worker's precache, and the copy a device downloads after login is enough to start the app and
 * open a challenge with the network cut.
 */
import { expect, test } from '@playwright/test';
import { currentChallenge, loadChallenges } from './support/answering';
import { loginAs, waitForOfflineReady } from './support/pupil';

test('anonymous: the pack is refused (401, no solution in the body)', async ({ request }) => {
  const response = await request.get('/content/pack.json');
  expect(response.status()).toBe(401);
  const text = await response.text();
  expect(JSON.parse(text)).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Vous devez être connecté.' } });
  expect(text).not.toContain('solution');
});

test('after one visit and a login, the app starts offline and a challenge opens from the kept pack', async ({ page, context }) => {
  test.setTimeout(120_000);
  const challenges = await loadChallenges();
  await page.goto('/');
  await waitForOfflineReady(page);
  // Nothing of the pack before login: neither precached nor kept.
  expect(await page.evaluate(async () => (await caches.match('/content/pack.json')) !== undefined)).toBe(false);

  await loginAs(page, 'mael.fontaine0707');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Maël');
  await expect.poll(() => page.evaluate(async () => (await (await caches.open('pix-contenu')).match('/content/pack.json')) !== undefined)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Maël');
  await page.getByRole('link', { name: 'Compétences' }).first().click();
  await page.getByRole('link', { name: "1.1 Mener une recherche et une veille d'information" }).click();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.getByRole('button', { name: 'Suivant' }).click();
  for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByRole('button', { name: 'Je commence' }).click();
  const challenge = await currentChallenge(page, challenges);
  expect(challenge.competenceId).toBe('competence-1-1');
  await context.setOffline(false);
});
