/**
 * The device's content pack: downloaded after login and kept in Cache Storage, used offline and on a slow
 * link, refreshed when the network answers in time; never replaced by a pack that does not load.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildPack } from '../../../shared/src/testing/builders';
import { forgetLoadedPack, loadContentPack, PACK_CACHE, PACK_OFFLINE_MESSAGE, PACK_SESSION_MESSAGE, PACK_URL } from './pack';

const packV = (version: string) =>
  JSON.stringify(buildPack({ version, competences: [{ index: '1.1', tubes: [{ name: '@web', levels: [1, 2] }] }] }));

/** Cache Storage as the browser gives it, in memory. */
function fakeCaches() {
  const stores = new Map<string, Map<string, Response>>();
  const api = {
    open: async (name: string) => {
      const store = stores.get(name) ?? new Map<string, Response>();
      stores.set(name, store);
      return {
        match: async (url: string) => store.get(url)?.clone(),
        put: async (url: string, response: Response) => void store.set(url, response),
      };
    },
  };
  vi.stubGlobal('caches', api);
  return { keptText: async () => stores.get(PACK_CACHE)?.get(PACK_URL)?.clone().text() };
}

const ok = (body: string) => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });

beforeEach(() => forgetLoadedPack());
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('loadContentPack', () => {
  it('first time: downloads the pack with the session cookie and keeps it', async () => {
    const caches = fakeCaches();
    const fetch = vi.fn(async () => ok(packV('v1')));
    vi.stubGlobal('fetch', fetch);
    expect((await loadContentPack()).pack.version).toBe('v1');
    expect(fetch).toHaveBeenCalledWith(PACK_URL, { credentials: 'same-origin' });
    expect(await caches.keptText()).toBe(packV('v1'));
  });

  it('offline with a kept copy: the kept copy', async () => {
    const caches = fakeCaches();
    vi.stubGlobal('fetch', vi.fn(async () => ok(packV('v1'))));
    await loadContentPack();
    forgetLoadedPack();
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect((await loadContentPack()).pack.version).toBe('v1');
    expect(await caches.keptText()).toBe(packV('v1'));
  });

  it('a fresher pack answered in time is used and kept', async () => {
    const caches = fakeCaches();
    vi.stubGlobal('fetch', vi.fn(async () => ok(packV('v1'))));
    await loadContentPack();
    forgetLoadedPack();
    vi.stubGlobal('fetch', vi.fn(async () => ok(packV('v2'))));
    expect((await loadContentPack()).pack.version).toBe('v2');
    expect(await caches.keptText()).toBe(packV('v2'));
  });

  it('a slow link: the kept copy after the wait, the download kept for next time', async () => {
    const caches = fakeCaches();
    vi.stubGlobal('fetch', vi.fn(async () => ok(packV('v1'))));
    await loadContentPack();
    forgetLoadedPack();
    let answer: (response: Response) => void = () => {};
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))));
    expect((await loadContentPack({ waitMs: 20 })).pack.version).toBe('v1');
    answer(ok(packV('v2')));
    await vi.waitFor(async () => expect(await caches.keptText()).toBe(packV('v2')));
  });

  it('a downloaded pack that does not load is refused and never replaces the kept one', async () => {
    const caches = fakeCaches();
    vi.stubGlobal('fetch', vi.fn(async () => ok(packV('v1'))));
    await loadContentPack();
    forgetLoadedPack();
    vi.stubGlobal('fetch', vi.fn(async () => ok('{"areas": "not a list"}')));
    expect((await loadContentPack()).pack.version).toBe('v1');
    expect(await caches.keptText()).toBe(packV('v1'));
  });

  it('nothing kept: offline and session-expired failures say what to do, in French; a later call tries again', async () => {
    fakeCaches();
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(loadContentPack()).rejects.toThrow(PACK_OFFLINE_MESSAGE);
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"error":{"code":"UNAUTHENTICATED","message":"x"}}', { status: 401 })));
    await expect(loadContentPack()).rejects.toThrow(PACK_SESSION_MESSAGE);
    vi.stubGlobal('fetch', vi.fn(async () => ok(packV('v3'))));
    expect((await loadContentPack()).pack.version).toBe('v3');
  });

  it('without Cache Storage (not a secure context): the network each time', async () => {
    vi.stubGlobal('caches', undefined);
    vi.stubGlobal('fetch', vi.fn(async () => ok(packV('v1'))));
    expect((await loadContentPack()).pack.version).toBe('v1');
  });
});
