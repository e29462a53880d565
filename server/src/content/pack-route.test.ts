import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../shared/src/model/load-pack';
import { createRelayToken } from '../sync/relay-tokens';
import { organizationIdOf, testIndex, userIdOf } from '../sync/sync-fixtures';
import { testNode } from '../testing/test-node';
import { packDownload } from './content-pack';

const PACK_TEXT = JSON.stringify(testIndex.pack);

async function node() {
  return testNode({ content: testIndex, packDownload: packDownload(PACK_TEXT) });
}

describe('GET /content/pack.json: the pack, solutions included, for logged-in users only', () => {
  it('anonymous: 401 with the error shape and no challenge in the body', async () => {
    const n = await node();
    const response = await n.app.request('/content/pack.json');
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    expect(text).not.toContain('solution');
  });

  it('an invalid or expired session: 401', async () => {
    const n = await node();
    expect((await n.app.request('/content/pack.json', { headers: { cookie: 'pix_session=forged' } })).status).toBe(401);
    const { cookie } = await n.login('eleve@demo.pix');
    n.advance(31 * 24 * 3600 * 1000);
    expect((await n.app.request('/content/pack.json', { headers: { cookie } })).status).toBe(401);
  });

  it('a logged-in pupil gets the exact pack the node scores against, loadable by the shared loader', async () => {
    const n = await node();
    const { cookie } = await n.login('eleve@demo.pix');
    const response = await n.app.request('/content/pack.json', { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    const text = await response.text();
    expect(text).toBe(PACK_TEXT);
    const loaded = loadPack(JSON.parse(text));
    expect(loaded.ok && loaded.index.pack.challenges.length).toBe(testIndex.pack.challenges.length);
  });

  it('gzip when accepted; 304 for the current ETag, 200 for an old one', async () => {
    const n = await node();
    const { cookie } = await n.login('prof@demo.pix');
    const zipped = await n.app.request('/content/pack.json', { headers: { cookie, 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(gunzipSync(bytes).toString('utf8')).toBe(PACK_TEXT);
    expect(bytes.length).toBeLessThan(PACK_TEXT.length);
    const etag = zipped.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    const same = await n.app.request('/content/pack.json', { headers: { cookie, 'if-none-match': `W/${etag}` } });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    const old = await n.app.request('/content/pack.json', { headers: { cookie, 'if-none-match': '"an-older-pack"' } });
    expect(old.status).toBe(200);
  });

  it('a relay token is not a user session: 401', async () => {
    const n = await node();
    const token = createRelayToken(n.db, organizationIdOf(n.db), userIdOf(n.db, 'prof@demo.pix'), n.now());
    expect((await n.app.request('/content/pack.json', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('no pack loaded on the node: 503 CONTENT_UNAVAILABLE for a logged-in user', async () => {
    const n = await testNode();
    const { cookie } = await n.login('eleve@demo.pix');
    const response = await n.app.request('/content/pack.json', { headers: { cookie } });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('CONTENT_UNAVAILABLE');
  });
});
