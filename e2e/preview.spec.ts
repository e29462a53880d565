/** "Aperçu du contenu": a teacher reviews every challenge of a competence with its solution. */
import { expect, test } from '@playwright/test';
import { shippedPack } from './support/answering';
import { loginAs } from './support/pupil';

interface PackChallenge {
  id: string;
  type: string;
  competenceId: string;
  proposals: string;
  solution: { value: string };
  embedUrl?: string;
}

test('a teacher previews a competence, answers a QCU with its solution and sees it accepted', async ({ page }) => {
  const pack = shippedPack<{ challenges: PackChallenge[] }>();
  const competenceChallenges = pack.challenges.filter((c) => c.competenceId === 'competence-1-1');
  const qcu = competenceChallenges.find((c) => c.type === 'QCU' && !c.embedUrl);
  expect(qcu).toBeDefined();

  await loginAs(page, 'prof@demo.pix');
  await page.getByRole('link', { name: 'Compétences' }).first().click();
  await page.getByRole('link', { name: /Aperçu du contenu/ }).click();
  await page.getByLabel('Compétence').selectOption('1.1');
  await expect(page).toHaveURL(/\/apercu\/1\.1$/);
  await expect(page.getByTestId('preview-challenge')).toHaveCount(competenceChallenges.length);

  const card = page.getByRole('article', { name: `Épreuve ${qcu!.id}` });
  const wrong = qcu!.solution.value.trim() === '1' ? 2 : 1;
  // DSFR draws its own radio over the native input: click the label, as a pupil would.
  await card.locator('.fr-radio-group label').nth(wrong - 1).click();
  await card.getByRole('button', { name: 'Vérifier' }).click();
  await expect(card.getByRole('status')).toHaveText('Mauvaise réponse');
  await card.locator('.fr-radio-group label').nth(Number(qcu!.solution.value) - 1).click();
  await card.getByRole('button', { name: 'Vérifier' }).click();
  await expect(card.getByRole('status')).toHaveText('Bonne réponse');
  await expect(card.getByText('Réponse attendue')).toBeVisible();
});

test('the preview is refused to a pupil', async ({ page }) => {
  await loginAs(page, 'eleve@demo.pix');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Léa');
  await page.goto('/apercu/1.1');
  await expect(page.getByText("L'aperçu du contenu est réservé aux enseignants.")).toBeVisible();
});
