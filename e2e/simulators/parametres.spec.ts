/**
 * Browser test of the `parametres` simulator (5.1/5.2): each scenario used by a challenge is played
 * offline with the keyboard or the mouse; reading scenarios show the expected value, goal scenarios show
 * their confirmation code and post it ONLY when the target state is reached (wrong network, wrong PIN,
 * personal files deleted, beta installed: no code). No request may leave 127.0.0.1.
 */
import { test, expect, type Page } from '@playwright/test';
import { openSimulatorOffline, postedAnswers } from '../support/simulator';

interface Posted { from?: string; type?: string; answer?: string }

function open(page: Page, scenario: string): Promise<string[]> {
  return openSimulatorOffline(page, 'parametres', scenario);
}

function answers(page: Page): Promise<Posted[]> {
  return postedAnswers<Posted>(page);
}

const posted = (answer: string): Posted[] => [{ from: 'pix-simulator', type: 'answer', answer }];
const section = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });
const code = (page: Page) => page.locator('#code');

test('wifi-avion : désactiver le mode avion puis se connecter à Box-Durand', async ({ page }) => {
  const external = await open(page, 'wifi-avion');
  await expect(page.getByRole('main')).toContainText('Mode avion activé');
  await page.getByRole('switch', { name: 'Mode avion' }).press('Enter');
  await page.getByRole('button', { name: /Box-Durand/ }).click();
  await page.getByLabel('Clé de sécurité du réseau').fill('soleil-2025');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toContainText('Clé de sécurité incorrecte');
  expect(await answers(page)).toEqual([]);
  await page.getByLabel('Clé de sécurité du réseau').fill('Soleil-2025');
  await page.keyboard.press('Enter');
  await expect(code(page)).toHaveText('AVION-3906');
  await expect.poll(() => answers(page)).toEqual(posted('AVION-3906'));
  expect(external).toEqual([]);
});

test('wifi-cdi : le réseau imitation ne donne pas de code, CDI-Moulin oui', async ({ page }) => {
  const external = await open(page, 'wifi-cdi');
  await page.getByRole('button', { name: /CDI_Moulin/ }).click();
  await expect(page.locator('header')).toContainText('CDI_Moulin');
  await expect(code(page)).toHaveCount(0);
  await page.getByRole('button', { name: /^CDI-Moulin\s+sécurisé/ }).click();
  await page.getByLabel('Clé de sécurité du réseau').fill('Lire+Ecrire=2025');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.locator('header')).toContainText('CDI-Moulin');
  await expect(code(page)).toHaveText('CDI-5217');
  await expect.poll(() => answers(page)).toEqual(posted('CDI-5217'));
  expect(external).toEqual([]);
});

test('stockage : nettoyer sans toucher aux téléchargements libère 9,7 Go', async ({ page }) => {
  const external = await open(page, 'stockage');
  await expect(page.locator('#libre')).toHaveText('1,8 Go');
  for (const item of ['Fichiers temporaires', 'Corbeille', 'Cache du navigateur']) {
    await page.getByRole('button', { name: `Supprimer : ${item}` }).click();
  }
  await expect(page.locator('#libre')).toHaveText('8,2 Go');
  await expect(code(page)).toHaveText('STOCK-8140');
  await page.getByRole('button', { name: 'Supprimer : Anciennes mises à jour' }).click();
  await expect(page.locator('#libre')).toHaveText('9,7 Go');
  await expect.poll(() => answers(page)).toEqual(posted('STOCK-8140'));
  expect(external).toEqual([]);
});

test('stockage : supprimer ses téléchargements personnels ne valide pas', async ({ page }) => {
  const external = await open(page, 'stockage');
  await page.getByRole('button', { name: 'Supprimer : Téléchargements' }).click();
  await page.getByRole('button', { name: 'Supprimer : Corbeille' }).click();
  await expect(page.locator('#libre')).toHaveText('11,1 Go');
  await expect(page.getByRole('main')).toContainText('fichiers personnels téléchargés ont été supprimés');
  await expect(code(page)).toHaveCount(0);
  expect(await answers(page)).toEqual([]);
  expect(external).toEqual([]);
});

test('pdf-defaut : les PDF s’ouvrent avec Lumen PDF', async ({ page }) => {
  const external = await open(page, 'pdf-defaut');
  await section(page, 'Applications par défaut').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Fichiers .pdf')).toHaveValue('Lumen PDF');
  await expect(page.getByLabel('Fichiers .html')).toHaveValue('Navigateur Orbite');
  expect(external).toEqual([]);
});

