/**
 * The world the role matrix and the route fuzz run in: a test node (central or relay) with the demo school,
 * a teacher MEMBER added to it, another school (its own admin, pupil and campaign), a relay token of the demo
 * school, Léa's documents in every sync collection (she joined CLGJMA501 and sent her results), and a
 * session for each persona of server/src/http/route-rules.ts. The app under test is the node's, with a built
 * PWA mounted as `npm start` does (a stand-in index.html in a temporary folder), so that the static routes are
 * listed too.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Env, Hono } from 'hono';
import { inspectRoutes } from 'hono/dev';
import { buildTargetProfile, challengeIdOf, tubeIdOf } from '../../../shared/src/testing/builders';
import { userTutorialId, type SyncCollection, type SyncDoc } from '../../../shared/src/sync/protocol';
import { createApp } from '../app';
import { packDownload } from '../content/content-pack';
import { findCampaignByCode } from '../orga/campaign-repository';
import type { NodeMode, Persona, RouteWorld } from '../http/route-rules';
import { PERSONAS, routeKey } from '../http/route-rules';
import { createRelayToken } from '../sync/relay-tokens';
import { organizationUserIds } from '../sync/principal';
import { answerDoc, assessmentDoc, organizationIdOf, participationDoc, push, testPackIndex, userIdOf } from '../sync/sync-fixtures';
import { addOtherSchool, addTeacher } from './school-fixtures';
import { testNode } from './test-node';

export type Headers = Record<string, string>;

/** A small pack with the target profiles of the demo campaigns (and the other school's `tp-web`). */
export const worldIndex = testPackIndex(
  'route-world',
  ['tp-rentree-5e', 'tp-rentree-3e', 'tp-web'].map((id) => buildTargetProfile({ id, cappedTubes: [{ tubeId: tubeIdOf('@web'), level: 2 }] })),
);
const worldPack = packDownload(JSON.stringify(worldIndex.pack));

/** What a persona logs in with (the relay persona sends its token instead). */
const LOGINS: Partial<Record<Persona, string>> = {
  pupil: 'eleve@demo.pix',
  otherPupil: 'hugo.lefevre1109',
  member: 'membre@demo.pix',
  admin: 'prof@demo.pix',
  otherAdmin: 'admin@lycee-hugo.test',
  certif: 'certif@demo.pix',
};

/** `ALL /api/*`, … : the handlers an app registers (middleware left out), each once, in registration order. */
export function registeredRoutes<E extends Env>(app: Hono<E>): { method: string; path: string; key: string }[] {
  const seen = new Map<string, { method: string; path: string; key: string }>();
  for (const { method, path, isMiddleware } of inspectRoutes(app as unknown as Hono)) {
    const key = routeKey(method, path);
    if (!isMiddleware && !seen.has(key)) seen.set(key, { method, path, key });
  }
  return [...seen.values()];
}

/** A folder standing for the built PWA (dist/), and beside it a file no request may ever read. */
function fakeBuild(): { parent: string; root: string; canary: string } {
  const parent = mkdtempSync(join(tmpdir(), 'pix-route-world-'));
  const canary = `canary-${randomUUID()}`;
  writeFileSync(join(parent, 'secret.txt'), canary);
  const root = join(parent, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Pix hors-ligne</title><div id="root"></div>');
  writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(root, 'assets', 'index.js'), 'console.log("pix");');
  return { parent, root, canary };
}

