/**
 * Per-device state (issue 12, point 6). A pupil joins a campaign by code on the school's RELAY and answers
 * a few questions; at home (a new device) on CENTRAL, once the relay forwarded, the dashboard resumes the
 * same campaign at the same next question with the same profile (the campaign, needed to derive the
 * campaign's knowledge elements, follows the participation). On the school PC, the next pupil sees
 * nothing of the previous one: no Web Storage, no database, no campaign, no « règles du jeu » seen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request as playwrightRequest, test, type Browser, type Page } from '@playwright/test';
import { freePort, spawnNode, stopNode, type NodeProcess } from '../scripts/lib/spawn-node';
import { answerNext, currentChallenge, loadChallenges, passGameRules } from './support/answering';
import { loginAs } from './support/pupil';

const CAMPAIGN_CODE = 'CLGJMB302';
const CAMPAIGN_TITLE = 'Parcours de rentrée 3e';
const SYNCED = /^(Synchronisé|Enregistré dans l'établissement|Transmis)/;

async function startRelay(centralUrl: string): Promise<{ relay: NodeProcess; dataDir: string }> {
  const admin = await playwrightRequest.newContext({ baseURL: centralUrl });
  expect((await admin.post('/api/auth/login', { data: { login: 'prof@demo.pix', password: 'Pix12345' } })).status()).toBe(200);
  const me = (await (await admin.get('/api/me')).json()) as { organizations: { id: string }[] };
  const created = await admin.post(`/api/organizations/${me.organizations[0].id}/relay-tokens`);
  expect(created.status()).toBe(201);
  const { token } = (await created.json()) as { token: string };
  await admin.dispose();
  const dataDir = mkdtempSync(join(tmpdir(), 'pix-e2e-relay-'));
  const relay = await spawnNode({ port: await freePort(), dataDir, upstream: centralUrl, relayToken: token, args: ['--forward-interval', '500'], readyTimeoutMs: 60_000 });
  // The relay knows the school's accounts once it has pulled its first snapshot from central.
  const probe = await playwrightRequest.newContext({ baseURL: relay.url });
  await expect
    .poll(async () => (await probe.post('/api/auth/login', { data: { login: 'camille.dubois2102', password: 'Pix12345' } })).status(), { timeout: 30_000 })
    .toBe(200);
  await probe.dispose();
  return { relay, dataDir };
}

async function dashboardProfile(page: Page): Promise<{ pix: string; certifiability: string }> {
  await page.getByRole('link', { name: 'Tableau de bord' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('découvrez votre tableau de bord');
  return { pix: (await page.getByTestId('pix-total').textContent()) ?? '', certifiability: (await page.getByTestId('certifiability').textContent()) ?? '' };
}

/**
 * What this origin keeps: Web Storage keys other than the DSFR's colour scheme (`scheme…`, the design
 * system's own, no pupil's), IndexedDB database names, the signed-in pointer.
 */
async function deviceState(page: Page) {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    const signedIn = await new Promise<unknown>((resolve) => {
      const opening = indexedDB.open('pix-appareil');
      // never create it from here (the app would then find it without its store)
      opening.onupgradeneeded = () => opening.transaction?.abort();
      opening.onsuccess = () => {
        const db = opening.result;
        if (!db.objectStoreNames.contains('entries')) return resolve(null);
        const read = db.transaction('entries').objectStore('entries').get('signed-in-user');
        read.onsuccess = () => resolve(read.result ?? null);
        read.onerror = () => resolve(null);
      };
      opening.onerror = () => resolve(null);
    });
    const webStorage = [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((key) => !key.startsWith('scheme'));
    return { webStorage, names, signedIn };
  });
}

/** How many records the IndexedDB databases whose name contains `part` still hold (RxDB empties, keeps the names). */
async function recordsIn(page: Page, part: string): Promise<number> {
  return page.evaluate(async (part) => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((name) => name.includes(part));
    let total = 0;
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(opening.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        total += await new Promise<number>((resolve, reject) => {
          const counting = db.transaction(store).objectStore(store).count();
          counting.onsuccess = () => resolve(counting.result);
          counting.onerror = () => reject(counting.error);
        });
      }
      db.close();
    }
    return total;
  }, part);
}

