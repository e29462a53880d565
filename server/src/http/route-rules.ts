/**
 * Who may call what: one rule per route the node registers, checked against every persona by
 * role-matrix.test.ts (issue 13). The matrix lists the routes from the app itself (Hono's `app.routes`), in
 * central and in relay mode: a route without a rule fails the test, and so does a rule whose route is gone.
 * A new route is covered by adding one entry to ROUTE_RULES (how: docs/securite.md).
 *
 * A rule says how a caller authenticates (`auth`), who gets through (`allow`, with the exact status when it
 * is not 200), and what a refused caller must not see. Everyone else is refused: 401 UNAUTHENTICATED when
 * the caller cannot authenticate the way the route asks (anonymous; a relay token on a user route), 403
 * otherwise (FORBIDDEN, or the route's own `refusedCode`), always with the `{ error: { code, message } }`
 * body. Requests aim at real resources of the fixture (server/src/testing/route-world.ts): the demo school,
 * its campaign CLGJMA501, Léa's own documents, so that "allowed" means "got the data".
 *
 * Test-only declarations: nothing here runs in a node.
 */
import { DEFAULT_CAMPAIGN_METHOD } from '../../../shared/src/engine/engine-choice';
import { SYNC_COLLECTIONS, type SyncCollection, type SyncDocByCollection } from '../../../shared/src/sync/protocol';
import type { NodeConfig } from '../context';

export type NodeMode = NodeConfig['mode'];

/** How a persona authenticates: no credentials, a user session (cookie), a relay token (bearer). */
export type PersonaKind = 'none' | 'user' | 'relay';

/**
 * The callers every route is checked against. `pending`: not in the app yet — declared so that the routes
 * that will serve it (Pix Certif) say so; the matrix skips it until route-world.ts can log one in.
 */
export const PERSONAS = {
  anonymous: { kind: 'none', who: 'no session, no token' },
  pupil: { kind: 'user', who: 'Léa Martin (eleve@demo.pix), pupil of the demo school, 5e A' },
  otherPupil: { kind: 'user', who: "Hugo Lefèvre (hugo.lefevre1109), same class: must never get Léa's data" },
  member: { kind: 'user', who: 'a teacher MEMBER of the demo school' },
  admin: { kind: 'user', who: 'Claire Rousseau (prof@demo.pix), ADMIN of the demo school' },
  otherAdmin: { kind: 'user', who: 'the ADMIN of another school (Lycée Victor Hugo, its own pupil and campaign)' },
  relay: { kind: 'relay', who: "the demo school's relay token (Authorization: Bearer pixr_…)" },
  certif: { kind: 'user', who: 'Marc Petit (certif@demo.pix), member of the certification centre' },
  invigilator: { kind: 'user', who: 'an invigilator of a certification session', pending: true },
} as const satisfies Record<string, { kind: PersonaKind; who: string; pending?: true }>;

export type Persona = keyof typeof PERSONAS;
export const PERSONA_NAMES = Object.keys(PERSONAS) as Persona[];

const personasOf = (kinds: PersonaKind[]) => PERSONA_NAMES.filter((p) => (kinds as string[]).includes(PERSONAS[p].kind));
/** every caller, credentials or not */
export const EVERYONE: readonly Persona[] = PERSONA_NAMES;
/** every logged-in user, whatever their role */
export const USERS: readonly Persona[] = personasOf(['user']);
/** every caller the sync routes accept: a user session or a relay token */
export const PRINCIPALS: readonly Persona[] = personasOf(['user', 'relay']);

/** The fixture's real resources, the targets of the requests (built by server/src/testing/route-world.ts). */
export interface RouteWorld {
  mode: NodeMode;
  /** the demo school */
  organizationId: string;
  /** CLGJMA501, the campaign of Léa's class: she joined it and sent her results */
  campaign: { id: string; code: string; name: string };
  pupil: { login: string; email: string; userId: string; lastName: string };
  /** the user id each persona logs in as (the relay: none) */
  userIdOf: Partial<Record<Persona, string>>;
  /** every user of the demo school (its learners' accounts and its members): what its relay token may read */
  schoolUserIds: readonly string[];
  /** Léa's stored document in each collection */
  leaDocs: SyncDocByCollection;
  /** a challenge of the content pack (the pack holds its solution) */
  challengeId: string;
}

export interface RouteCall {
  method?: string;
  path: string;
  /** sent as JSON */
  body?: unknown;
}

