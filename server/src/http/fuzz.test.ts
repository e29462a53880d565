/**
 * Route fuzz (issue 13): every route the node registers (the same listing as the role matrix), in central and
 * relay mode, gets arbitrary path parameters ('..', %00, unicode, real ids), queries, bodies (any JSON, odd
 * unicode, huge numbers, deep nesting, invalid JSON text, wrong content types, long strings up to the body
 * limit and one past it) and a few odd headers, from an anonymous caller, Léa (logged in), the school's
 * relay token and its ADMIN, so that validation past authentication (and past the role checks) runs too. Whatever comes: never a 5xx, the
 * `{ error: { code, message } }` body on every 4xx of the API, no byte of a file outside the PWA's folder, and the
 * node still answers /api/health.
 *
 * Random by default (fast-check prints the seed and path of a failure); reproduce with
 * `FUZZ_SEED=<seed> npx vitest run server/src/http/fuzz.test.ts`, more cases with FUZZ_RUNS (default 60 per
 * route and persona).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, userIdForToken } from '../auth/sessions';
import { SYNC_COLLECTIONS, SYNC_FORMAT_HEADER } from '../../../shared/src/sync/protocol';
import { CAMPAIGN_METHODS } from '../../../shared/src/engine/engine-choice';
import { API_BODY_LIMIT_BYTES } from './limits';
import type { NodeMode, Persona } from './route-rules';
import { registeredRoutes, routeWorld, type Headers, type RouteWorldNode } from '../testing/route-world';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
// the admin too: the engine choice and the relay tokens read their body only past the admin check
const FUZZED: Persona[] = ['anonymous', 'pupil', 'relay', 'admin'];
/** The socket @hono/node-server would hand the app: the fuzz's requests come from this address. */
const FUZZER_PC = { incoming: { socket: { remoteAddress: '10.66.6.6' } } };
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

interface FuzzRequest {
  method: string;
  path: string;
  contentType: string | null;
  body: string | null;
  headers: Headers;
}

const nasty = fc.constantFrom(
  '..', '../..', '%2e%2e', '..%2f..%2fsecret.txt', '%2e%2e%2fsecret.txt', '%00', 'a%00b', '%', '%E0%A4%A', '%ZZ', '%C0%AE%C0%AE',
  'é', 'e\u0301', '🙂', '👩🏽‍🏫', '\u202e', '\ufeff', '\u0000', ' ', '+', ';', '*', '-1', '0', '1e309', '9007199254740993',
  'NaN', 'null', 'undefined', '__proto__', 'constructor', 'x'.repeat(2000),
);
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), nasty);
const hugeNumber = fc.oneof(
  fc.constantFrom('1e309', '-1e309', '9007199254740993', '1' + '0'.repeat(400), '-0', '0.1e-400', '12345678901234567890123456789'),
  fc.bigInt().map(String),
  fc.double().map(String),
);

/**
 * A path parameter: mostly a real value of the world for a parameter of that name (to get past the lookups;
 * a name it does not know gets any real id), else a nasty token or any text, encoded or raw.
 */
function paramValue(world: RouteWorldNode, name: string) {
  const w = world.world;
  const byName: Record<string, string[]> = {
    collection: [...SYNC_COLLECTIONS],
    code: [w.campaign.code, w.campaign.code.toLowerCase(), ` ${w.campaign.code} `],
    campaignId: [w.campaign.id],
    organizationId: [w.organizationId],
    id: [w.organizationId],
  };
  const real = fc.constantFrom(...(byName[name] ?? Object.values(byName).flat()));
  return fc.oneof({ arbitrary: real, weight: 5 }, { arbitrary: nasty, weight: 1 }, { arbitrary: text.map(encodeURIComponent), weight: 1 }, { arbitrary: text, weight: 1 });
}

/** The path of a route with its `:params` and `*` filled in. */
function pathOf(template: string, world: RouteWorldNode) {
  const parts = template.split('/').map((part) => {
    if (part.startsWith(':')) return paramValue(world, part.slice(1));
    if (part === '*') return fc.array(fc.oneof(paramValue(world, '*'), fc.constantFrom('secret.txt', 'assets', 'index.html', 'sw.js')), { maxLength: 4 }).map((s) => s.join('/'));
    return fc.constant(part);
  });
  return fc.tuple(...parts).map((filled) => filled.join('/') || '/');
}

