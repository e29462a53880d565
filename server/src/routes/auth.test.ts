import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBodySchema, tooManyAttemptsDetailsSchema } from '../../../shared/src/api/schemas';
import { createApp } from '../app';
import * as passwords from '../auth/passwords';
import { openDatabase } from '../db/database';
import { seedDemo } from '../demo/seed-demo';
import { testNode } from '../testing/test-node';

// verifyPassword wrapped in a spy (same behaviour) so a test can tell the password was not checked.
vi.mock('../auth/passwords', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../auth/passwords')>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

describe('login', () => {
  it('by e-mail (any case) sets an HttpOnly SameSite=Strict cookie and /api/me answers', async () => {
    const node = await testNode();
    const response = await node.json('/api/auth/login', { login: 'Eleve@Demo.pix', password: 'Pix12345' });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pix_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const body = (await response.json()) as { token?: string; user: { firstName: string } };
    expect(body.token).toBeUndefined();
    expect(body.user.firstName).toBe('Léa');
    const me = await node.app.request('/api/me', { headers: { cookie: cookie.split(';')[0] } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ firstName: 'Léa', lastName: 'Martin', learnerOf: [{ division: '5e A' }] });
  });

  it('by username (prenom.nom + DDMM), with a bearer token for sync clients', async () => {
    const node = await testNode();
    const response = await node.json('/api/auth/login', { login: 'hugo.lefevre1109', password: 'Pix12345', client: 'sync' });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    const me = await node.app.request('/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ firstName: 'Hugo', username: 'hugo.lefevre1109' });
  });

  it('teacher and certification centre accounts carry their roles', async () => {
    const node = await testNode();
    const prof = await node.login('prof@demo.pix');
    expect(await (await node.app.request('/api/me', { headers: prof })).json()).toMatchObject({
      organizations: [{ name: 'Collège Jean Moulin (démo)', type: 'SCO', role: 'ADMIN' }],
    });
    const certif = await node.login('certif@demo.pix');
    expect(await (await node.app.request('/api/me', { headers: certif })).json()).toMatchObject({
      certificationCenters: [{ name: 'Collège Jean Moulin (démo)' }],
    });
  });

  it('wrong password or unknown account → 401 with a French message', async () => {
    const node = await testNode();
    for (const body of [{ login: 'eleve@demo.pix', password: 'wrong' }, { login: 'personne@demo.pix', password: 'Pix12345' }]) {
      const response = await node.json('/api/auth/login', body);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'INVALID_CREDENTIALS', message: "L'adresse e-mail ou l'identifiant et/ou le mot de passe saisis sont incorrects." },
      });
    }
  });

  it('logout ends the session; /api/me without a session → 401', async () => {
    const node = await testNode();
    const headers = await node.login('eleve@demo.pix');
    expect((await node.app.request('/api/me', { headers })).status).toBe(200);
    const out = await node.app.request('/api/auth/logout', { method: 'POST', headers });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/pix_session=;/);
    expect((await node.app.request('/api/me', { headers })).status).toBe(401);
    expect((await node.app.request('/api/me')).status).toBe(401);
    expect((await node.app.request('/api/me', { headers: { authorization: 'Bearer forged' } })).status).toBe(401);
  });

  it('an expired session is refused', async () => {
    const node = await testNode();
    const headers = await node.login('eleve@demo.pix');
    node.advance(31 * 24 * 3600 * 1000);
    expect((await node.app.request('/api/me', { headers })).status).toBe(401);
  });
});

const PC_A = '10.0.0.11';
const PC_B = '::ffff:10.0.0.12';
const PC_C = '10.0.0.13';

type App = Awaited<ReturnType<typeof testNode>>['app'];

/** A login from one PC: the env @hono/node-server gives the app, with the socket's address. */
async function loginFrom(app: App, remoteAddress: string, login: string, password: string): Promise<Response> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) };
  return app.request('/api/auth/login', init, { incoming: { socket: { remoteAddress } } });
}

/** The announced wait of a 429, after checking its shape against the shared schemas. */
async function waitOf(response: Response): Promise<number> {
  expect(response.status).toBe(429);
  const body = errorBodySchema.parse(await response.json());
  expect(body.error.code).toBe('TOO_MANY_ATTEMPTS');
  const { retryAfterSeconds } = tooManyAttemptsDetailsSchema.parse(body.error.details);
  expect(response.headers.get('retry-after')).toBe(String(retryAfterSeconds));
  expect(body.error.message).toMatch(new RegExp(`^Trop de tentatives de connexion\\. Réessayez dans `));
  return retryAfterSeconds;
}