export interface RouteRule {
  /** `METHOD /path` exactly as Hono lists it: `GET /api/campaigns/:code` */
  route: string;
  /** the node modes this rule is for (default: both); a route that differs by mode gets one rule per mode */
  modes?: readonly NodeMode[];
  /** how a caller authenticates: none (public), user (a session), principal (a session or a relay token) */
  auth: 'none' | 'user' | 'principal';
  /** who gets through; every other persona is refused (401 or 403) */
  allow: readonly Persona[];
  /** the exact status of an allowed call, when not 200 */
  status?: number;
  /** the error code of a 403 refusal, when not FORBIDDEN */
  refusedCode?: string;
  /** the request(s), aimed at the fixture's resources; the method defaults to the route's */
  call: (w: RouteWorld) => RouteCall | RouteCall[];
  /**
   * Protected data in the answer: the personas in `seenBy` get it (each value appears), every other persona,
   * allowed or refused, must see none of it.
   */
  secret?: (w: RouteWorld) => { values: string[]; seenBy: readonly Persona[] };
  /** data ownership beyond the status, on an allowed call: what is wrong, or null */
  check?: (as: Persona, body: unknown, w: RouteWorld) => string | null;
  /** the call ends the caller's session: the matrix sends it with a fresh one */
  endsSession?: boolean;
}

const pullOf = (collection: SyncCollection): RouteCall => ({ path: `/api/sync/${collection}/pull?seq=0&id=&limit=500` });

/** A pull answers the caller's documents only: a user's own, a relay's school's users'. */
function ownDocumentsOnly(as: Persona, body: unknown, w: RouteWorld): string | null {
  const documents = (body as { documents?: { userId?: string }[] }).documents ?? [];
  const mine = as === 'relay' ? new Set(w.schoolUserIds) : new Set([w.userIdOf[as]]);
  const foreign = documents.filter((d) => !mine.has(d.userId ?? ''));
  return foreign.length ? `${foreign.length} document(s) of other users in the pull, e.g. of ${foreign[0].userId}` : null;
}

/** A push of Léa's documents is stored for her and her school's relay; anyone else gets every row refused, nothing of hers. */
function onlyOwnersWrite(as: Persona, body: unknown): string | null {
  const { conflicts = [], rejected = [] } = body as { conflicts?: unknown[]; rejected?: { code: string }[] };
  if (as === 'pupil' || as === 'relay') return rejected.length ? `owner's rows refused: ${JSON.stringify(rejected)}` : null;
  if (conflicts.length) return `a conflict handed Léa's document to ${as}`;
  if (rejected.length === 0 || rejected.some((r) => r.code !== 'FORBIDDEN')) return `expected every row refused FORBIDDEN, got ${JSON.stringify(rejected)}`;
  return null;
}

