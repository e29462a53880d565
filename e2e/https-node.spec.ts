/**
 * A node served in HTTPS (--https-cert / --https-key), as a school relay must be on the LAN: the page is
 * a secure context, the service worker installs, and after one visit the PWA works with no network.
 * The test certificate (server/src/testing/tls) is trusted through Chromium's SPKI list, as an académie
 * certificate would be by the school's computers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import config from '../playwright.config';
import { loginAs, waitForOfflineReady } from './support/pupil';

const root = resolve(import.meta.dirname, '..');
const tlsDir = join(root, 'server', 'src', 'testing', 'tls');

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline && !exited) {
    const ok = await new Promise<boolean>((done) => {
      void import('node:https').then(({ get }) => {
        get(url, { ca: readFileSync(join(tlsDir, 'localhost-cert.pem')) }, (res) => done(res.statusCode === 200)).on('error', () => done(false));
      });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`le nœud HTTPS n'a pas démarré (${url})`);
}

test('served in HTTPS, the PWA installs its service worker and works offline', async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'pix-e2e-https-'));
  const node = spawn(process.execPath, [
    '--import', 'tsx', 'server/src/cli.ts', '--port', String(port), '--host', '127.0.0.1', '--data', dataDir, '--quiet',
    '--https-cert', join(tlsDir, 'localhost-cert.pem'), '--https-key', join(tlsDir, 'localhost-key.pem'),
  ], { cwd: root, stdio: 'ignore' });
  const spki = createHash('sha256')
    .update(createPublicKey(readFileSync(join(tlsDir, 'localhost-cert.pem'))).export({ type: 'spki', format: 'der' }))
    .digest('base64');
  const launch = config.use?.launchOptions ?? {};
  const browser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), `--ignore-certificate-errors-spki-list=${spki}`] });
  try {
    const baseURL = `https://localhost:${port}`;
    await waitForHealth(`${baseURL}/api/health`, node);
    const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
    const page = await context.newPage();
    await loginAs(page, 'eleve@demo.pix');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Léa');
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    await waitForOfflineReady(page);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Léa');
    await expect(page.getByTestId('sync-status').first()).toHaveText('Hors ligne');
    await context.close();
  } finally {
    await browser.close();
    node.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