describe('login throttle: progressive delays, never a lock (ADR 0004)', () => {
  afterEach(() => vi.mocked(passwords.verifyPassword).mockClear());

  it("a classmate's 30 wrong passwords from PC B keep the pupil out of PC A for at most the mild account delay", async () => {
    const node = await testNode();
    let failures = 0;
    let longestWaitOfB = 0;
    while (failures < 30) {
      const response = await loginFrom(node.app, PC_B, 'camille.dubois2102', `guess${failures}`);
      if (response.status === 401) {
        failures++;
        continue;
      }
      const wait = await waitOf(response);
      longestWaitOfB = Math.max(longestWaitOfB, wait);
      node.advance(wait * 1000);
    }
    expect(longestWaitOfB).toBe(300);
    // Right after the classmate's 30th failure: the pupil waits seconds, not minutes, then gets in.
    const wait = await waitOf(await loginFrom(node.app, PC_A, 'camille.dubois2102', 'Pix12345'));
    expect(wait).toBeLessThanOrEqual(30);
    node.advance(wait * 1000);
    expect((await loginFrom(node.app, PC_A, 'camille.dubois2102', 'Pix12345')).status).toBe(200);
    // The pupil's success does not forgive PC B.
    expect(await waitOf(await loginFrom(node.app, PC_B, 'camille.dubois2102', 'Pix12345'))).toBeGreaterThan(30);
  });

  it('the pupil mistyping on their own PC: four free tries, then 1 s, 2 s …; a success forgets them', async () => {
    const node = await testNode();
    for (let i = 0; i < 4; i++) expect((await loginFrom(node.app, PC_A, 'eleve@demo.pix', 'pix12345')).status).toBe(401);
    expect((await loginFrom(node.app, PC_A, 'eleve@demo.pix', 'pix12345')).status).toBe(401);
    expect(await waitOf(await loginFrom(node.app, PC_A, 'eleve@demo.pix', 'Pix12345'))).toBe(1);
    node.advance(1000);
    expect((await loginFrom(node.app, PC_A, 'eleve@demo.pix', 'pix12345')).status).toBe(401);
    expect(await waitOf(await loginFrom(node.app, PC_A, 'eleve@demo.pix', 'Pix12345'))).toBe(2);
    node.advance(2000);
    expect((await loginFrom(node.app, PC_A, 'eleve@demo.pix', 'Pix12345')).status).toBe(200);
    // forgotten: four free tries again
    for (let i = 0; i < 4; i++) expect((await loginFrom(node.app, PC_A, 'eleve@demo.pix', 'pix12345')).status).toBe(401);
    expect((await loginFrom(node.app, PC_A, 'eleve@demo.pix', 'Pix12345')).status).toBe(200);
  });

  it('e-mail and username of one account share one counter', async () => {
    const node = await testNode();
    const { username } = node.db.prepare("SELECT username FROM users WHERE email = 'eleve@demo.pix'").get() as { username: string };
    for (const login of ['eleve@demo.pix', username, 'ELEVE@demo.pix', ` ${username.toUpperCase()} `, 'eleve@demo.pix']) {
      expect((await loginFrom(node.app, PC_A, login, 'wrong')).status).toBe(401);
    }
    expect(await waitOf(await loginFrom(node.app, PC_A, username, 'Pix12345'))).toBe(1);
  });

  it('an unknown login is delayed exactly like an account: the answers do not tell whether it exists', async () => {
    const node = await testNode();
    const answers = async (login: string) => {
      const seen: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await loginFrom(node.app, PC_A, login, 'wrong');
        seen.push([response.status, response.headers.get('retry-after'), await response.json()]);
      }
      return seen;
    };
    expect(await answers('personne.inconnue0101')).toEqual(await answers('hugo.lefevre1109'));
    expect(vi.mocked(passwords.verifyPassword)).toHaveBeenCalledTimes(10); // decoy or real hash, five each
  });

  it('a delay answers 429 with Retry-After before any password check, and waiting attempts do not lengthen it', async () => {
    const node = await testNode();
    for (let i = 0; i < 5; i++) await loginFrom(node.app, PC_A, 'eleve@demo.pix', `bad${i}`);
    node.advance(1000);
    expect((await loginFrom(node.app, PC_A, 'eleve@demo.pix', 'bad5')).status).toBe(401);
    vi.mocked(passwords.verifyPassword).mockClear();
    const response = await loginFrom(node.app, PC_A, 'eleve@demo.pix', 'Pix12345');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toEqual({
      error: { code: 'TOO_MANY_ATTEMPTS', message: 'Trop de tentatives de connexion. Réessayez dans 2 secondes.', details: { retryAfterSeconds: 2 } },
    });
    node.advance(1000);
    for (let i = 0; i < 5; i++) expect(await waitOf(await loginFrom(node.app, PC_A, 'eleve@demo.pix', 'bad'))).toBe(1);
    expect(vi.mocked(passwords.verifyPassword)).not.toHaveBeenCalled();
    node.advance(1000);
    expect((await loginFrom(node.app, PC_A, 'eleve@demo.pix', 'Pix12345')).status).toBe(200);
  });

  it('a burst of parallel wrong passwords cannot slip past the ladder', async () => {
    const node = await testNode();
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => loginFrom(node.app, PC_A, 'eleve@demo.pix', `burst${i}`).then((r) => r.status)));
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
  });

  it('spraying 26 accounts from one PC delays that PC, even on an account it never tried; other PCs log in', async () => {
    const node = await testNode();
    const accounts = (node.db.prepare('SELECT coalesce(username, email) AS login FROM users ORDER BY id').all() as { login: string }[]).map((r) => r.login);
    // every real account but Camille's, then guessed logins that name no one, 26 in all
    const real = accounts.filter((login) => login !== 'camille.dubois2102');
    const sprayed = [...real, ...Array.from({ length: 26 - real.length }, (_, i) => `eleve.inconnu${1001 + i}`)];
    expect(sprayed).toHaveLength(26);
    const statuses: number[] = [];
    for (const password of ['123456', 'azerty']) {
      for (const login of sprayed) statuses.push((await loginFrom(node.app, PC_C, login, password)).status);
    }
    // 49 failures cost nothing; from the 50th on, PC C waits before every try
    expect(statuses.slice(0, 50).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(50)).toEqual([429, 429]);
    expect(await waitOf(await loginFrom(node.app, PC_C, 'camille.dubois2102', 'Pix12345'))).toBe(1);
    expect((await loginFrom(node.app, PC_A, 'hugo.lefevre1109', 'Pix12345')).status).toBe(200);
    node.advance(1000);
    expect((await loginFrom(node.app, PC_C, 'camille.dubois2102', 'azerty')).status).toBe(401);
    expect(await waitOf(await loginFrom(node.app, PC_C, 'camille.dubois2102', 'Pix12345'))).toBe(2);
  });

  it('failures older than an hour are forgotten (and their rows deleted)', async () => {
    const node = await testNode();
    for (let i = 0; i < 5; i++) await loginFrom(node.app, PC_A, 'eleve@demo.pix', 'bad');
    expect(await waitOf(await loginFrom(node.app, PC_A, 'eleve@demo.pix', 'Pix12345'))).toBe(1);
    node.advance(3600 * 1000);
    expect((await loginFrom(node.app, PC_B, 'prof@demo.pix', 'bad')).status).toBe(401);
    expect(node.db.prepare('SELECT count(*) AS n FROM login_failures').get()).toEqual({ n: 1 });
    for (let i = 0; i < 4; i++) expect((await loginFrom(node.app, PC_A, 'eleve@demo.pix', 'bad')).status).toBe(401);
    expect((await loginFrom(node.app, PC_A, 'eleve@demo.pix', 'Pix12345')).status).toBe(200);
  });

  it('a restart over the same database keeps the delays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pix-throttle-'));
    try {
      let nowMs = Date.parse('2026-11-23T10:00:00.000Z');
      const start = () => {
        const db = openDatabase(join(dir, 'pix.sqlite'));
        const config = { mode: 'central' as const, upstream: null, version: 'test' };
        return { db, app: createApp({ db, config, now: () => new Date(nowMs), log: () => undefined }) };
      };
      const first = start();
      await seedDemo(first.db, new Date(nowMs));
      for (let i = 0; i < 5; i++) expect((await loginFrom(first.app, PC_A, 'eleve@demo.pix', 'bad')).status).toBe(401);
      nowMs += 1000;
      expect((await loginFrom(first.app, PC_A, 'eleve@demo.pix', 'bad')).status).toBe(401);
      first.db.close();
      const second = start();
      expect(await waitOf(await loginFrom(second.app, PC_A, 'eleve@demo.pix', 'Pix12345'))).toBe(2);
      nowMs += 2000;
      expect((await loginFrom(second.app, PC_A, 'eleve@demo.pix', 'Pix12345')).status).toBe(200);
      second.db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without a socket (app.request), logins share one fixed source and still work', async () => {
    const node = await testNode();
    expect((await node.json('/api/auth/login', { login: 'eleve@demo.pix', password: 'bad' })).status).toBe(401);
    expect((await node.json('/api/auth/login', { login: 'eleve@demo.pix', password: 'Pix12345' })).status).toBe(200);
    expect(node.db.prepare('SELECT count(*) AS n FROM login_failures').get()).toEqual({ n: 0 });
  });
});
