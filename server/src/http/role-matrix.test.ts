/**
 * The role matrix (issue 13): every route the node registers, in central and in relay mode, against every
 * persona of route-rules.ts. The routes come from the app (Hono's route list), not from a hand-written list:
 * a new route without a rule fails here, and so does a rule whose route is gone. Each call aims at a real
 * resource (the demo school, CLGJMA501, Léa's documents): an allowed persona gets it, a refused one gets
 * exactly 401 or 403 with the error body and none of the protected data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_NAMES, PERSONAS, rulesFor, type NodeMode, type Persona, type RouteCall, type RouteRule } from './route-rules';
import { registeredRoutes, routeWorld, servingRoute, type Headers, type RouteWorldNode } from '../testing/route-world';

const MODES: NodeMode[] = ['central', 'relay'];

interface Expected {
  status: number;
  /** the error code of a refusal */
  refusal?: string;
}

/** What `persona` must get from `rule`: the rule's status when allowed, else 401 (cannot authenticate this way) or 403. */
function expectedFor(rule: RouteRule, persona: Persona): Expected {
  if (rule.allow.includes(persona)) return { status: rule.status ?? 200 };
  const kind = PERSONAS[persona].kind;
  const authenticates = rule.auth === 'none' || (rule.auth === 'user' ? kind === 'user' : kind !== 'none');
  return authenticates ? { status: 403, refusal: rule.refusedCode ?? 'FORBIDDEN' } : { status: 401, refusal: 'UNAUTHENTICATED' };
}

function describeExpected(expected: Expected): string {
  return expected.refusal ? `refused ${expected.status} ${expected.refusal}` : `allowed (${expected.status})`;
}

/** Sends one call; an event stream is cut at once (only its status and headers count). */
async function send(world: RouteWorldNode, rule: RouteRule, call: RouteCall, headers: Headers) {
  const method = call.method ?? (rule.route.split(' ')[0] === 'ALL' ? 'GET' : rule.route.split(' ')[0]);
  const init: RequestInit = { method, headers: { ...headers } };
  if (call.body !== undefined) {
    init.body = JSON.stringify(call.body);
    init.headers = { ...headers, 'content-type': 'application/json' };
  }
  const response = await world.app.request(call.path, init);
  const type = response.headers.get('content-type') ?? '';
  let text = '';
  if (type.startsWith('text/event-stream')) await response.body?.cancel();
  else text = await response.text();
  let json: unknown;
  try {
    json = type.includes('json') ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { method, status: response.status, type, text, json };
}

for (const mode of MODES) {
  describe(`role matrix, ${mode} node`, () => {
    let world: RouteWorldNode;
    beforeAll(async () => {
      world = await routeWorld(mode);
    });
    afterAll(() => world.dispose());

    it('every registered route has exactly one rule, and every rule names a registered route', () => {
      const registered = registeredRoutes(world.app).map((r) => r.key);
      const rules = rulesFor(mode);
      const declared = rules.map((r) => r.route);
      const problems = [
        ...registered.filter((key) => !declared.includes(key)).map((key) => `route ${key} has no rule in route-rules (${mode} node): declare who may call it`),
        ...declared.filter((key) => !registered.includes(key)).map((key) => `rule ${key} names no route of the ${mode} node: the route is gone or renamed, fix the rule`),
        ...declared.filter((key, i) => declared.indexOf(key) !== i).map((key) => `route ${key} has two rules for the ${mode} node`),
      ];
      expect(problems).toEqual([]);
    });

    it("each rule's calls reach its own route (not a neighbour, not the 404 fallback)", () => {
      const strays: string[] = [];
      for (const rule of rulesFor(mode)) {
        for (const call of [rule.call(world.world)].flat()) {
          const method = call.method ?? (rule.route.startsWith('ALL ') ? 'GET' : rule.route.split(' ')[0]);
          const served = servingRoute(world.app, method, call.path);
          if (served !== rule.route) strays.push(`${rule.route}: ${method} ${call.path} is served by ${served ?? 'nothing'}`);
        }
      }
      expect(strays).toEqual([]);
    });

    for (const rule of rulesFor(mode)) {
      describe(rule.route, () => {
        for (const persona of PERSONA_NAMES) {
          const expected = expectedFor(rule, persona);
          const pending = 'pending' in PERSONAS[persona];
          it.skipIf(pending)(`${persona}: ${describeExpected(expected)}`, async () => {
            const w = world.world;
            const headers = rule.endsSession ? await world.freshHeadersOf(persona) : world.headersOf(persona);
            if (!headers) throw new Error(`persona ${persona} has no credentials in route-world.ts`);
            const secret = rule.secret?.(w);
            if (secret?.seenBy.includes(persona) && expected.refusal) throw new Error(`rule ${rule.route}: seenBy names ${persona}, which it refuses`);
            const texts: string[] = [];
            for (const call of [rule.call(w)].flat()) {
              const got = await send(world, rule, call, headers);
              const where = `${persona} ${got.method} ${call.path}`;
              expect(got.status, `${where}: ${got.text.slice(0, 300)}`).toBe(expected.status);
              if (expected.refusal) {
                expect(got.json, where).toEqual({ error: { code: expected.refusal, message: expect.any(String) } });
              } else if (got.status >= 400 && call.path.startsWith('/api/')) {
                expect(got.json, where).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
              }
              if (rule.check && !expected.refusal) expect(rule.check(persona, got.json, w), where).toBeNull();
              texts.push(got.text);
            }
            // The secret may be spread over the calls (one document per collection): judged on all the answers.
            const all = texts.join('\n');
            for (const value of secret?.values ?? []) {
              if (secret?.seenBy.includes(persona)) expect(all, `${persona} should get ${value}`).toContain(value);
              else expect(all, `${persona} must not get ${value}`).not.toContain(value);
            }
          });
        }
      });
    }
  });
}
