/** The school referent's page on central: a relay token is created and shown once. */
import { expect, test } from '@playwright/test';
import { loginAs } from './support/pupil';

test('an organisation admin creates a relay token from « Établissement »', async ({ page }) => {
  await loginAs(page, 'prof@demo.pix');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Claire');
  await page.getByRole('link', { name: 'Établissement' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Établissement');
  await expect(page.getByRole('heading', { level: 2, name: "Relais de l'établissement" })).toBeVisible();
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

test('an organisation admin sees the one engine offered for campaigns; pupils get it (issue 14)', async ({ page }) => {
  await loginAs(page, 'prof@demo.pix');
  await page.getByRole('link', { name: 'Établissement' }).first().click();
  const table = page.getByTestId('campaign-engines');
  const row = table.getByRole('row').filter({ hasText: 'CLGJMB302' });
  // Smart random only: no choice to make, no « recommandé », neither Bayésien nor Flash offered.
  await expect(row).toContainText('Smart random (Pix)');
  await expect(row.getByRole('combobox')).toHaveCount(0);
  await expect(page.getByTestId('engine-explanations')).toContainText('Le moteur Smart random (Pix) est le seul proposé pour les campagnes.');
  await expect(table).not.toContainText('Bayésien');
  await expect(table).not.toContainText('Flash');
  expect(await (await page.request.get('/api/campaigns/CLGJMB302')).json()).toMatchObject({ method: 'SMART_RANDOM' });
});
