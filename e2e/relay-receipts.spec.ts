/**
 * The two receipts through a real school relay and central (spawned here, beside the main test node):
 * with central stopped, answers given on the relay are « Enregistré dans l'établissement », not
 * transmitted, and logging out wipes the PC (the relay holds it all); once the relay has forwarded them,
 * the next login says « Transmis ». With the relay unreachable, answers stay « en attente », logging out
 * keeps exactly those, and the next login pushes them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { freePort, spawnNode, stopNode, type NodeProcess } from '../scripts/lib/spawn-node';
import { answerNext, loadChallenges, passGameRules, type PackChallenge } from './support/answering';
import { loginAs } from './support/pupil';

const PASSWORD = 'Pix12345';
const dirs: string[] = [];
let central: NodeProcess;
let centralPort: number;
let centralDir: string;
let relay: NodeProcess;
let challenges: Map<string, PackChallenge>;

/** Logs in through the API; returns the session cookie. */
async function apiLogin(url: string, login: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD }) });
  if (response.status !== 200) throw new Error(`login ${login} sur ${url} → ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

async function getJson<T>(url: string, cookie: string): Promise<T> {
  const response = await fetch(url, { headers: { cookie } });
  if (!response.ok) throw new Error(`${url} → ${response.status}`);
  return (await response.json()) as T;
}

async function outboxPending(): Promise<number> {
  return ((await (await fetch(`${relay.url}/api/health`)).json()) as { outboxPending: number }).outboxPending;
}

async function startCentral(): Promise<void> {
  central = await spawnNode({ port: centralPort, dataDir: centralDir, readyTimeoutMs: 60_000 });
}

async function newPupilPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: relay.url, locale: 'fr-FR' });
  return context.newPage();
}

async function answerCompetence(page: Page, index: string, count: number): Promise<string[]> {
  await page.goto(`/competences/${index}`);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await passGameRules(page);
  const answered: string[] = [];
  for (let i = 0; i < count; i++) {
    const step = await answerNext(page, challenges);
    if (step) answered.push(step.challengeId);
  }
  return answered;
}

async function answerMore(page: Page, count: number): Promise<string[]> {
  const answered: string[] = [];
  for (let i = 0; i < count; i++) {
    const step = await answerNext(page, challenges);
    if (step) answered.push(step.challengeId);
  }
  return answered;
}

/** What the pupils' local databases on this browser hold: documents per collection, answered challenges. */
function localData(page: Page): Promise<{ counts: Record<string, number>; answeredChallenges: string[] }> {
  return page.evaluate(async () => {
    const counts: Record<string, number> = {};
    const answeredChallenges: string[] = [];
    for (const info of await indexedDB.databases()) {
      const match = /^rxdb-dexie-pix-[0-9a-f-]+--\d+--([A-Za-z]+)$/.exec(info.name ?? '');
      if (!match) continue;
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => ok(open.result);
        open.onerror = () => ko(open.error);
      });
      if (db.objectStoreNames.contains('docs')) {
        const docs = await new Promise<{ _deleted?: boolean | string; challengeId?: string }[]>((ok) => {
          const request = db.transaction('docs').objectStore('docs').getAll();
          request.onsuccess = () => ok(request.result as { _deleted?: boolean | string; challengeId?: string }[]);
        });
        // RxDB's Dexie storage keeps `_deleted` as '0' / '1' (an index)
        const live = docs.filter((d) => d._deleted !== '1' && d._deleted !== true);
        counts[match[1]] = (counts[match[1]] ?? 0) + live.length;
        if (match[1] === 'answers') answeredChallenges.push(...live.map((d) => d.challengeId ?? ''));
      }
      db.close();
    }
    return { counts, answeredChallenges: answeredChallenges.sort() };
  });
}

const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(120_000);
  centralPort = await freePort();
  centralDir = mkdtempSync(join(tmpdir(), 'pix-e2e-central-'));
  const relayDir = mkdtempSync(join(tmpdir(), 'pix-e2e-relay-'));
  dirs.push(centralDir, relayDir);
  await startCentral();
  const api = await playwright.request.newContext({ baseURL: central.url });
  challenges = await loadChallenges();
  await api.dispose();
  const admin = await apiLogin(central.url, 'prof@demo.pix');
  const me = await getJson<{ organizations: { id: string; role: string }[] }>(`${central.url}/api/me`, admin);
  const organization = me.organizations.find((o) => o.role === 'ADMIN');
  const created = await fetch(`${central.url}/api/organizations/${organization?.id}/relay-tokens`, { method: 'POST', headers: { cookie: admin } });
  expect(created.status).toBe(201);
  const { token } = (await created.json()) as { token: string };
  relay = await spawnNode({ port: await freePort(), dataDir: relayDir, upstream: central.url, relayToken: token, args: ['--forward-interval', '300'], readyTimeoutMs: 60_000 });
  // the relay knows the school's accounts once it has its first snapshot
  await expect.poll(() => apiLogin(relay.url, 'louis.simon2803').then(() => true, () => false), { timeout: 30_000 }).toBe(true);
});

test.afterAll(async () => {
  if (relay) await stopNode(relay);
  if (central) await stopNode(central);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('central stopped: « Enregistré dans l’établissement », logout wipes the PC; once forwarded, the next login says « Transmis »', async ({ browser }) => {
  test.setTimeout(180_000);
  await stopNode(central);
  const page = await newPupilPage(browser);
  await loginAs(page, 'louis.simon2803');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Louis');
  const answered = await answerCompetence(page, '1.2', 3);
  expect(answered).toHaveLength(3);
  const status = page.getByTestId('sync-status').first();
  await expect(status).toContainText("Enregistré dans l'établissement", { timeout: 20_000 });
  await expect(status).toHaveAttribute('data-pending', '0');
  await expect(status).toHaveAttribute('title', '3 réponses en attente de transmission au serveur central');
  expect(await outboxPending()).toBeGreaterThanOrEqual(4);

  expect((await localData(page)).counts).toMatchObject({ answers: 3, assessments: 1, receipts: 4, profile: 1 });

  // Everything is at the relay: logging out asks nothing and leaves nothing of Louis on this PC.
  await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expect(page.getByTestId('logout-warning')).toHaveCount(0);
  expect(nonZero((await localData(page)).counts)).toEqual({});

  // Central is back. After its outage the relay's backoff may wait up to a minute: another pupil's push
  // (Rayan saves a tutorial) wakes its forwarder at once.
  await startCentral();
  const rayan = await apiLogin(relay.url, 'rayan.diallo0410');
  const rayanId = (await getJson<{ id: string }>(`${relay.url}/api/me`, rayan)).id;
  const tutorialId = (await getJson<{ tutorials: { id: string }[] }>(`${relay.url}/content/pack.json`, rayan)).tutorials[0].id;
  const saved = await fetch(`${relay.url}/api/sync/user-tutorials/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: rayan },
    body: JSON.stringify({ rows: [{ newDocumentState: { id: `${rayanId}:${tutorialId}`, userId: rayanId, tutorialId, saved: true, useful: null, updatedAt: new Date().toISOString(), _deleted: false } }] }),
  });
  expect(((await saved.json()) as { rejected: unknown[] }).rejected).toEqual([]);
  await expect.poll(outboxPending, { timeout: 30_000 }).toBe(0);

  await loginAs(page, 'louis.simon2803');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Louis');
  await expect(status).toHaveText(/^Transmis/, { timeout: 20_000 });
  await expect(page.getByTestId('resume-card')).toHaveCount(1);
  await page.context().close();
});

