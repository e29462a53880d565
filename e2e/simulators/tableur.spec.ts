/**
 * Browser test of the offline spreadsheet simulator (competence 1.3): sort, filter, formulas and fill-down
 * on each scenario used by a challenge, with the browser offline and no request leaving 127.0.0.1.
 */
import { test, expect, type Page } from '@playwright/test';
import { openSimulatorOffline, postedAnswers } from '../support/simulator';

type Posted = { from: string; type: string; answer: string };

function open(page: Page, scenario: string): Promise<string[]> {
  return openSimulatorOffline(page, 'tableur', scenario);
}

const answers = (page: Page): Promise<Posted[]> => postedAnswers<Posted>(page);

/** A cell by its name, e.g. "F2" (columns A.., rows from 1). */
const cell = (page: Page, name: string) => {
  const c = name.charCodeAt(0) - 65;
  const r = Number(name.slice(1)) - 1;
  return page.locator(`td[data-r="${r}"][data-c="${c}"]`);
};

/** Selects a cell with the mouse, then types its content with the keyboard and validates with Enter. */
async function type(page: Page, name: string, content: string): Promise<void> {
  await cell(page, name).click();
  await page.keyboard.press('Enter');
  await page.getByRole('textbox', { name: 'Contenu ou formule de la cellule' }).fill(content);
  await page.keyboard.press('Enter');
}

test.afterEach(async ({ page }) => { await page.context().setOffline(false); });

test('cross : trier par temps (3e : Kerjean), puis filtrer les Benjamins (2e : Andre)', async ({ page }) => {
  const outside = await open(page, 'cross');
  await page.getByLabel('Colonne à trier').selectOption({ label: 'E — Temps (s)' });
  await page.getByRole('button', { name: 'Croissant ↑' }).click();
  await expect(cell(page, 'A4')).toHaveText('Kerjean');
  await page.getByLabel('Colonne à filtrer').selectOption({ label: 'D — Catégorie' });
  await page.getByLabel('Valeur du filtre').selectOption('Benjamin');
  await page.getByRole('button', { name: 'Appliquer' }).click();
  const names = page.locator('tbody tr:not(.entete) td[data-c="0"]');
  await expect(names.nth(1)).toHaveText('Andre');
  await expect(page.locator('#etat')).toContainText('5 lignes de données affichées sur 18');
  expect(outside).toEqual([]);
});

test('club : 7 membres U13 ; 620 € de cotisations non payées', async ({ page }) => {
  const outside = await open(page, 'club');
  await page.getByLabel('Colonne à filtrer').selectOption({ label: 'D — Catégorie' });
  await page.getByLabel('Valeur du filtre').selectOption('U13');
  await page.getByRole('button', { name: 'Appliquer' }).click();
  await expect(page.locator('#etat')).toContainText('7 lignes de données affichées sur 18');
  await page.getByRole('button', { name: 'Tout afficher' }).click();
  await page.getByLabel('Colonne à filtrer').selectOption({ label: 'F — Payée' });
  await page.getByLabel('Valeur du filtre').selectOption('non');
  await page.getByRole('button', { name: 'Appliquer' }).click();
  const visible = await page.locator('tbody tr:not(.entete) td[data-c="4"]').allTextContents();
  const amounts = visible.filter((t) => t !== '').map(Number);
  expect(amounts).toHaveLength(5);
  expect(amounts.reduce((a, b) => a + b, 0)).toBe(620);
  expect(outside).toEqual([]);
});

test('météo : MOYENNE des T max ≈ 14, NB.SI du vent > 50 = 2, jours 4 et 20 au tri', async ({ page }) => {
  const outside = await open(page, 'meteo');
  await type(page, 'G2', '=MOYENNE(C2:C32)');
  await expect(cell(page, 'G2')).toHaveText('14,03');
  await type(page, 'G3', '=NB.SI(E2:E32;">50")');
  await expect(cell(page, 'G3')).toHaveText('2');
  await page.getByLabel('Colonne à trier').selectOption({ label: 'E — Vent max (km/h)' });
  await page.getByRole('button', { name: 'Décroissant ↓' }).click();
  await expect(cell(page, 'A2')).toHaveText('4');
  await expect(cell(page, 'A3')).toHaveText('20');
  expect(outside).toEqual([]);
});

test('boutique : =SOMME des quantités = 213, le simulateur envoie la réponse', async ({ page }) => {
  const outside = await open(page, 'boutique');
  await type(page, 'F2', '=SOMME(E2:E12)');
  await expect(cell(page, 'F2')).toHaveText('213');
  await expect.poll(() => answers(page)).toEqual([{ from: 'pix-simulator', type: 'answer', answer: '213' }]);
  expect(outside).toEqual([]);
});

test('sondage : NB.SI vélo = 7 ; SI recopié vers le bas puis compté = 12 « trop »', async ({ page }) => {
  const outside = await open(page, 'sondage');
  await type(page, 'G2', '=NB.SI(D2:D25;"vélo")');
  await expect(cell(page, 'G2')).toHaveText('7');
  await type(page, 'F2', '=SI(C2>120;"trop";"ok")');
  await expect(cell(page, 'F2')).toHaveText('ok');
  await cell(page, 'F2').click();
  await page.getByRole('button', { name: 'Recopier vers le bas ↓' }).click();
  await expect(cell(page, 'F3')).toHaveText('trop');
  await type(page, 'G3', '=NB.SI(F2:F25;"trop")');
  await expect(cell(page, 'G3')).toHaveText('12');
  // keyboard only: arrows move the selection, typing starts the formula bar
  await cell(page, 'G4').click();
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('#nom')).toHaveText('G3');
  expect(await answers(page)).toEqual([]);
  expect(outside).toEqual([]);
});