test('pdf-changer : choisir Lumen PDF pour .pdf poste le code', async ({ page }) => {
  const external = await open(page, 'pdf-changer');
  await section(page, 'Applications par défaut').click();
  await expect(page.getByLabel('Fichiers .pdf')).toHaveValue('Navigateur Orbite');
  await page.getByLabel('Fichiers .jpg').selectOption('Lumen PDF');
  await expect(code(page)).toHaveCount(0);
  await page.getByLabel('Fichiers .pdf').selectOption('Lumen PDF');
  await expect(code(page)).toHaveText('PDF-2683');
  await expect.poll(() => answers(page)).toEqual(posted('PDF-2683'));
  expect(external).toEqual([]);
});

test('resolution : résolution actuelle et recommandée', async ({ page }) => {
  const external = await open(page, 'resolution');
  await section(page, 'Affichage').click();
  await expect(page.locator('#res-actuelle')).toHaveText('1280 × 720');
  await expect(page.getByLabel("Résolution de l'écran").locator('option', { hasText: 'recommandé' })).toHaveText('1920 × 1080 (recommandé)');
  expect(external).toEqual([]);
});

test('bluetooth : mauvais appareil ou mauvais PIN refusés, la bonne enceinte validée', async ({ page }) => {
  const external = await open(page, 'bluetooth');
  await section(page, 'Bluetooth').click();
  await page.getByRole('switch', { name: 'Bluetooth' }).click();
  await page.getByRole('button', { name: 'Associer Enceinte-Musique-S21' }).click();
  await page.getByLabel('Code PIN de l’appareil').fill('4821');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toContainText('Code PIN incorrect');
  await page.getByRole('button', { name: 'Associer Enceinte-Musique-S12' }).click();
  await page.getByLabel('Code PIN de l’appareil').fill('4821');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toContainText('Enceinte-Musique-S12 — Connecté');
  await expect(code(page)).toHaveText('BT-4475');
  await expect.poll(() => answers(page)).toEqual(posted('BT-4475'));
  expect(external).toEqual([]);
});

test('mises-a-jour : les deux correctifs de sécurité sans la bêta', async ({ page }) => {
  const external = await open(page, 'mises-a-jour');
  await section(page, 'Mises à jour').click();
  await page.getByLabel('Mise à jour de sécurité du système 12.4.2').check();
  await page.getByRole('button', { name: 'Installer la sélection' }).click();
  await expect(code(page)).toHaveCount(0);
  await page.getByLabel('Correctif de sécurité du Navigateur Orbite').check();
  await page.getByRole('button', { name: 'Installer la sélection' }).click();
  await expect(page.getByRole('main')).toContainText('12.4.2');
  await expect(code(page)).toHaveText('MAJ-6092');
  await expect.poll(() => answers(page)).toEqual(posted('MAJ-6092'));
  expect(external).toEqual([]);
});

test('mises-a-jour : installer la bêta empêche la validation', async ({ page }) => {
  const external = await open(page, 'mises-a-jour');
  await section(page, 'Mises à jour').click();
  for (const label of ['Mise à jour de sécurité du système 12.4.2', 'Correctif de sécurité du Navigateur Orbite', 'Version 13.0 bêta — aperçu des nouveautés']) {
    await page.getByLabel(label).check();
  }
  await page.getByRole('button', { name: 'Installer la sélection' }).click();
  await expect(page.getByRole('main')).toContainText('risque de devenir instable');
  await expect(code(page)).toHaveCount(0);
  expect(await answers(page)).toEqual([]);
  expect(external).toEqual([]);
});

test('accessibilite : contraste élevé et texte à 150 %', async ({ page }) => {
  const external = await open(page, 'accessibilite');
  await section(page, 'Accessibilité').click();
  await page.getByRole('switch', { name: 'Contraste élevé' }).press('Space');
  await expect(page.locator('body')).toHaveClass(/contraste/);
  await expect(code(page)).toHaveCount(0);
  await page.getByLabel('Taille du texte').selectOption('150 %');
  await expect(code(page)).toHaveText('ACCES-1538');
  await expect.poll(() => answers(page)).toEqual(posted('ACCES-1538'));
  expect(external).toEqual([]);
});
