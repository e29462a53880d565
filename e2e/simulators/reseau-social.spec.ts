/**
 * Browser test of the `reseau-social` simulator (4.2): every scenario used by a challenge is played
 * offline, with the keyboard or the mouse, and the visible result (and the posted answer code when the
 * simulator validates itself) is checked. No request may leave 127.0.0.1.
 */
import { test, expect, type Page } from '@playwright/test';
import { openSimulatorOffline, postedAnswers } from '../support/simulator';

interface Posted { from: string; type: string; answer: string }

function open(page: Page, scenario: string): Promise<string[]> {
  return openSimulatorOffline(page, 'reseau-social', scenario);
}

const answers = (page: Page): Promise<Posted[]> => postedAnswers<Posted>(page);

/** `external` lists the requests that left 127.0.0.1 (see openSimulatorOffline). */
function expectLocalOnly(external: string[]): void {
  expect(external).toEqual([]);
}

async function openPrivacyTabWithKeyboard(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Mon profil' }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Confidentialité' })).toHaveAttribute('aria-selected', 'true');
}

const settingsMissions = [
  {
    scenario: 'profil-amis',
    code: 'OK-AMIS',
    act: async (page: Page) => page.getByLabel('Qui peut voir mon profil ?').selectOption('amis'),
  },
  {
    scenario: 'localisation',
    code: 'OK-LOCALISATION',
    act: async (page: Page) => {
      await page.getByRole('switch', { name: /Partager ma localisation/ }).focus();
      await page.keyboard.press('Space');
    },
  },
  {
    scenario: 'publicite',
    code: 'OK-PUB',
    act: async (page: Page) => page.getByRole('switch', { name: /Publicité personnalisée/ }).click(),
  },
  {
    scenario: 'identifications',
    code: 'OK-IDENTIFICATIONS',
    act: async (page: Page) => {
      await page.getByRole('switch', { name: /Approuver les identifications/ }).focus();
      await page.keyboard.press('Space');
    },
  },
  {
    scenario: 'demandes-ami',
    code: 'OK-DEMANDES',
    act: async (page: Page) => page.getByLabel("Qui peut m'envoyer une demande d'ami ?").selectOption('amisdamis'),
  },
];

for (const mission of settingsMissions) {
  test(`réseau social : mission ${mission.scenario} → ${mission.code}`, async ({ page }) => {
    const requests = await open(page, mission.scenario);
    await expect(page.getByRole('status')).toBeHidden();
    await openPrivacyTabWithKeyboard(page);
    await mission.act(page);
    await expect(page.getByRole('status')).toContainText(`Code de validation : ${mission.code}`);
    await expect.poll(() => answers(page)).toEqual([{ from: 'pix-simulator', type: 'answer', answer: mission.code }]);
    expectLocalOnly(requests);
  });
}

test('réseau social : une mauvaise manipulation ne donne pas de code', async ({ page }) => {
  const requests = await open(page, 'profil-amis');
  await openPrivacyTabWithKeyboard(page);
  await page.getByLabel('Qui peut voir mon profil ?').selectOption('moi');
  await page.getByLabel("Qui peut m'envoyer une demande d'ami ?").selectOption('personne');
  await expect(page.getByRole('status')).toBeHidden();
  expect(await answers(page)).toEqual([]);
  expectLocalOnly(requests);
});

test('réseau social : qui peut voir la publication du 12 mars', async ({ page }) => {
  const requests = await open(page, 'publication-12-mars');
  await page.getByRole('tab', { name: 'Publications' }).click();
  const post = page.getByRole('article', { name: 'Publication du 12 mars' });
  await expect(post).toContainText('handball');
  await expect(post.getByRole('combobox')).toHaveValue('amisdamis');
  await expect(post.getByRole('combobox').locator('option:checked')).toHaveText("Amis d'amis");
  expect(await answers(page)).toEqual([]);
  expectLocalOnly(requests);
});

test("réseau social : l'aperçu public montre l'établissement scolaire", async ({ page }) => {
  const requests = await open(page, 'apercu-public');
  await page.getByRole('button', { name: 'Voir mon profil en tant que public' }).focus();
  await page.keyboard.press('Enter');
  const preview = page.locator('#profile-preview');
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('Établissement scolaire : Collège Jean-Moulin');
  await expect(preview).not.toContainText('Quimper');
  await expect(preview).not.toContainText('06 12 34 56 78');
  await expect(preview).not.toContainText('9 avril 2011');
  expectLocalOnly(requests);
});

test('réseau social : profil protégé (plus rien de public) → OK-PROFIL-PROTEGE', async ({ page }) => {
  const requests = await open(page, 'zero-public');
  await page.getByRole('button', { name: 'Voir mon profil en tant que public' }).click();
  await expect(page.locator('[data-public-post]')).toHaveCount(2);
  await page.getByRole('button', { name: 'Revenir à mon profil' }).click();

  await openPrivacyTabWithKeyboard(page);
  await page.getByLabel('Qui peut voir mon profil ?').selectOption('amis');
  await expect(page.getByRole('status')).toBeHidden(); // two posts are still public
  await page.getByRole('tab', { name: 'Publications' }).click();
  await page.getByLabel('Visible par (publication du 3 juillet)').selectOption('amis');
  await page.getByLabel('Visible par (publication du 28 février)').selectOption('amis');
  await expect(page.getByRole('status')).toContainText('Code de validation : OK-PROFIL-PROTEGE');
  await expect.poll(() => answers(page)).toEqual([{ from: 'pix-simulator', type: 'answer', answer: 'OK-PROFIL-PROTEGE' }]);

  await page.getByRole('tab', { name: 'Mon profil' }).click();
  await page.getByRole('button', { name: 'Voir mon profil en tant que public' }).click();
  await expect(page.locator('#profile-preview')).toContainText('Aucune publication publique.');
  expectLocalOnly(requests);
});
