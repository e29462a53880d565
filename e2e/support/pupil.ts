/** Helpers shared by browser tests: log in through the real form, wait for the service worker. */
import { expect, type Page } from '@playwright/test';

export async function loginAs(page: Page, login: string, password = 'Pix12345') {
  await page.goto('/');
  await page.getByLabel('Adresse e-mail ou identifiant').fill(login);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Je me connecte' }).click();
}

/** The service worker controls the page and the app shell is precached. */
export async function waitForOfflineReady(page: Page) {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state === 'activated';
  });
  // Workbox precaches during install; once activated the precache is complete. A reload puts the page
  // under the service worker's control.
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}
