/**
 * The HTTP client parses every response with its schema: well-formed data comes back parsed, a malformed
 * response or a non-JSON body is an ApiFailure with a French message, server errors keep the node's
 * message, and a network failure is told apart.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { campaignInfoSchema, logoutResponseSchema, meSchema } from '../../../shared/src/api/schemas';
import { ApiFailure, api, INVALID_RESPONSE_MESSAGE } from './http';

const campaign = {
  id: 'c1', code: 'CLGJMB302', name: 'Parcours de rentrée 3e', title: null, type: 'ASSESSMENT', targetProfileId: 'tp-rentree-3e',
  customLandingMessage: null, idPixLabel: null, organizationName: 'Collège Jean Moulin (démo)', division: '3e B', method: 'BAYES',
};

function respond(body: string, status = 200) {
  const fetch = vi.fn(async () => new Response(body, { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

async function failureOf(promise: Promise<unknown>): Promise<ApiFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('la requête aurait dû échouer');
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('api()', () => {
  it('returns the parsed response, without the fields the schema does not know', async () => {
    respond(JSON.stringify({ ...campaign, somethingNew: 42 }));
    const info = await api('/api/campaigns/CLGJMB302', campaignInfoSchema);
    expect(info).toEqual(campaign);
    expect(info).not.toHaveProperty('somethingNew');
  });

  it('sends a JSON body with POST and the session cookie', async () => {
    const fetch = respond('{"ok":true}');
    expect(await api('/api/auth/logout', logoutResponseSchema, { body: { a: 1 } })).toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledWith('/api/auth/logout', expect.objectContaining({ method: 'POST', body: '{"a":1}', credentials: 'same-origin' }));
  });

  it.each([
    ['a field of the wrong type', JSON.stringify({ ...campaign, targetProfileId: 12 })],
    ['a missing field', JSON.stringify({ ...campaign, code: undefined })],
    ['an unknown enum value', JSON.stringify({ ...campaign, type: 'QUIZ' })],
    ['an HTML page (a captive portal, a proxy)', '<!doctype html><title>Wi-Fi</title>'],
    ['an empty body', ''],
  ])('a malformed response (%s) → ApiFailure INVALID_RESPONSE, in French', async (_label, body) => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    respond(body);
    const failure = await failureOf(api('/api/campaigns/CLGJMB302', campaignInfoSchema));
    expect(failure.code).toBe('INVALID_RESPONSE');
    expect(failure.status).toBe(200);
    expect(failure.isNetwork).toBe(false);
    expect(failure.message).toBe(INVALID_RESPONSE_MESSAGE);
    expect(failure.message).toMatch(/réponse du serveur/);
  });

  it("a refusal keeps the node's code and French message", async () => {
    respond(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Le code « ZZZZZZ999 » ne correspond à aucun parcours.' } }), 404);
    const failure = await failureOf(api('/api/campaigns/ZZZZZZ999', campaignInfoSchema));
    expect([failure.status, failure.code, failure.message]).toEqual([404, 'NOT_FOUND', 'Le code « ZZZZZZ999 » ne correspond à aucun parcours.']);
  });

  it('a refusal carries its details (the wait of a 429) for the caller to parse', async () => {
    const message = 'Trop de tentatives de connexion. Réessayez dans 30 secondes.';
    respond(JSON.stringify({ error: { code: 'TOO_MANY_ATTEMPTS', message, details: { retryAfterSeconds: 30 } } }), 429);
    const failure = await failureOf(api('/api/auth/login', meSchema, { body: {} }));
    expect([failure.status, failure.code, failure.message, failure.details]).toEqual([429, 'TOO_MANY_ATTEMPTS', message, { retryAfterSeconds: 30 }]);
  });

  it('a refusal without the error shape still gets a French message', async () => {
    respond('Bad Gateway', 502);
    const failure = await failureOf(api('/api/me', meSchema));
    expect([failure.status, failure.code, failure.message]).toEqual([502, 'HTTP_502', 'Une erreur est survenue.']);
  });

  it('no network → ApiFailure NETWORK (status 0)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    const failure = await failureOf(api('/api/me', meSchema));
    expect(failure.isNetwork).toBe(true);
    expect(failure.message).toContain('injoignable');
  });
});