export const ROUTE_RULES: readonly RouteRule[] = [
  // Public: the node's state, login and logout, unknown API routes, the PWA.
  { route: 'GET /api/health', auth: 'none', allow: EVERYONE, call: () => ({ path: '/api/health' }) },
  {
    route: 'POST /api/auth/login', auth: 'none', allow: EVERYONE,
    call: (w) => ({ path: '/api/auth/login', body: { login: w.pupil.login, password: 'Pix12345' } }),
  },
  { route: 'POST /api/auth/logout', auth: 'none', allow: EVERYONE, endsSession: true, call: () => ({ path: '/api/auth/logout' }) },
  { route: 'ALL /api/*', auth: 'none', allow: EVERYONE, status: 404, call: () => [{ path: '/api/no-such-route' }, { method: 'PATCH', path: '/api/health' }] },
  { route: 'GET /*', auth: 'none', allow: EVERYONE, call: () => [{ path: '/' }, { path: '/orga/campagnes' }] },

  // The user's own account and campaigns.
  {
    route: 'GET /api/me', auth: 'user', allow: USERS, call: () => ({ path: '/api/me' }),
    secret: (w) => ({ values: [w.pupil.email, w.pupil.userId], seenBy: ['pupil'] }),
  },
  {
    route: 'GET /api/me/campaigns', auth: 'user', allow: USERS, call: () => ({ path: '/api/me/campaigns' }),
    secret: (w) => ({ values: [w.campaign.code], seenBy: ['pupil'] }),
  },
  {
    route: 'GET /content/pack.json', auth: 'user', allow: USERS, call: () => ({ path: '/content/pack.json' }),
    secret: (w) => ({ values: [w.challengeId, '"solution"'], seenBy: USERS }),
  },

  // Campaigns: a pupil of the class (or a teacher of the school) looks one up; the school's teachers see them all.
  {
    route: 'GET /api/campaigns/:code', auth: 'user', allow: ['pupil', 'otherPupil', 'member', 'admin'], refusedCode: 'CAMPAIGN_RESTRICTED',
    call: (w) => ({ path: `/api/campaigns/${w.campaign.code.toLowerCase()}` }),
    secret: (w) => ({ values: [w.campaign.id, w.campaign.name], seenBy: ['pupil', 'otherPupil', 'member', 'admin'] }),
  },
  {
    route: 'GET /api/organizations/:organizationId/campaigns', auth: 'user', allow: ['member', 'admin'],
    call: (w) => ({ path: `/api/organizations/${w.organizationId}/campaigns` }),
    secret: (w) => ({ values: [w.campaign.id, w.campaign.code], seenBy: ['member', 'admin'] }),
  },
  {
    route: 'GET /api/campaigns/:campaignId/results', auth: 'user', allow: ['member', 'admin'],
    call: (w) => ({ path: `/api/campaigns/${w.campaign.id}/results` }),
    secret: (w) => ({ values: [w.pupil.lastName], seenBy: ['member', 'admin'] }),
  },
  {
    route: 'PUT /api/campaigns/:campaignId/method', modes: ['central'], auth: 'user', allow: ['admin'],
    call: (w) => ({ path: `/api/campaigns/${w.campaign.id}/method`, body: { method: DEFAULT_CAMPAIGN_METHOD } }),
  },
  // A relay takes the engine from central's snapshot: every logged-in user gets 409 CENTRAL_ONLY, before any role check.
  {
    route: 'PUT /api/campaigns/:campaignId/method', modes: ['relay'], auth: 'user', allow: USERS, status: 409,
    call: (w) => ({ path: `/api/campaigns/${w.campaign.id}/method`, body: { method: DEFAULT_CAMPAIGN_METHOD } }),
  },

  // Relay administration.
  {
    route: 'POST /api/organizations/:id/relay-tokens', modes: ['central'], auth: 'user', allow: ['admin'], status: 201,
    call: (w) => ({ path: `/api/organizations/${w.organizationId}/relay-tokens` }),
  },
  // A relay token is central's to recognise: on a relay every logged-in user gets 409 CENTRAL_ONLY.
  {
    route: 'POST /api/organizations/:id/relay-tokens', modes: ['relay'], auth: 'user', allow: USERS, status: 409,
    call: (w) => ({ path: `/api/organizations/${w.organizationId}/relay-tokens` }),
  },
  {
    route: 'GET /api/relay/snapshot', auth: 'principal', allow: ['relay'], call: () => ({ path: '/api/relay/snapshot' }),
    secret: (w) => ({ values: ['$argon2', w.pupil.email], seenBy: ['relay'] }),
  },
  // On a relay: the administrators of its school only; the pupils waiting there are theirs to see.
  {
    route: 'GET /api/relay/status', modes: ['relay'], auth: 'user', allow: ['admin'], call: () => ({ path: '/api/relay/status' }),
    secret: (w) => ({ values: [w.pupil.lastName], seenBy: ['admin'] }),
  },
  // On central: any organisation's administrators, each seeing only the pupils of the organisations they administer.
  {
    route: 'GET /api/relay/status', modes: ['central'], auth: 'user', allow: ['admin', 'otherAdmin'], call: () => ({ path: '/api/relay/status' }),
    secret: (w) => ({ values: [w.pupil.lastName], seenBy: [] }),
  },

  // Sync: a user's own documents, a relay's school's.
  { route: 'GET /api/sync/stream', auth: 'principal', allow: PRINCIPALS, call: () => ({ path: '/api/sync/stream' }) },
  {
    route: 'GET /api/sync/receipts', auth: 'principal', allow: PRINCIPALS, call: () => ({ path: '/api/sync/receipts' }),
    // on a relay, Léa's documents wait for central: her receipts (and her relay's) name them
    secret: (w) => ({ values: w.mode === 'relay' ? [w.leaDocs.answers.id] : [], seenBy: ['pupil', 'relay'] }),
  },
  {
    route: 'GET /api/sync/:collection/pull', auth: 'principal', allow: PRINCIPALS, check: ownDocumentsOnly,
    call: () => SYNC_COLLECTIONS.map(pullOf),
    secret: (w) => ({ values: SYNC_COLLECTIONS.map((c) => w.leaDocs[c].id), seenBy: ['pupil', 'relay'] }),
  },
  {
    route: 'POST /api/sync/:collection/push', auth: 'principal', allow: PRINCIPALS, check: onlyOwnersWrite,
    call: (w) => SYNC_COLLECTIONS.map((c) => ({ path: `/api/sync/${c}/push`, body: { rows: [{ newDocumentState: w.leaDocs[c] }] } })),
  },
];

/** `GET /api/me`: how a route is named in rules and messages. */
export const routeKey = (method: string, path: string) => `${method} ${path}`;

export function rulesFor(mode: NodeMode): RouteRule[] {
  return ROUTE_RULES.filter((rule) => !rule.modes || rule.modes.includes(mode));
}
