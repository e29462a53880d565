/** axe-core on the pupil's main pages: no serious or critical violation. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { answerNext, currentChallenge, loadChallenges, passGameRules } from './support/answering';
import { loginAs } from './support/pupil';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

test('profile, challenge, checkpoint and campaign results have no serious accessibility violation', async ({ page }) => {
  test.setTimeout(240_000);
  const challenges = await loadChallenges();
  await loginAs(page, 'manon.roux1907');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Manon');
  expect(await seriousViolations(page), 'tableau de bord').toEqual([]);

  await page.goto('/competences');
  await expect(page.getByTestId('competence-card')).toHaveCount(16);
  expect(await seriousViolations(page), 'profil').toEqual([]);

  await page.goto('/campagnes/CLGJMA501');
  await page.getByRole('button', { name: 'Je commence' }).click();
  await passGameRules(page);
  await currentChallenge(page, challenges);
  expect(await seriousViolations(page), 'épreuve').toEqual([]);

  for (let i = 0; i < 5; i++) await answerNext(page, challenges);
  await expect(page.getByTestId('checkpoint')).toBeVisible();
  await page.getByRole('button', { name: 'Réponses et tutos' }).first().click();
  expect(await seriousViolations(page), 'checkpoint').toEqual([]);

  while ((await answerNext(page, challenges)) !== null);
  await expect(page.getByTestId('campaign-mastery')).toBeVisible();
  expect(await seriousViolations(page), 'résultats du parcours').toEqual([]);
});

test("the school page (relay, campaigns and their engine) has no serious accessibility violation", async ({ page }) => {
  await loginAs(page, 'prof@demo.pix');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Claire');
  await page.getByRole('link', { name: 'Établissement' }).first().click();
  await expect(page.getByTestId('campaign-engines')).toBeVisible();
  expect(await seriousViolations(page), 'établissement').toEqual([]);
});
