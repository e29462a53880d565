/**
 * Browser test of the offline webmail simulator (public/simulators/messagerie): for every scenario used by
 * the domain-2 challenges, a pupil offline can find the expected answer with mouse and keyboard, the
 * simulator posts its answer when it validates itself, and no request leaves 127.0.0.1.
 */
import { test, expect, type Page } from '@playwright/test';
import { openSimulatorOffline, postedAnswers } from '../support/simulator';


interface SimMessage { from?: string; type?: string; answer?: string }

function open(page: Page, scenario: string): Promise<string[]> {
  return openSimulatorOffline(page, 'messagerie', scenario);
}

function answers(page: Page): Promise<SimMessage[]> {
  return postedAnswers<SimMessage>(page);
}

const list = (page: Page) => page.getByRole('region', { name: 'Liste des messages' });
const view = (page: Page) => page.getByRole('main');

test('non-lu : le message non lu est repérable et son expéditeur lisible', async ({ page }) => {
  const external = await open(page, 'non-lu');
  const unread = list(page).locator('button.unread');
  await expect(unread).toHaveCount(1);
  await expect(unread).toContainText('(non lu)');
  await unread.focus();
  await page.keyboard.press('Enter');
  await expect(view(page)).toContainText('Karim Benali <karim.benali@clg-vercors.fr>');
  await expect(list(page).locator('button.unread')).toHaveCount(0);
  expect(external).toEqual([]);
});

test('copie : les personnes en Cc sont affichées', async ({ page }) => {
  const external = await open(page, 'copie');
  await list(page).getByRole('button', { name: /Sortie au musée/ }).click();
  const cc = view(page).locator('dt', { hasText: /^Cc$/ }).locator('xpath=following-sibling::dd[1]');
  await expect(cc).toHaveText('Claire Leroy <c.leroy@clg-vercors.fr>, Samir Haddad <s.haddad@clg-vercors.fr>');
  expect(external).toEqual([]);
});

test('repondre-tous : « Répondre à tous » remplit À et Cc et poste le nombre de destinataires', async ({ page }) => {
  const external = await open(page, 'repondre-tous');
  await list(page).getByRole('button', { name: /costumes/ }).click();
  await page.getByRole('button', { name: 'Répondre à tous' }).click();
  await expect(page.getByLabel('À', { exact: true })).toHaveValue(
    'c.leroy@clg-vercors.fr, karim.benali@clg-vercors.fr, jade.lambert@clg-vercors.fr, nael.fontaine@clg-vercors.fr');
  await expect(page.getByLabel('Cc', { exact: true })).toHaveValue('s.haddad@clg-vercors.fr, p.dubois@clg-vercors.fr');
  await expect.poll(() => answers(page)).toEqual([{ from: 'pix-simulator', type: 'answer', answer: '6' }]);
  // A plain reply does not post anything.
  await page.getByRole('button', { name: 'Annuler' }).click();
  await list(page).getByRole('button', { name: /costumes/ }).click();
  await page.getByRole('button', { name: 'Répondre', exact: true }).click();
  await expect(page.getByLabel('Cc', { exact: true })).toHaveValue('');
  await expect.poll(() => answers(page)).toHaveLength(1);
  expect(external).toEqual([]);
});

test('cci : les destinataires en copie cachée ne sont visibles que dans Envoyés', async ({ page }) => {
  const external = await open(page, 'cci');
  await expect(list(page)).not.toContainText('Invitation');
  await page.getByRole('navigation', { name: 'Dossiers' }).getByRole('button', { name: 'Envoyés' }).click();
  await list(page).getByRole('button', { name: /Invitation/ }).click();
  const bcc = view(page).locator('dt', { hasText: /^Cci$/ }).locator('xpath=following-sibling::dd[1]');
  await expect(bcc).toContainText('Naël Fontaine');
  expect((await bcc.innerText()).split(',').length).toBe(5);
  expect(external).toEqual([]);
});

test('piece-jointe : le nom exact du fichier joint par le secrétariat', async ({ page }) => {
  const external = await open(page, 'piece-jointe');
  await list(page).getByRole('button', { name: /Stage d'observation/ }).click();
  await expect(view(page)).toContainText('Convention_stage_3e_2025.pdf (212 Ko)');
  await page.getByRole('button', { name: 'Transférer' }).click();
  await expect(page.getByRole('form', { name: 'Nouveau message' })).toContainText('Convention_stage_3e_2025.pdf');
  expect(external).toEqual([]);
});

test('derniere-reponse : la recherche retrouve le fil et la date de la dernière réponse de Hugo', async ({ page }) => {
  const external = await open(page, 'derniere-reponse');
  await page.getByLabel('Rechercher dans les messages').fill('potager');
  await expect(list(page)).toContainText('Résultats pour « potager » (5)');
  const first = list(page).locator('li button').first();
  await expect(first).toContainText('Hugo Petit');
  await first.click();
  await expect(view(page)).toContainText('14/03/2025 à 16:58');
  expect(external).toEqual([]);
});

test('recherche : le message sur la mini-entreprise indique la salle', async ({ page }) => {
  const external = await open(page, 'recherche');
  await page.getByLabel('Rechercher dans les messages').focus();
  await page.keyboard.type('mini-entreprise');
  await expect(list(page)).toContainText('(1)');
  await list(page).getByRole('button', { name: /point d'étape/ }).click();
  await expect(view(page)).toContainText('salle B12');
  expect(external).toEqual([]);
});

test('hameconnage : signaler le faux message poste le domaine de son expéditeur', async ({ page }) => {
  const external = await open(page, 'hameconnage');
  // Reporting the genuine message posts nothing.
  await list(page).getByRole('button', { name: /démarche a bien été enregistrée/ }).click();
  await page.getByRole('button', { name: 'Signaler comme indésirable' }).click();
  expect(await answers(page)).toEqual([]);
  await list(page).getByRole('button', { name: /remboursement/ }).click();
  await expect(view(page)).toContainText('remboursement@impots-gouv-fr.info');
  await page.getByRole('button', { name: 'Signaler comme indésirable' }).click();
  await expect(view(page)).toContainText('Message déplacé dans Indésirables.');
  await expect.poll(() => answers(page)).toEqual([{ from: 'pix-simulator', type: 'answer', answer: 'impots-gouv-fr.info' }]);
  await page.getByRole('navigation', { name: 'Dossiers' }).getByRole('button', { name: /Indésirables/ }).click();
  await expect(list(page)).toContainText('remboursement');
  expect(external).toEqual([]);
});
