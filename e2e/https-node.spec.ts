/**
 * A node served in HTTPS (--https-cert / --https-key), as a school relay must be on the LAN: the page is
 * a secure context, the service worker installs, and after one visit the PWA works with no network.
 * The test certificate (server/src/testing/tls) is trusted through Chromium's SPKI list, as an académie
 * certificate would be by the school's computers.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import config from '../playwright.config';
import { freePort, spawnNode, stopNode } from '../scripts/lib/spawn-node';
import { loginAs, waitForOfflineReady } from './support/pupil';

const tlsDir = resolve(import.meta.dirname, '..', 'server', 'src', 'testing', 'tls');
const tls = { certFile: join(tlsDir, 'localhost-cert.pem'), keyFile: join(tlsDir, 'localhost-key.pem') };

test('served in HTTPS, the PWA installs its service worker and works offline', async () => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'pix-e2e-https-'));
  const node = await spawnNode({ port: await freePort(), dataDir, tls, readyTimeoutMs: 60_000 });
  const spki = createHash('sha256').update(createPublicKey(readFileSync(tls.certFile)).export({ type: 'spki', format: 'der' })).digest('base64');
  const launch = config.use?.launchOptions ?? {};
  const browser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), `--ignore-certificate-errors-spki-list=${spki}`] });
  try {
    const context = await browser.newContext({ baseURL: node.url, locale: 'fr-FR' });
    const page = await context.newPage();
    await loginAs(page, 'eleve@demo.pix');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Léa');
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    // over HTTPS, and only then, the node asks the browser to keep to HTTPS (ADR 0007)
    expect(await page.evaluate(async () => (await fetch('/api/health')).headers.get('strict-transport-security'))).toBe('max-age=15552000');
    await waitForOfflineReady(page);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Léa');
    await expect(page.getByTestId('sync-status').first()).toHaveText('Hors ligne');
    await context.close();
  } finally {
    await browser.close();
    await stopNode(node);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
