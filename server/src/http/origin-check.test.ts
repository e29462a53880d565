import { describe, expect, it } from 'vitest';
import { testNode } from '../testing/test-node';
import { FORBIDDEN_ORIGIN_MESSAGE } from './origin-check';

// app.request addresses the node as http://localhost (its own origin).
const credentials = { login: 'eleve@demo.pix', password: 'Pix12345' };

async function expectForbidden(response: Response) {
  expect(response.status).toBe(403);
  expect(await response.json()).toEqual({ error: { code: 'FORBIDDEN_ORIGIN', message: FORBIDDEN_ORIGIN_MESSAGE } });
}

describe('origin check on state-changing API requests', () => {
  it.each([
    ['another port of the same host', { origin: 'http://localhost:8080' }],
    ['another scheme', { origin: 'https://localhost' }],
    ['another site', { origin: 'https://evil.example' }],
    ['a sandboxed frame', { origin: 'null' }],
    ['garbage', { origin: 'not an origin' }],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site same-site (a sibling subdomain or port)', { 'sec-fetch-site': 'same-site' }],
    ['same Origin but Sec-Fetch-Site same-site', { origin: 'http://localhost', 'sec-fetch-site': 'same-site' }],
  ])('login from %s → 403 FORBIDDEN_ORIGIN, no session created', async (_label, headers) => {
    const node = await testNode();
    const response = await node.json('/api/auth/login', credentials, headers);
    await expectForbidden(response);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(node.logs.some((line) => line.startsWith('refused POST /api/auth/login'))).toBe(true);
  });

  it('the app itself (same Origin, Sec-Fetch-Site same-origin) logs in, writes and logs out', async () => {
    const node = await testNode();
    const own = { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' };
    const login = await node.json('/api/auth/login', credentials, own);
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const logout = await node.app.request('/api/auth/logout', { method: 'POST', headers: { ...own, cookie } });
    expect(logout.status).toBe(200);
  });

  it('a foreign page cannot use the pupil\'s cookie to write (logout, any method)', async () => {
    const node = await testNode();
    const { cookie } = await node.login('eleve@demo.pix');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      await expectForbidden(await node.app.request('/api/auth/logout', { method, headers: { cookie, origin: 'http://localhost:5173' } }));
    }
    // still logged in: the forged logout did not run
    expect((await node.app.request('/api/me', { headers: { cookie } })).status).toBe(200);
  });

  it('reads (GET, HEAD) are not checked: a cross-site GET never changes anything', async () => {
    const node = await testNode();
    const { cookie } = await node.login('eleve@demo.pix');
    const response = await node.app.request('/api/me', { headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(response.status).toBe(200);
  });

  it('requests with neither header (curl, the relay\'s fetch) and bearer-token requests pass', async () => {
    const node = await testNode();
    expect((await node.json('/api/auth/login', credentials)).status).toBe(200);
    const sync = await node.json('/api/auth/login', { ...credentials, client: 'sync' });
    const { token } = (await sync.json()) as { token: string };
    // a bearer token is never attached by the browser on its own: no forgery possible
    const logout = await node.app.request('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(logout.status).toBe(200);
  });

  it('behind a reverse proxy: the origin the browser used comes from X-Forwarded-Proto / X-Forwarded-Host', async () => {
    const node = await testNode();
    const proxied = { origin: 'https://relais.college.example', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'relais.college.example' };
    expect((await node.json('/api/auth/login', credentials, proxied)).status).toBe(200);
    await expectForbidden(await node.json('/api/auth/login', credentials, { ...proxied, origin: 'http://relais.college.example:8443' }));
    // the Vite dev server proxies /api with changeOrigin: false, so the node sees the page's own Host
    const dev = await node.app.request('http://localhost:5173/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:5173', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify(credentials),
    });
    expect(dev.status).toBe(200);
  });
});