export async function routeWorld(mode: NodeMode) {
  const node = await testNode({ mode, content: worldIndex, packDownload: worldPack });
  const { db } = node;
  const organizationId = organizationIdOf(db);
  await addTeacher(db, organizationId, 'MEMBER', LOGINS.member ?? '');
  await addOtherSchool(db, { targetProfileId: 'tp-web' });

  const build = fakeBuild();
  const logs: string[] = [];
  const app = createApp({
    db,
    content: worldIndex,
    packDownload: worldPack,
    syncEvents: node.syncEvents,
    relay: node.relay,
    staticRoot: build.root,
    config: { mode, upstream: mode === 'relay' ? 'http://central.example' : null, version: 'test' },
    now: node.now,
    log: (line) => logs.push(line),
  });

  const login = async (persona: Persona): Promise<Headers | null> => {
    const account = LOGINS[persona];
    return account ? node.login(account) : null;
  };
  const relayToken = createRelayToken(db, organizationId, userIdOf(db, 'prof@demo.pix'), node.now());
  const sessions: Partial<Record<Persona, Headers | null>> = {};
  for (const persona of Object.keys(PERSONAS) as Persona[]) {
    const kind = PERSONAS[persona].kind;
    sessions[persona] = kind === 'none' ? {} : kind === 'relay' ? { authorization: `Bearer ${relayToken}` } : await login(persona);
  }

  const userIds: Partial<Record<Persona, string>> = {};
  for (const [persona, account] of Object.entries(LOGINS)) userIds[persona as Persona] = userIdOf(db, account);

  // Léa joins CLGJMA501, answers, keeps a tutorial and sends her results; Hugo and the other school's pupil have their own.
  const lea = userIds.pupil ?? '';
  const campaign = findCampaignByCode(db, 'CLGJMA501');
  if (!campaign) throw new Error('demo campaign CLGJMA501 missing');
  const participation = participationDoc({ userId: lea, campaignId: campaign.id });
  const assessment = assessmentDoc({ userId: lea, type: 'CAMPAIGN', competenceId: undefined, campaignParticipationId: participation.id });
  const answer = answerDoc({ userId: lea, assessmentId: assessment.id, challengeId: challengeIdOf('@web', 1) });
  const sharedAt = '2026-11-23T09:30:00.000Z';
  const leaDocs = {
    'campaign-participations': { ...participation, status: 'SHARED', sharedAt, updatedAt: sharedAt },
    assessments: assessment,
    answers: answer,
    'user-tutorials': { id: userTutorialId(lea, 'tuto-web'), userId: lea, tutorialId: 'tuto-web', saved: true, useful: null, updatedAt: sharedAt, _deleted: false },
  } satisfies Record<SyncCollection, SyncDoc>;
  const pupil = sessions.pupil ?? {};
  const stored = async (collection: SyncCollection, docs: SyncDoc[], headers: Headers) => {
    const { status, body } = await push(app, headers, collection, docs);
    if (status !== 200 || body.rejected.length) throw new Error(`fixture push ${collection} → ${status} ${JSON.stringify(body.rejected)}`);
  };
  await stored('campaign-participations', [participation], pupil);
  await stored('assessments', [assessment], pupil);
  await stored('answers', [answer], pupil);
  await stored('campaign-participations', [leaDocs['campaign-participations']], pupil);
  await stored('user-tutorials', [leaDocs['user-tutorials']], pupil);
  const hugo = userIds.otherPupil ?? '';
  await stored('assessments', [assessmentDoc({ userId: hugo })], sessions.otherPupil ?? {});
  const sacha = userIdOf(db, 'sacha.autre0101');
  await stored('assessments', [assessmentDoc({ userId: sacha })], await node.login('sacha.autre0101'));

  const world: RouteWorld = {
    mode,
    organizationId,
    campaign: { id: campaign.id, code: campaign.code, name: campaign.name },
    pupil: { login: 'eleve@demo.pix', email: 'eleve@demo.pix', userId: lea, lastName: 'Martin' },
    userIdOf: userIds,
    schoolUserIds: [...organizationUserIds(db, organizationId)],
    leaDocs,
    challengeId: challengeIdOf('@web', 1),
  };

  return {
    node,
    app,
    world,
    logs,
    /** the file beside the PWA's folder: its content must never be served */
    canary: build.canary,
    /** the persona's credentials (null: not in the app yet) */
    headersOf: (persona: Persona): Headers | null => sessions[persona] ?? null,
    /** a new session for a user persona (the relay and anonymous keep theirs) */
    freshHeadersOf: async (persona: Persona): Promise<Headers | null> => (PERSONAS[persona].kind === 'user' ? login(persona) : (sessions[persona] ?? null)),
    /** removes the stand-in build */
    dispose: () => rmSync(build.parent, { recursive: true, force: true }),
    /** logs the persona in again when its session ended (a logout) */
    renew: async (persona: Persona) => {
      if (PERSONAS[persona].kind === 'user' && sessions[persona]) sessions[persona] = await login(persona);
    },
  };
}

export type RouteWorldNode = Awaited<ReturnType<typeof routeWorld>>;

/**
 * The route whose handler answers `method path` (middleware passed over), as `METHOD /pattern`. Hono's router
 * holds `[handler, route]` pairs, the route being the very object of `app.routes`.
 */
export function servingRoute<E extends Env>(app: Hono<E>, method: string, path: string): string | undefined {
  const listed = inspectRoutes(app as unknown as Hono);
  const position = new Map<object, number>(app.routes.map((route, i) => [route, i]));
  const [matches] = app.router.match(method, new URL(path, 'http://node.test').pathname) as [[[unknown, object], unknown][], ...unknown[]];
  for (const [[, route]] of matches) {
    const i = position.get(route);
    if (i !== undefined && !listed[i].isMiddleware) return routeKey(listed[i].method, listed[i].path);
  }
  return undefined;
}
