/**
 * Browser test of the `explorateur` simulator (5.2): each scenario used by a challenge is played offline
 * with the mouse or the keyboard (tree, sort by column, search, extensions and hidden-files toggles,
 * properties panel, recycle bin), and the visible answer is checked; the recycle-bin scenario must also
 * post its answer. No request may leave 127.0.0.1.
 */
import { test, expect, type Page } from '@playwright/test';
import { openSimulatorOffline, postedAnswers } from '../support/simulator';

interface Posted { from?: string; type?: string; answer?: string }

function open(page: Page, scenario: string): Promise<string[]> {
  return openSimulatorOffline(page, 'explorateur', scenario);
}

function answers(page: Page): Promise<Posted[]> {
  return postedAnswers<Posted>(page);
}

const tree = (page: Page) => page.getByRole('navigation', { name: 'Arborescence des dossiers' });
const rows = (page: Page) => page.locator('tbody tr');
const props = (page: Page) => page.getByRole('complementary');

test('rapport-stage : la recherche indique le dossier du fichier', async ({ page }) => {
  const external = await open(page, 'rapport-stage');
  await expect(page.locator('#mission')).toContainText('rapport-stage.odt');
  await page.getByLabel('Rechercher un fichier ou un dossier').fill('rapport-stage');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Ce PC › Documents › Collège › Stage 3e');
  expect(external).toEqual([]);
});

test('carte-volcans : on la trouve au clavier dans l’arborescence', async ({ page }) => {
  const external = await open(page, 'carte-volcans');
  await tree(page).getByRole('button', { name: /SVT/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#chemin')).toHaveText('Ce PC › Documents › Collège › SVT');
  await expect(rows(page).filter({ hasText: 'carte-volcans' })).toHaveCount(1);
  expect(external).toEqual([]);
});

test('photos-plus-gros : le tri par taille tient compte des unités', async ({ page }) => {
  const external = await open(page, 'photos-plus-gros');
  await tree(page).getByRole('button', { name: /Photos/ }).click();
  await page.getByRole('button', { name: 'Trier par taille' }).click();
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('Taille');
  await expect(rows(page).nth(0)).toContainText('panorama-etretat');
  await expect(rows(page).nth(0)).toContainText('8,7 Mo');
  await expect(rows(page).nth(1)).toContainText('sortie-lyon-groupe');
  await expect(rows(page).last()).toContainText('fond-ecran'); // 980 Ko is the smallest, not the biggest
  await page.getByRole('button', { name: 'Trier par taille' }).press('Enter');
  await expect(rows(page).nth(0)).toContainText('fond-ecran');
  expect(external).toEqual([]);
});

test('videos-plus-gros : le plus gros fichier et sa taille', async ({ page }) => {
  const external = await open(page, 'videos-plus-gros');
  await tree(page).getByRole('button', { name: /Vidéos/ }).click();
  await page.getByRole('button', { name: 'Trier par taille' }).click();
  await expect(rows(page).nth(0)).toContainText('spectacle-fin-annee');
  await expect(rows(page).nth(0)).toContainText('1,4 Go');
  expect(external).toEqual([]);
});

test('fichier-cache : le fichier caché n’apparaît qu’avec l’option, sa vraie extension avec les extensions', async ({ page }) => {
  const external = await open(page, 'fichier-cache');
  await expect(rows(page).filter({ hasText: 'facture-colis' })).toHaveCount(0);
  await page.getByLabel('Fichiers cachés').check();
  const hidden = rows(page).filter({ hasText: 'facture-colis' });
  await expect(hidden).toContainText('facture-colis.pdf');
  await expect(hidden).not.toContainText('.exe');
  await page.getByLabel('Extensions').check();
  await expect(hidden).toContainText('facture-colis.pdf.exe');
  await hidden.getByRole('button').click();
  await expect(props(page)).toContainText('Application (.exe)');
  await expect(props(page)).toContainText('Caché');
  expect(external).toEqual([]);
});

test('caches-bureau : deux fichiers cachés sur le Bureau', async ({ page }) => {
  const external = await open(page, 'caches-bureau');
  await expect(rows(page)).toHaveCount(2);
  await page.getByLabel('Fichiers cachés').press('Space');
  await page.getByLabel('Extensions').press('Space');
  await expect(page.locator('tbody tr.cache')).toHaveCount(2);
  await expect(page.locator('tbody tr.cache').filter({ hasText: 'desktop.ini' })).toHaveCount(1);
  await expect(page.locator('tbody tr.cache').filter({ hasText: 'notes-brevet.txt' })).toHaveCount(1);
  expect(external).toEqual([]);
});

test('corbeille : restaurer remet le fichier dans Histoire et poste la réponse', async ({ page }) => {
  const external = await open(page, 'corbeille');
  await tree(page).getByRole('button', { name: /Corbeille/ }).click();
  await rows(page).filter({ hasText: 'expose-revolution' }).getByRole('button').click();
  await expect(props(page)).toContainText('Ce PC › Documents › Collège › Histoire');
  await props(page).getByRole('button', { name: 'Restaurer' }).click();
  await expect(page.getByRole('status')).toContainText('restauré dans Ce PC › Documents › Collège › Histoire');
  await expect(rows(page).filter({ hasText: 'expose-revolution' })).toHaveCount(0);
  await tree(page).getByRole('button', { name: /Histoire/ }).click();
  await expect(rows(page).filter({ hasText: 'expose-revolution' })).toHaveCount(1);
  await expect.poll(() => answers(page)).toEqual([{ from: 'pix-simulator', type: 'answer', answer: 'Histoire' }]);
  expect(external).toEqual([]);
});

test('corbeille : restaurer un autre fichier ne poste rien', async ({ page }) => {
  const external = await open(page, 'corbeille');
  await tree(page).getByRole('button', { name: /Corbeille/ }).click();
  await rows(page).filter({ hasText: 'brouillon-lettre' }).getByRole('button').click();
  await props(page).getByRole('button', { name: 'Restaurer' }).click();
  await expect(page.getByRole('status')).toContainText('restauré dans Ce PC › Bureau');
  expect(await answers(page)).toEqual([]);
  expect(external).toEqual([]);
});

test('budget-club : recherche puis propriétés donnent dossier et date', async ({ page }) => {
  const external = await open(page, 'budget-club');
  await page.getByLabel('Rechercher un fichier ou un dossier').fill('budget');
  await rows(page).filter({ hasText: 'budget-club' }).getByRole('button').click();
  await expect(props(page)).toContainText('Ce PC › Documents › Club théâtre');
  await expect(props(page)).toContainText('12/03/2025 14:32');
  expect(external).toEqual([]);
});
