/**
 * Browser test of the offline search-engine simulator (competence 1.1): each scenario used by a challenge
 * is solved with keyboard and mouse while the browser is offline, and no request may leave 127.0.0.1.
 */
import { test, expect, type Page } from '@playwright/test';
import { openSimulatorOffline, postedAnswers } from '../support/simulator';

type Posted = { from: string; type: string; answer: string };

function open(page: Page, scenario: string): Promise<string[]> {
  return openSimulatorOffline(page, 'moteur-recherche', scenario);
}

const answers = (page: Page): Promise<Posted[]> => postedAnswers<Posted>(page);

async function search(page: Page, query: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Rechercher sur Trouvetou' });
  await box.fill(query);
  await box.press('Enter');
}

test.afterEach(async ({ page }) => { await page.context().setOffline(false); });

test('médiathèque : les horaires actuels (samedi 17 h, vendredi 19 h)', async ({ page }) => {
  const outside = await open(page, 'mediatheque');
  await expect(page.getByText('Mission :')).toBeVisible();
  const link = page.getByRole('button', { name: 'Médiathèque Jules-Verne — Horaires et accès' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Médiathèque Jules-Verne — Horaires et accès');
  await expect(page.getByText('Samedi : 10 h – 17 h')).toBeVisible();
  await expect(page.getByText('Vendredi : 14 h – 19 h')).toBeVisible();
  await page.getByRole('button', { name: '← Retour aux résultats' }).click();
  await expect(page.getByRole('list', { name: 'Résultats de recherche' })).toBeVisible();
  expect(outside).toEqual([]);
});

test('frelon : une annonce FrelonStop en tête, la fiche du Muséum donne 2004', async ({ page }) => {
  const outside = await open(page, 'frelon');
  const first = page.locator('ol.results li').first();
  await expect(first.locator('.annonce')).toHaveText('Annonce');
  await expect(first).toContainText('FrelonStop');
  await expect(page.locator('ol.results li .annonce')).toHaveCount(1);
  await page.getByRole('button', { name: 'Frelon asiatique (Vespa velutina) : fiche espèce' }).click();
  await expect(page.locator('article')).toContainText('pour la première fois en France en 2004');
  expect(outside).toEqual([]);
});

test('festival : la page la plus récente annonce les 15 et 16 mars 2025', async ({ page }) => {
  const outside = await open(page, 'festival');
  await expect(page.getByText('Aujourd’hui : 3 février 2025.')).toBeVisible();
  await expect(page.locator('ol.results')).toContainText('20 janvier 2025');
  await page.getByRole('button', { name: 'Bulles en fête revient : les dates de l’édition 2025' }).click();
  await expect(page.locator('article')).toContainText('15 et 16 mars 2025');
  expect(outside).toEqual([]);
});

test('poème : les guillemets isolent la page de Louise Kermarrec, qui envoie la réponse', async ({ page }) => {
  const outside = await open(page, 'poeme');
  await expect(page.locator('ol.results li')).toHaveCount(4);
  await search(page, '"la pluie sur les toits d’ardoise"');
  await expect(page.locator('#stats')).toHaveText(/Environ 1 résultat /);
  await page.getByRole('button', { name: /Louise Kermarrec/ }).click();
  await expect(page.locator('blockquote')).toContainText('La pluie sur les toits d’ardoise');
  await expect.poll(() => answers(page)).toEqual([{ from: 'pix-simulator', type: 'answer', answer: 'Kermarrec' }]);
  expect(outside).toEqual([]);
});

test('python : exclure « programmation » fait apparaître le zoo (6 mètres)', async ({ page }) => {
  const outside = await open(page, 'python');
  await expect(page.locator('ol.results li').first()).not.toContainText('Kaa');
  await search(page, 'python -programmation');
  await expect(page.locator('ol.results')).not.toContainText('Débuter la programmation');
  await page.getByRole('button', { name: 'Kaa, notre python réticulé' }).click();
  await expect(page.locator('article')).toContainText('6 mètres');
  await expect.poll(() => answers(page)).toEqual([{ from: 'pix-simulator', type: 'answer', answer: '6' }]);
  expect(outside).toEqual([]);
});

test('handball : le site officiel donne 1987 et Jeanne Morvan ; site: filtre un domaine', async ({ page }) => {
  const outside = await open(page, 'handball');
  await page.getByRole('button', { name: 'HBC Saint-Aubin — Notre histoire' }).click();
  await expect(page.locator('article')).toContainText('fondé en 1987 par Jeanne Morvan');
  await search(page, 'handball site:ouest-pays.fr');
  await expect(page.locator('ol.results li')).toHaveCount(1);
  await expect(page.locator('ol.results')).toContainText('Le club de handball fête ses 30 ans');
  expect(await answers(page)).toEqual([]);
  expect(outside).toEqual([]);
});
