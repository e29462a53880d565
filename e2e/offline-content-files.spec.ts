/**
 * Offline content files: after one visit, with the network cut, the files the content pack uses
 * (attachments of any extension — the .eml and .xml ones included —, illustrations, simulators) are
 * served by the service worker's precache, byte for byte as shipped.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { packFiles, readPackFile } from '../scripts/lib/pack-precache';
import { waitForOfflineReady } from './support/pupil';

const root = resolve(import.meta.dirname, '..');

interface Fetched {
  url: string;
  status: number;
  text: string;
}

test('offline after one visit: the .eml, the .xml and every file of the pack load from the service worker', async ({ page, context }) => {
  test.setTimeout(120_000);
  const urls = packFiles(readPackFile(join(root, 'content', 'dist', 'pack.json'))).map((file) => encodeURI(file.path));
  const named = ['/content/files/2.1/message-sortie-musee.eml', '/content/files/1.1/flux-cdi.xml'];
  for (const url of named) expect(urls).toContain(url);

  await page.goto('/');
  await waitForOfflineReady(page);
  await context.setOffline(true);
  const fromServiceWorker = new Set<string>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (response.fromServiceWorker()) fromServiceWorker.add(url.pathname + url.search);
  });

  const fetched = await page.evaluate(async (list: string[]): Promise<Fetched[]> => {
    const out: Fetched[] = [];
    for (const url of list) {
      try {
        const response = await fetch(url);
        out.push({ url, status: response.status, text: await response.text() });
      } catch (error) {
        out.push({ url, status: 0, text: String(error) });
      }
    }
    return out;
  }, [...named, ...urls, '/simulators/tableur/index.html?scenario=club']);

  expect(fetched.filter((f) => f.status !== 200).map((f) => `${f.url} → ${f.status} ${f.status === 0 ? f.text : ''}`)).toEqual([]);
  for (const url of named) {
    const body = fetched.find((f) => f.url === url)?.text;
    expect(body, url).toBe(readFileSync(join(root, 'public', url), 'utf8'));
    expect(fromServiceWorker.has(url), `${url} servi par le service worker`).toBe(true);
  }
  expect(fetched.find((f) => f.url.includes('?scenario=club'))?.text).toBe(readFileSync(join(root, 'public', 'simulators', 'tableur', 'index.html'), 'utf8'));
  expect(urls.filter((url) => !fromServiceWorker.has(url))).toEqual([]);
  await context.setOffline(false);
});
