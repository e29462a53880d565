/**
 * Security headers and isolation in the browser (ADR 0007): a pupil goes through the app, a simulator
 * included, online and offline, with no Content-Security-Policy violation; every simulator of the pack
 * runs in its sandboxed frame offline; a foreign page can neither frame the app nor write with the
 * pupil's cookie from another port of the same host.
 */
import { createServer } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { freePort } from '../scripts/lib/spawn-node';
import { answer, currentChallenge, loadChallenges, passGameRules, shippedPack } from './support/answering';
import { recordCspViolations } from './support/csp';
import { loginAs, waitForOfflineReady } from './support/pupil';

const SIMULATOR = 'iframe.pix-embed';

/** The simulator frame of the displayed challenge runs with an opaque origin, its scenario from the <base>. */
async function expectSandboxedSimulator(page: Page, embedUrl: string) {
  const frame = page.locator(SIMULATOR);
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts allow-forms');
  await expect(frame.contentFrame().locator('body')).not.toBeEmpty();
  const inside = await (await frame.elementHandle())?.contentFrame();
  const seen = await inside?.evaluate(() => ({ origin: window.origin, base: document.baseURI, url: location.href }));
  expect(seen).toEqual({ origin: 'null', base: new URL(embedUrl, page.url()).href, url: 'about:srcdoc' });
}

test('a pupil goes through the app, a simulator included, online then offline, with no CSP violation', async ({ page, context }) => {
  test.setTimeout(180_000);
  const violations = await recordCspViolations(page);
  const challenges = await loadChallenges();
  await loginAs(page, 'louise.lemaire1301');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Louise');
  await waitForOfflineReady(page);
  await page.getByRole('link', { name: 'Compétences' }).first().click();
  await expect(page.getByTestId('competence-card')).toHaveCount(16);
  // 5.2 has the most simulator challenges (14 of 36): answer until one is shown.
  await page.getByRole('link', { name: /^5\.2 / }).click();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await passGameRules(page);
  let embedUrl: string | undefined;
  for (let asked = 0; asked < 30 && !embedUrl; asked++) {
    const checkpoint = page.getByTestId('checkpoint');
    await expect(checkpoint.or(page.locator('form[data-challenge-id]')).or(page.getByTestId('timed-warning')).first()).toBeVisible();
    if (await checkpoint.isVisible()) {
      await page.getByRole('button', { name: /Continuer/ }).first().click();
      continue;
    }
    const challenge = await currentChallenge(page, challenges);
    embedUrl = (shippedPack<{ challenges: { id: string; embedUrl?: string }[] }>().challenges.find((c) => c.id === challenge.id))?.embedUrl;
    if (!embedUrl) {
      await answer(page, challenge, 'right');
      await expect(page.locator(`form[data-challenge-id="${challenge.id}"]`)).toHaveCount(0);
    }
  }
  expect(embedUrl, 'une épreuve à simulateur en 5.2').toBeDefined();
  await expectSandboxedSimulator(page, embedUrl!);

  // Offline: the page, the pack and the simulator come from the service worker; the frame still runs.
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator(SIMULATOR)).toBeVisible();
  await expectSandboxedSimulator(page, embedUrl!);
  const challenge = await currentChallenge(page, challenges);
  await answer(page, challenge, 'right');
  await expect(page.locator(`form[data-challenge-id="${challenge.id}"]`)).toHaveCount(0);
  await page.getByRole('link', { name: 'Mes tutos' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await context.setOffline(false);
  expect(violations).toEqual([]);
});

test('offline, every simulator of the pack runs in its sandboxed frame with no CSP violation (content preview)', async ({ page, context }) => {
  test.setTimeout(180_000);
  const violations = await recordCspViolations(page);
  const pack = shippedPack<{ challenges: { competenceId: string; embedUrl?: string }[]; competences: { id: string; index: string }[] }>();
  const withSimulators = pack.competences
    .map((competence) => ({ index: competence.index, embeds: pack.challenges.filter((c) => c.competenceId === competence.id && c.embedUrl).length }))
    .filter((competence) => competence.embeds > 0);
  const simulators = new Set(pack.challenges.flatMap((c) => (c.embedUrl ? [c.embedUrl.split('/')[2]] : [])));
  expect(simulators.size).toBe(7);

  await loginAs(page, 'prof@demo.pix');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await waitForOfflineReady(page);
  await context.setOffline(true);
  for (const competence of withSimulators) {
    await page.goto(`/apercu/${competence.index}`);
    const frames = page.locator(SIMULATOR);
    await expect(frames).toHaveCount(competence.embeds);
    for (let i = 0; i < competence.embeds; i++) {
      await expect(frames.nth(i)).toHaveAttribute('sandbox', 'allow-scripts allow-forms');
      // the simulators build their screen in script: a body with visible text means the hashes matched
      await expect(frames.nth(i).contentFrame().locator('body')).not.toBeEmpty();
    }
  }
  await context.setOffline(false);
  expect(violations).toEqual([]);
});

test('the node sends its security headers on the page, the API, a simulator and a 404', async ({ request }) => {
  for (const path of ['/', '/competences', '/api/health', '/api/nope', '/simulators/tableur/index.html?scenario=club', '/icons/favicon.svg']) {
    const headers = (await request.get(path)).headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('no-referrer');
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'self'");
    expect(headers['strict-transport-security'], `${path} over HTTP`).toBeUndefined();
  }
  const simulator = (await request.get('/simulators/tableur/index.html')).headers()['content-security-policy'];
  expect(simulator).toContain('sandbox allow-scripts allow-forms');
  expect(simulator).toContain("default-src 'none'");
});

/**
 * A page of another origin on the same host (another port: same site, so the SameSite=Strict cookie goes
 * with its requests), served for real on loopback (Chromium blocks a routed "public" page from reaching
 * 127.0.0.1 before any of our checks could run).
 */
async function foreignPage(body: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(body);
  });
  const port = await freePort();
  await new Promise<void>((listening) => server.listen(port, '127.0.0.1', listening));
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((closed) => server.close(() => closed())) };
}

test('a foreign page cannot frame the app (frame-ancestors)', async ({ page, baseURL }) => {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('frame-ancestors')) refused.push(message.text());
  });
  const foreign = await foreignPage(`<iframe src="${baseURL}/"></iframe>`);
  try {
    await page.goto(foreign.url);
    await expect.poll(() => refused.join('\n')).toContain(`Framing '${baseURL}/' violates the following Content Security Policy directive: "frame-ancestors 'self'"`);
    await expect(page.locator('iframe').contentFrame().getByLabel('Mot de passe')).toHaveCount(0);
  } finally {
    await foreign.close();
  }
});

test("a page on another port of the same host cannot write with the pupil's cookie (403 FORBIDDEN_ORIGIN)", async ({ page, context, baseURL }) => {
  await loginAs(page, 'louise.lemaire1301');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Louise');
  const foreign = await foreignPage(`<form method="post" action="${baseURL}/api/auth/logout"><button>Jouer</button></form>`);
  try {
    const evil = await context.newPage();
    await evil.goto(foreign.url);
    const logout = evil.waitForResponse(`${baseURL}/api/auth/logout`);
    await evil.getByRole('button', { name: 'Jouer' }).click();
    const response = await logout;
    // the browser did send the session cookie (same site): only the origin check stops the logout
    expect((await response.request().allHeaders()).cookie).toContain('pix_session=');
    expect(response.status()).toBe(403);
    await expect(evil.locator('body')).toContainText('FORBIDDEN_ORIGIN');
    // the forged logout did not run: the pupil is still logged in
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(200);
  } finally {
    await foreign.close();
  }
});
