import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { handleError } from './http/errors';
import { testNode } from './testing/test-node';

describe('API basics', () => {
  it('GET /api/health reports mode, upstream, version and db', async () => {
    const central = await testNode({ demo: false });
    const response = await central.app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ mode: 'central', upstream: null, version: 'test', db: 'ok', derivationsQueued: 0 });
    const relay = await testNode({ demo: false, mode: 'relay' });
    expect(await (await relay.app.request('/api/health')).json()).toMatchObject({ mode: 'relay', upstream: 'http://central.example' });
  });

  it('malformed JSON → 400 with the error shape', async () => {
    const node = await testNode({ demo: false });
    const response = await node.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"login":' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'INVALID_JSON', message: expect.stringContaining('JSON') } });
  });

  it.each([
    [{}, 'missing fields'],
    [{ login: '', password: 'x' }, 'empty login'],
    [{ login: 'a', password: 42 }, 'wrong type'],
    [[1, 2], 'an array'],
  ])('invalid body (%j: %s) → 400 INVALID_INPUT', async (body, _label) => {
    const node = await testNode({ demo: false });
    const response = await node.json('/api/auth/login', body);
    expect(response.status).toBe(400);
    const payload = (await response.json()) as { error: { code: string; details: unknown[] } };
    expect(payload.error.code).toBe('INVALID_INPUT');
    expect(payload.error.details.length).toBeGreaterThan(0);
  });

  it('unknown /api route → 404 JSON', async () => {
    const node = await testNode({ demo: false });
    for (const [method, path] of [['GET', '/api/nope'], ['POST', '/api/auth/nope'], ['DELETE', '/api/health/x']]) {
      const response = await node.app.request(path, { method });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
  });

  it('logs one line per request with method, path, status and duration', async () => {
    const node = await testNode({ demo: false });
    await node.app.request('/api/health');
    await node.app.request('/api/nope');
    expect(node.logs).toEqual([expect.stringMatching(/^GET \/api\/health 200 [\d.]+ms$/), expect.stringMatching(/^GET \/api\/nope 404 [\d.]+ms$/)]);
  });

  it('an unexpected exception → 500 JSON, logged with its stack, and the app keeps answering', async () => {
    const logs: string[] = [];
    const app = new Hono();
    app.get('/boom', () => {
      throw new Error('kaboom');
    });
    app.get('/ok', (c) => c.json({ ok: true }));
    app.onError((error, c) => handleError(error, c, (line) => logs.push(line)));
    const response = await app.request('/boom');
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('INTERNAL_ERROR');
    expect(logs[0]).toContain('kaboom');
    expect(logs[0]).toContain('at ');
    expect((await app.request('/ok')).status).toBe(200);
  });
});
