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

test('an organisation admin chooses a campaign engine; the choice is kept and pupils get it', async ({ page }) => {
  await loginAs(page, 'prof@demo.pix');
  await page.getByRole('link', { name: 'Établissement' }).first().click();
  const table = page.getByTestId('campaign-engines');
  const row = table.getByRole('row').filter({ hasText: 'CLGJMB302' });
  const engine = row.getByRole('combobox', { name: /Moteur de la campagne/ });
  await expect(engine).toHaveValue('BAYES');
  await expect(engine.locator('option')).toHaveText(['Bayésien (recommandé)', 'Smart random (Pix)', 'Flash (IRT)']);

  await engine.selectOption('SMART_RANDOM');
  await expect(page.getByTestId('engine-notice')).toContainText('utilise désormais le moteur Smart random (Pix)');
  await expect(page.getByTestId('engine-notice')).toContainText('les parcours déjà commencés gardent leur moteur');
  await page.reload();
  await expect(page.getByTestId('campaign-engines').getByRole('row').filter({ hasText: 'CLGJMB302' }).getByRole('combobox')).toHaveValue('SMART_RANDOM');
  expect(await (await page.request.get('/api/campaigns/CLGJMB302')).json()).toMatchObject({ method: 'SMART_RANDOM' });

  // Back to the default, so that other tests see the demo as seeded.
  await page.getByTestId('campaign-engines').getByRole('row').filter({ hasText: 'CLGJMB302' }).getByRole('combobox').selectOption('BAYES');
  await expect(page.getByTestId('engine-notice')).toContainText('Bayésien (recommandé)');
  expect(await (await page.request.get('/api/campaigns/CLGJMB302')).json()).toMatchObject({ method: 'BAYES' });
});