test('relay unreachable: answers stay « en attente », logout keeps exactly those, the next login pushes them', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await newPupilPage(browser);
  await loginAs(page, 'zoe.michel1706');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Zoé');
  const status = page.getByTestId('sync-status').first();
  const online = await answerCompetence(page, '1.2', 1);
  await expect(status).toHaveText(/^(Enregistré dans l'établissement|Transmis)/, { timeout: 20_000 });

  await page.context().setOffline(true);
  const offline = await answerMore(page, 2);
  expect(offline).toHaveLength(2);
  await expect(status).toContainText('Hors ligne — 2 réponses en attente');
  await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
  const warning = page.getByTestId('logout-warning');
  await expect(warning).toContainText('pas encore synchronisées');
  await expect(warning).toContainText('2 éléments');
  await expect(warning).toContainText('seuls ces éléments restent sur cet ordinateur');
  await page.getByRole('button', { name: 'Me déconnecter quand même' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expect(page.getByText('restent sur cet ordinateur')).toBeVisible();
  // only the two answers the relay never got: not the first answer, not the assessment, no receipt, no profile
  const left = await localData(page);
  expect(nonZero(left.counts)).toEqual({ answers: 2 });
  expect(left.answeredChallenges).toEqual([...offline].sort());

  await page.context().setOffline(false);
  await loginAs(page, 'zoe.michel1706');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Zoé');
  await expect(status).toHaveText(/^(Enregistré dans l'établissement|Transmis)/, { timeout: 30_000 });
  await expect(status).toHaveText(/^Transmis/, { timeout: 30_000 });
  const zoe = await apiLogin(central.url, 'zoe.michel1706');
  const atCentral = await getJson<{ documents: { challengeId: string }[] }>(`${central.url}/api/sync/answers/pull?limit=500`, zoe);
  expect(atCentral.documents.map((a) => a.challengeId).sort()).toEqual([...online, ...offline].sort());
  await page.context().close();
});
