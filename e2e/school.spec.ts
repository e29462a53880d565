/** The school referent's page on central: a relay token is created and shown once. */
import { expect, test } from '@playwright/test';
import { loginAs } from './support/pupil';

test('an organisation admin creates a relay token from « Établissement »', async ({ page }) => {
  await loginAs(page, 'prof@demo.pix');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Claire');
  await page.getByRole('link', { name: 'Établissement' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Relais de l'établissement");
  await expect(page.getByText('serveur central')).toBeVisible();
  await page.getByRole('button', { name: /Créer un jeton de relais/ }).click();
  await expect(page.getByTestId('relay-token')).toContainText('il ne sera plus jamais affiché');
  const token = (await page.getByTestId('relay-token').locator('code').textContent())?.trim() ?? '';
  expect(token.length).toBeGreaterThan(20);
});

test('a pupil has no « Établissement » entry', async ({ page }) => {
  await loginAs(page, 'hugo.lefevre1109');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Hugo');
  await expect(page.getByRole('link', { name: 'Établissement' })).toHaveCount(0);
});