async function newDevice(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
  return { context, page: await context.newPage() };
}

test('a campaign started on the relay resumes at home on central, same question, same profile; the next pupil on the school PC sees nothing of it', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const centralUrl = baseURL ?? '';
  const challenges = await loadChallenges();
  const { relay, dataDir } = await startRelay(centralUrl);
  const school = await newDevice(browser, relay.url);
  try {
    // At school, on the relay: Camille joins the campaign by code and answers 3 questions.
    const page = school.page;
    await loginAs(page, 'camille.dubois2102');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Camille');
    await page.getByRole('link', { name: "J'ai un code" }).first().click();
    await page.getByLabel('Code du parcours').fill(CAMPAIGN_CODE.toLowerCase());
    await page.getByRole('button', { name: 'Accéder au parcours' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(CAMPAIGN_TITLE);
    await page.getByRole('button', { name: 'Je commence' }).click();
    await passGameRules(page);
    for (let i = 0; i < 3; i++) expect(await answerNext(page, challenges, 'right')).not.toBeNull();
    const nextAtSchool = (await currentChallenge(page, challenges)).id;
    // everything stored by the node (the relay): whatever the badge says of central's second receipt
    await expect(page.getByTestId('sync-status').first()).toHaveText(SYNCED, { timeout: 30_000 });
    const schoolProfile = await dashboardProfile(page);
    expect(Number(schoolProfile.pix)).toBeGreaterThan(0);
    await expect(page.getByTestId('resume-card')).toContainText(CAMPAIGN_TITLE);
    const camilleId = ((await (await page.request.get('/api/me')).json()) as { id: string }).id;

    // The relay forwards everything to central.
    const relayApi = await playwrightRequest.newContext({ baseURL: relay.url });
    await expect
      .poll(async () => ((await (await relayApi.get('/api/health')).json()) as { outboxPending: number }).outboxPending, { timeout: 30_000 })
      .toBe(0);
    await relayApi.dispose();

    // At home, a new device on central: same campaign to resume, same profile, same next question.
    const home = await newDevice(browser, centralUrl);
    try {
      await loginAs(home.page, 'camille.dubois2102');
      await expect(home.page.getByRole('heading', { level: 1 })).toContainText('Bonjour Camille');
      const card = home.page.getByTestId('resume-card');
      await expect(card).toContainText(CAMPAIGN_TITLE, { timeout: 30_000 });
      await expect(card).toContainText('Collège Jean Moulin (démo)');
      await expect(home.page.getByTestId('pix-total')).toHaveText(schoolProfile.pix, { timeout: 30_000 });
      await expect(home.page.getByTestId('certifiability')).toHaveText(schoolProfile.certifiability);
      await card.getByRole('link', { name: 'Reprendre' }).click();
      await expect(home.page.getByText("Les informations de ce parcours ne sont pas disponibles sur cet appareil")).toHaveCount(0);
      expect((await currentChallenge(home.page, challenges)).id).toBe(nextAtSchool);
      await expect(home.page.getByText(CAMPAIGN_TITLE).first()).toBeVisible();
    } finally {
      await home.context.close();
    }

    // Back at school: Camille logs out; nothing of her stays on the PC.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
    await expect.poll(() => recordsIn(page, camilleId)).toBe(0);
    expect(await deviceState(page)).toMatchObject({ webStorage: [], signedIn: null });

    // Yanis, on the same PC: an empty dashboard, the campaign never started, the game rules shown to him.
    await loginAs(page, 'yanis.haddad0908');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Yanis');
    await expect(page.getByTestId('dashboard-empty')).toBeVisible();
    await expect(page.getByTestId('resume-card')).toHaveCount(0);
    await expect(page.getByTestId('pix-total')).toHaveText('0');
    await page.goto(`/campagnes/${CAMPAIGN_CODE}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(CAMPAIGN_TITLE);
    await expect(page.getByText('Vous avez commencé ce parcours.')).toHaveCount(0);
    await page.getByRole('button', { name: 'Je commence' }).click();
    await expect(page.getByTestId('game-rules')).toBeVisible();
    expect((await deviceState(page)).webStorage).toEqual([]);
  } finally {
    await school.context.close();
    await stopNode(relay);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
