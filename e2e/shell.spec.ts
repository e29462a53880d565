/**
 * The PWA shell: login with the demo accounts, the profile's 16 competences in 5 domains, errors in
 * French (and the wait after too many failures), the profile still shown after an offline reload, and
 * « Hors ligne » whenever the node does not answer (cut network, or a dropped link with the interface up).
 */
import { expect, test } from '@playwright/test';
import { loginAs, waitForOfflineReady } from './support/pupil';

test('a pupil logs in and sees the profile: 16 competences in 5 domains, PIX 0 / 1024', async ({ page }) => {
  await loginAs(page, 'eleve@demo.pix');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Léa');
  await page.getByRole('link', { name: 'Compétences' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Léa, voici votre profil');
  await expect(page.getByTestId('header-first-name').first()).toHaveText('Léa');
  await expect(page.getByTestId('area')).toHaveCount(5);
  await expect(page.getByTestId('competence-card')).toHaveCount(16);
  await expect(page.getByText('PIX', { exact: true })).toBeVisible();
  await expect(page.getByTestId('total-pix')).toHaveText('0');
  await expect(page.getByText('/ 1024')).toBeVisible();
  await expect(page.getByRole('heading', { name: '1. Informations et données' })).toBeVisible();
  await expect(page.getByRole('heading', { name: "4.3 Protéger la santé, le bien-être et l'environnement" })).toBeVisible();
});

test('a pupil of a class logs in with the username', async ({ page }) => {
  await loginAs(page, 'hugo.lefevre1109');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Hugo');
});

test('wrong credentials show a French error and keep the form', async ({ page }) => {
  await loginAs(page, 'eleve@demo.pix', 'mauvais');
  await expect(page.getByRole('alert')).toContainText("L'adresse e-mail ou l'identifiant et/ou le mot de passe saisis sont incorrects.");
  await expect(page.getByLabel('Adresse e-mail ou identifiant')).toHaveValue('eleve@demo.pix');
});

test('too many failures: the form says how long to wait, counts it down, then lets the pupil try again', async ({ page }) => {
  // A login that names no one is delayed like an account (ADR 0004), and no demo account is touched.
  const loginAnswer = () => page.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
  const button = page.getByRole('button', { name: 'Je me connecte' });
  const alert = page.getByRole('alert');
  let answered = loginAnswer();
  await loginAs(page, 'personne.inconnue0101', 'mauvais');
  // Four failures are free, the fifth asks for 1 s (a slow machine may let a try through after it: 2 s …).
  for (let attempt = 2; attempt <= 10 && (await answered).status() !== 429; attempt++) {
    answered = loginAnswer();
    await button.click();
  }
  expect((await answered).status()).toBe(429);
  await expect(alert).toHaveText(/^Trop de tentatives de connexion\. Réessayez dans \d+ secondes?\.$/);
  await expect(page.getByRole('button', { name: /^Réessayez dans \d+ s$/ })).toBeDisabled();
  await expect(button).toBeEnabled({ timeout: 10_000 });
  await expect(alert).toHaveCount(0);
  await button.click();
  await expect(alert).toContainText('sont incorrects');
});

test('an empty form is refused with a clear message', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Je me connecte' }).click();
  await expect(page.getByRole('alert')).toContainText('Saisissez votre adresse e-mail ou votre identifiant');
});

test('offline after one visit: reload shows the profile with the name; back online, no error', async ({ page, context }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await loginAs(page, 'eleve@demo.pix');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Léa');
  await page.goto('/competences');
  await expect(page.getByTestId('competence-card')).toHaveCount(16);
  await waitForOfflineReady(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Léa, voici votre profil');
  await expect(page.getByTestId('competence-card')).toHaveCount(16);
  await expect(page.getByTestId('sync-status').first()).toHaveText('Hors ligne');

  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Léa');
  await expect(page.getByTestId('sync-status').first()).toHaveText('Synchronisé');
  expect(errors).toEqual([]);
});

test('a dropped link to the node with the network interface still up: « Hors ligne », then back by itself', async ({ page }) => {
  await loginAs(page, 'eleve@demo.pix');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Léa');
  await waitForOfflineReady(page);
  await expect(page.getByTestId('sync-status').first()).toHaveText('Synchronisé');

  // The school PC keeps its link up (navigator.onLine stays true) but the node no longer answers.
  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Léa');
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  await expect(page.getByTestId('sync-status').first()).toHaveText('Hors ligne');

  // The node answers again: no reload, no browser event — the device notices by itself.
  await page.unroute('**/api/**');
  await expect(page.getByTestId('sync-status').first()).toHaveText('Synchronisé', { timeout: 20_000 });
});

test('logout returns to the login page', async ({ page }) => {
  await loginAs(page, 'eleve@demo.pix');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Léa');
  await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
});

test('the manifest is French and installable', async ({ request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ name: 'Pix hors-ligne', lang: 'fr', display: 'standalone' });
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
});
