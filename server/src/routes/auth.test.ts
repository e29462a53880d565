import { describe, expect, it } from 'vitest';
import { testNode } from '../testing/test-node';

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

  it('the 11th failed login within ten minutes → 429 for that account only; unlocked after the window', async () => {
    const node = await testNode();
    for (let i = 0; i < 10; i++) {
      expect((await node.json('/api/auth/login', { login: 'eleve@demo.pix', password: `bad${i}` })).status).toBe(401);
    }
    const locked = await node.json('/api/auth/login', { login: 'eleve@demo.pix', password: 'Pix12345' });
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { error: { message: string } }).error.message).toMatch(/Trop de tentatives/);
    expect((await node.json('/api/auth/login', { login: 'prof@demo.pix', password: 'Pix12345' })).status).toBe(200);
    node.advance(10 * 60 * 1000 + 1);
    expect((await node.json('/api/auth/login', { login: 'eleve@demo.pix', password: 'Pix12345' })).status).toBe(200);
  });

  it('failures older than ten minutes do not count', async () => {
    const node = await testNode();
    for (let i = 0; i < 9; i++) await node.json('/api/auth/login', { login: 'eleve@demo.pix', password: 'bad' });
    node.advance(11 * 60 * 1000);
    for (let i = 0; i < 9; i++) await node.json('/api/auth/login', { login: 'eleve@demo.pix', password: 'bad' });
    expect((await node.json('/api/auth/login', { login: 'eleve@demo.pix', password: 'Pix12345' })).status).toBe(200);
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
