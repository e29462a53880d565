/**
 * Browser test of the offline « programmation » simulator (robot on a grid, content of competence 3.4).
 * Each scenario used by a challenge is opened offline, programmed with the keyboard and mouse, run, and
 * its visible result (and, for self-validating scenarios, the posted answer) is checked against the
 * solution written in content/competences/3.4-programmer.yaml. No request may leave 127.0.0.1.
 */
import { test, expect, type Page } from '@playwright/test';
import { openSimulatorOffline, postedAnswers } from '../support/simulator';

type Posted = { from: string; type: string; answer: string };


function open(page: Page, scenario: string): Promise<string[]> {
  return openSimulatorOffline(page, 'programmation', scenario);
}

function answers(page: Page): Promise<Posted[]> {
  return postedAnswers<Posted>(page);
}

/** Adds a « répéter n fois » block: choose n in the list, then click the button. */
async function repeat(page: Page, n: number): Promise<void> {
  await page.selectOption('#repeat-n', String(n));
  await page.getByRole('button', { name: 'Répéter', exact: true }).click();
}

/** Types block shortcuts (a, g, d, f, s, l) while the focus is on a button. */
async function keys(page: Page, sequence: string): Promise<void> {
  for (const k of sequence) await page.keyboard.press(k);
}

const selfValidating: { scenario: string; program: (page: Page) => Promise<void>; blocks: string }[] = [
  { scenario: 'ligne', blocks: '2', program: async (p) => { await repeat(p, 5); await keys(p, 'af'); } },
  { scenario: 'escalier', blocks: '5', program: async (p) => { await repeat(p, 3); await keys(p, 'agadf'); } },
  { scenario: 'labyrinthe', blocks: '2', program: async (p) => { await repeat(p, 30); await keys(p, 'sf'); } },
  {
    scenario: 'tour', blocks: '4', program: async (p) => {
      await repeat(p, 4);
      await repeat(p, 3);
      await keys(p, 'afdf');
    },
  },
];

for (const { scenario, program, blocks } of selfValidating) {
  test(`programmation « ${scenario} » : le plus court programme atteint le but et envoie ${blocks}`, async ({ page }) => {
    const foreign = await open(page, scenario);
    await program(page);
    await expect(page.locator('#count')).toHaveText(blocks);
    await page.keyboard.press('x');
    await expect(page.locator('#status')).toContainText('Bravo', { timeout: 15_000 });
    await expect(page.locator('#status')).toContainText(`avec ${blocks} blocs`);
    await expect.poll(() => answers(page)).toEqual([{ from: 'pix-simulator', type: 'answer', answer: blocks }]);
    expect(foreign).toEqual([]);
  });
}

test('programmation « escalier » : les blocs « si » sont désactivés et un programme faux échoue', async ({ page }) => {
  await open(page, 'escalier');
  await expect(page.getByRole('button', { name: /Si obstacle : tourner à droite/ })).toBeDisabled();
  await page.getByRole('button', { name: 'Avancer', exact: true }).click();
  await keys(page, 'a');
  await page.getByRole('button', { name: 'Exécuter' }).click();
  await expect(page.locator('#status')).toContainText('bloqué en B5');
  expect(await answers(page)).toEqual([]);
});

for (const [scenario, square] of [['parcours', 'D2'], ['parcours2', 'D5']] as const) {
  test(`programmation « ${scenario} » : le programme chargé s'arrête en ${square}`, async ({ page }) => {
    const foreign = await open(page, scenario);
    await page.getByRole('button', { name: 'Exécuter' }).click();
    await expect(page.locator('#status')).toContainText(`sur la case ${square}`, { timeout: 15_000 });
    await expect(page.locator('#position')).toContainText(square);
    expect(await answers(page)).toEqual([]);
    expect(foreign).toEqual([]);
  });
}

for (const [scenario, coins] of [['pieces', '3'], ['pieces2', '7']] as const) {
  test(`programmation « ${scenario} » : la variable pièces vaut ${coins}`, async ({ page }) => {
    const foreign = await open(page, scenario);
    await expect(page.locator('#var-pieces')).toHaveText('0');
    await page.getByRole('button', { name: 'Exécuter' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#status')).toContainText('Programme terminé', { timeout: 15_000 });
    await expect(page.locator('#var-pieces')).toHaveText(coins);
    expect(foreign).toEqual([]);
  });
}

test('programmation « bug » : le bloc 4 est faux ; le remplacer par « tourner à gauche » atteint le drapeau', async ({ page }) => {
  const foreign = await open(page, 'bug');
  await page.getByRole('button', { name: 'Exécuter' }).click();
  await expect(page.locator('#status')).toContainText('objectif non atteint', { timeout: 15_000 });
  // select block 3, insert « tourner à gauche » after it, then select the old block 4 (now 5) and delete it
  await page.locator('#program button[data-block="3"]').click();
  await keys(page, 'g');
  await page.locator('#program button[data-block="5"]').click();
  await expect(page.locator('#program button[data-block="5"]')).toContainText('tourner à droite');
  await page.keyboard.press('Delete');
  await expect(page.locator('#program button[data-block="4"]')).toContainText('tourner à gauche');
  await page.keyboard.press('x');
  await expect(page.locator('#status')).toContainText('Bravo', { timeout: 15_000 });
  expect(await answers(page)).toEqual([]);
  expect(foreign).toEqual([]);
});

test('programmation « bug2 » : avec « répéter 4 fois » au bloc 1, le robot atteint le drapeau', async ({ page }) => {
  const foreign = await open(page, 'bug2');
  await expect(page.locator('#program button[data-block="1"]')).toContainText('répéter 3 fois');
  await page.getByRole('button', { name: 'Exécuter' }).click();
  await expect(page.locator('#status')).toContainText('en C2, objectif non atteint', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Tout effacer' }).click();
  await repeat(page, 4);
  await keys(page, 'afdaa');
  await page.keyboard.press('x');
  await expect(page.locator('#status')).toContainText('Bravo', { timeout: 15_000 });
  expect(foreign).toEqual([]);
});
