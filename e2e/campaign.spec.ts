/**
 * A parcours joined by code, finished and sent: the results stay private until "J'envoie mes résultats",
 * then the teacher sees them through the API.
 */
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { answerNext, loadChallenges, passGameRules } from './support/answering';
import { loginAs } from './support/pupil';

interface TeacherResults {
  participants: { firstName: string; lastName: string; masteryRate: number }[];
}

test('a pupil joins a campaign by code, finishes it and sends the results', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const challenges = await loadChallenges();
  const teacher = await playwrightRequest.newContext({ baseURL });
  expect((await teacher.post('/api/auth/login', { data: { login: 'prof@demo.pix', password: 'Pix12345' } })).status()).toBe(200);
  const me = (await (await teacher.get('/api/me')).json()) as { organizations: { id: string }[] };
  const campaigns = (await (await teacher.get(`/api/organizations/${me.organizations[0].id}/campaigns`)).json()) as { id: string; code: string }[];
  const campaign = campaigns.find((c) => c.code === 'CLGJMA501');
  expect(campaign).toBeDefined();
  const teacherResults = async () => ((await (await teacher.get(`/api/campaigns/${campaign!.id}/results`)).json()) as TeacherResults).participants;

  await loginAs(page, 'chloe.garnier3011');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Chloé');
  await page.getByRole('link', { name: "J'ai un code" }).first().click();
  await page.getByLabel('Code du parcours').fill('abc');
  await page.getByRole('button', { name: 'Accéder au parcours' }).click();
  await expect(page.getByText('Le code doit comporter 9 caractères')).toBeVisible();
  await page.getByLabel('Code du parcours').fill('clgjma501');
  await page.getByRole('button', { name: 'Accéder au parcours' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Parcours de rentrée 5e');
  await expect(page.getByText('Collège Jean Moulin (démo)')).toBeVisible();
  await page.getByRole('button', { name: 'Je commence' }).click();
  await passGameRules(page);

  let answered = 0;
  while ((await answerNext(page, challenges, answered % 3 === 2 ? 'skip' : 'right')) !== null) answered++;
  expect(answered).toBeGreaterThan(5);
  await expect(page.getByTestId('campaign-mastery')).toContainText('Vous maîtrisez');
  await expect(page.getByTestId('campaign-competences')).toBeVisible();
  await expect(page.getByTestId('sync-status').first()).toHaveText('Synchronisé', { timeout: 30_000 });

  // Not sent yet: nothing of it on the teacher's side.
  expect(await teacherResults()).toEqual([]);

  await page.getByRole('button', { name: "J'envoie mes résultats" }).click();
  await expect(page.getByText('Merci, vos résultats ont bien été envoyés !')).toBeVisible();
  await expect(page.getByTestId('sync-status').first()).toHaveText('Synchronisé', { timeout: 30_000 });
  await expect.poll(async () => (await teacherResults()).map((p) => `${p.firstName} ${p.lastName}`), { timeout: 20_000 }).toEqual(['Chloé Garnier']);
  const [result] = await teacherResults();
  const shownPercent = Number((await page.getByTestId('campaign-mastery').textContent())?.match(/(\d+) %/)?.[1]);
  expect(Math.round(result.masteryRate * 100)).toBe(shownPercent);

  await page.getByRole('link', { name: 'Tableau de bord' }).first().click();
  await expect(page.getByTestId('to-share-card')).toHaveCount(0);
  await teacher.dispose();
});

test('an unknown code gets a clear message', async ({ page }) => {
  await loginAs(page, 'eleve@demo.pix');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Léa');
  await page.goto('/campagnes/ZZZZZZ999');
  await expect(page.getByRole('alert')).toContainText('ne correspond à aucun parcours');
});

test("another class's campaign: the pupil is told it is reserved to that class, and nothing starts", async ({ page }) => {
  await loginAs(page, 'eleve@demo.pix');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Léa');
  await page.goto('/campagnes/CLGJMB302');
  await expect(page.getByRole('alert')).toContainText('Ce parcours est réservé aux élèves de la classe 3e B.');
  await expect(page.getByRole('button', { name: 'Je commence' })).toHaveCount(0);
});