const query = fc.option(
  fc.dictionary(fc.oneof(fc.constantFrom('seq', 'id', 'limit', 'code', 'method'), text), fc.oneof(text, hugeNumber), { maxKeys: 4 }).map((entries) => new URLSearchParams(entries).toString()),
  { nil: '' },
);

/**
 * A JSON body close to a real one, to get past the envelope: a push of Léa's documents with up to three fields
 * replaced (other ids, other owners, odd dates, anything), a login, an engine choice.
 */
function nearlyValid(world: RouteWorldNode) {
  const w = world.world;
  const docs = Object.values(w.leaDocs) as unknown as Record<string, unknown>[];
  const keys = [...new Set(docs.flatMap((d) => Object.keys(d))), 'extra', '__proto__', 'serverSeq'];
  const date = fc.oneof(
    fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    fc.constantFrom('2026-13-45T99:99:99.000Z', '2026-11-23', '+275760-09-13T00:00:00.000Z', ''),
  );
  const ids = fc.constantFrom(w.campaign.id, w.organizationId, w.challengeId, ...Object.values(w.userIdOf), ...docs.map((d) => String(d.id)));
  const anything = fc.oneof(fc.jsonValue(), hugeNumber, text, fc.uuid(), ids, date);
  const doc = fc
    .tuple(fc.constantFrom(...docs), fc.array(fc.tuple(fc.constantFrom(...keys), anything), { maxLength: 3 }))
    .map(([d, changes]) => Object.assign({ ...d }, Object.fromEntries(changes)));
  const rows = fc.array(fc.record({ newDocumentState: doc, assumedMasterState: fc.option(doc, { nil: undefined }) }, { requiredKeys: ['newDocumentState'] }), { maxLength: 3 });
  return fc.oneof(
    { arbitrary: rows.map((r) => ({ rows: r })), weight: 4 },
    { arbitrary: fc.record({ login: fc.oneof(text, anything), password: fc.oneof(text, anything), client: fc.oneof(fc.constantFrom('browser', 'sync'), anything) }), weight: 1 },
    { arbitrary: fc.record({ method: fc.oneof(fc.constantFrom(...CAMPAIGN_METHODS, 'FLASH', 'CERTIFICATION_V2'), anything) }), weight: 1 },
  );
}

/** One big body for all: a JSON push a little under the body limit, and one just over it. */
const filler = (bytes: number) => JSON.stringify({ rows: [{ newDocumentState: { id: 'x', value: 'é'.repeat(Math.floor(bytes / 2)) } }] });
const UNDER_LIMIT = filler(API_BODY_LIMIT_BYTES - 1024);
const OVER_LIMIT = filler(API_BODY_LIMIT_BYTES + 1024);

function bodyOf(world: RouteWorldNode) {
  const deep = fc.integer({ min: 1, max: 5000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth));
  const long = fc.tuple(fc.string({ maxLength: 4, unit: 'grapheme' }), fc.integer({ min: 1_000, max: 300_000 })).map(([unit, n]) => JSON.stringify({ login: unit.repeat(n), password: 'x', rows: unit.repeat(n) }));
  return fc.oneof(
    { arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)), weight: 3 },
    { arbitrary: nearlyValid(world).map((v) => JSON.stringify(v)), weight: 8 },
    { arbitrary: fc.object({ maxDepth: 6 }).map((v) => JSON.stringify(v) ?? 'null'), weight: 1 },
    { arbitrary: nearlyValid(world).map((v) => JSON.stringify(v).slice(0, -1)), weight: 1 },
    { arbitrary: text, weight: 2 },
    { arbitrary: deep, weight: 1 },
    { arbitrary: long, weight: 1 },
    { arbitrary: fc.constantFrom(UNDER_LIMIT, OVER_LIMIT, '', 'null', '[]', '{}', '{"rows":null}', '{"rows":[null]}', '\ufeff{}'), weight: 1 },
  );
}

const contentType = fc.constantFrom(
  'application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded',
  'multipart/form-data', 'multipart/form-data; boundary=x', 'application/octet-stream', 'garbage', null,
);

