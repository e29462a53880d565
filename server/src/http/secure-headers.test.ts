import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openDatabase } from '../db/database';
import { cspHash } from './inline-hashes';
import { DSFR_INLINE_STYLES, HSTS } from './secure-headers';

// A built PWA in miniature: the entry page and one simulator with an inline script and style element.
const root = mkdtempSync(join(tmpdir(), 'pix-headers-'));
const SCRIPT = "parent.postMessage({ from: 'pix-simulator', type: 'answer', answer: '42' }, '*');";
const STYLE = 'body { margin: 0 }';
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Pix</title><div id="root"></div>');
mkdirSync(join(root, 'simulators', 'demo'), { recursive: true });
writeFileSync(join(root, 'simulators', 'demo', 'index.html'), `<!doctype html><style>${STYLE}</style><p style="color:red">x</p><script>${SCRIPT}</script>`);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function node() {
  return createApp({ db: openDatabase(':memory:'), config: { mode: 'central', upstream: null, version: 'test' }, now: () => new Date(), log: () => {}, staticRoot: root });
}

/** A node whose database is gone: its login fails with an unexpected error (500 through onError). */
function brokenNode() {
  const db = openDatabase(':memory:');
  db.close();
  return createApp({ db, config: { mode: 'central', upstream: null, version: 'test' }, now: () => new Date(), log: () => {}, staticRoot: root });
}

const login = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'a', password: 'b' }) };

const directives = (csp: string | null): Map<string, string[]> =>
  new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...sources]) => [name, sources]));

describe('security headers', () => {
  it.each([
    ['API answer', '/api/health', 200],
    ['API 404', '/api/nope', 404],
    ['API 500', '/api/auth/login', 500],
    ['entry page', '/', 200],
    ['client route (index.html fallback)', '/competences/1.1', 200],
    ['simulator file', '/simulators/demo/index.html?scenario=x', 200],
  ])('%s: nosniff, no referrer, same-origin framing, a CSP, and no HSTS over HTTP', async (_label, path, status) => {
    const response = status === 500 ? await brokenNode().request(path, login) : await node().request(path);
    expect(response.status).toBe(status);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(directives(response.headers.get('content-security-policy')).get('frame-ancestors')).toEqual(["'self'"]);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('HSTS only when the request came over HTTPS', async () => {
    const response = await node().request('https://relais.college.example/api/health');
    expect(response.headers.get('strict-transport-security')).toBe(HSTS);
    expect((await node().request('https://relais.college.example/')).headers.get('strict-transport-security')).toBe(HSTS);
  });

  it("the app's policy: own files only, the simulators' inline code by hash, no plugin, framed by itself", async () => {
    const csp = directives((await node().request('/')).headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'", cspHash(SCRIPT)]);
    expect(csp.get('style-src-elem')).toEqual(["'self'", ...DSFR_INLINE_STYLES, cspHash(STYLE)]);
    expect(csp.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('sandbox')).toBeUndefined();
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('a simulator served directly is sandboxed (opaque origin) and may fetch nothing', async () => {
    const csp = directives((await node().request('/simulators/demo/index.html')).headers.get('content-security-policy'));
    expect(csp.get('sandbox')).toEqual(['allow-scripts', 'allow-forms']);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual([cspHash(SCRIPT)]);
    expect(csp.get('connect-src')).toBeUndefined();
  });

  it('without a built PWA (API-only node) the policy allows no inline code at all', async () => {
    const app = createApp({ db: openDatabase(':memory:'), config: { mode: 'central', upstream: null, version: 'test' }, now: () => new Date(), log: () => {} });
    const csp = directives((await app.request('/api/health')).headers.get('content-security-policy'));
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });
});
