/** An in-memory node for route tests: migrated database, demo data, controllable clock, captured logs. */
import { createApp } from '../app';
import { firstOrganizationId } from '../auth/user-repository';
import { openDatabase, setSetting } from '../db/database';
import { RELAY_ORGANIZATION_KEY } from '../relay/downstream';
import type { PackIndex } from '../../../shared/src/model/pack-index';
import type { PackDownload } from '../content/content-pack';
import { seedDemo } from '../demo/seed-demo';
import { createRelayState } from '../relay/relay-state';
import { SyncEvents } from '../sync/sync-events';

export async function testNode(options: { demo?: boolean; mode?: 'central' | 'relay'; content?: PackIndex; packDownload?: PackDownload } = {}) {
  const db = openDatabase(':memory:');
  let nowMs = Date.parse('2026-11-23T10:00:00.000Z');
  const logs: string[] = [];
  const demo = options.demo === false ? null : await seedDemo(db, new Date(nowMs));
  const syncEvents = new SyncEvents();
  const relay = options.mode === 'relay' ? createRelayState() : undefined;
  // A relay's accounts come from its school's snapshot, which names the school: the demo school here.
  const school = demo && options.mode === 'relay' ? firstOrganizationId(db) : undefined;
  if (school) setSetting(db, RELAY_ORGANIZATION_KEY, school);
  const app = createApp({
    db,
    content: options.content,
    packDownload: options.packDownload,
    syncEvents,
    relay,
    config: { mode: options.mode ?? 'central', upstream: options.mode === 'relay' ? 'http://central.example' : null, version: 'test' },
    now: () => new Date(nowMs),
    log: (line) => logs.push(line),
  });
  const json = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return {
    app,
    db,
    syncEvents,
    relay,
    demo,
    logs,
    json,
    /** the node's clock */
    now: () => new Date(nowMs),
    advance: (ms: number) => {
      nowMs += ms;
    },
    /** logs in and returns the Cookie header to send */
    login: async (login: string, password = 'Pix12345') => {
      const response = await json('/api/auth/login', { login, password });
      if (response.status !== 200) throw new Error(`login ${login} → ${response.status}`);
      const cookie = response.headers.get('set-cookie') ?? '';
      return { cookie: cookie.split(';')[0] };
    },
  };
}