const extraHeaders = fc.oneof(
  { arbitrary: fc.constant({}), weight: 6 },
  { arbitrary: fc.record({ [SYNC_FORMAT_HEADER]: fc.oneof(fc.constant('1'), text.map(encodeURIComponent)) }), weight: 1 },
  { arbitrary: fc.constantFrom<Headers>({ 'accept-encoding': 'gzip' }, { 'if-none-match': '*' }, { range: 'bytes=5-2' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }), weight: 1 },
);

function requestOf(route: { method: string; path: string }, world: RouteWorldNode): fc.Arbitrary<FuzzRequest> {
  const method = route.method === 'ALL' ? fc.constantFrom(...METHODS) : fc.constant(route.method);
  return fc
    .record({ method, path: pathOf(route.path, world), query, contentType, body: fc.option(bodyOf(world), { nil: null }), headers: extraHeaders })
    .map(({ method, path, query, contentType, body, headers }) => ({
      method,
      path: query ? `${path}?${query}` : path,
      // a GET or HEAD request cannot carry a body
      body: method === 'GET' || method === 'HEAD' ? null : body,
      contentType,
      headers,
    }));
}

function describeRequest(request: FuzzRequest): string {
  const body = request.body === null ? '' : ` body(${request.body.length})=${JSON.stringify(request.body.slice(0, 200))}`;
  return `${request.method} ${JSON.stringify(request.path.slice(0, 300))} [${request.contentType ?? 'no content-type'}]${body} ${JSON.stringify(request.headers)}`;
}

/** The persona's headers, with a new session when a fuzzed logout ended the last one. */
async function credentials(world: RouteWorldNode, persona: Persona): Promise<Headers> {
  const headers = world.headersOf(persona) ?? {};
  const token = headers.cookie?.slice(`${SESSION_COOKIE}=`.length);
  if (token !== undefined && !userIdForToken(world.node.db, token, world.node.now())) await world.renew(persona);
  return world.headersOf(persona) ?? {};
}

async function check(world: RouteWorldNode, persona: Persona, request: FuzzRequest): Promise<void> {
  const headers: Headers = { ...(await credentials(world, persona)), ...request.headers };
  if (request.contentType) headers['content-type'] = request.contentType;
  const logsBefore = world.logs.length;
  // An absolute URL, as @hono/node-server builds it from the request line: a path such as `//x` stays a path.
  const url = new URL(`http://node.test${request.path}`);
  // From a PC of its own: the login throttle it sets off (per source) stays off the world's own logins.
  const response = await world.app.request(url.href, { method: request.method, headers, body: request.body }, FUZZER_PC);
  const type = response.headers.get('content-type') ?? '';
  const bodyText = type.startsWith('text/event-stream') ? (await response.body?.cancel(), '') : await response.text();
  const where = `${persona} ${describeRequest(request)} → ${response.status} ${bodyText.slice(0, 300)}`;
  const crash = world.logs.slice(logsBefore).filter((line) => line.startsWith('unexpected error')).join('\n');
  expect(response.status, `${where}\n${crash}`).toBeLessThan(500);
  expect(bodyText, where).not.toContain(world.canary);
  // The API's answers (and the pack's) carry the error body; a static file may answer a bare 416 to a bad Range.
  const api = url.pathname.startsWith('/api/') || url.pathname.startsWith('/content/');
  if (api && response.status >= 400 && request.method !== 'HEAD') {
    let json: unknown;
    try {
      json = JSON.parse(bodyText);
    } catch {
      json = bodyText;
    }
    expect(json, where).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
  }
}

const MODES: NodeMode[] = ['central', 'relay'];
const worlds = new Map<NodeMode, RouteWorldNode>();
for (const mode of MODES) worlds.set(mode, await routeWorld(mode));
afterAll(() => worlds.forEach((world) => world.dispose()));

for (const mode of MODES) {
  const world = worlds.get(mode) as RouteWorldNode;
  describe(`route fuzz, ${mode} node`, () => {
    for (const route of registeredRoutes(world.app)) {
      for (const persona of FUZZED) {
        it(`${route.key} as ${persona}: no 5xx, the error shape, health still answers`, async () => {
          await fc.assert(
            fc.asyncProperty(requestOf(route, world), (request) => check(world, persona, request)),
            { numRuns: RUNS, seed: SEED },
          );
          expect((await world.app.request('/api/health')).status).toBe(200);
        });
      }
    }
  });
}
