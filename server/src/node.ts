/**
 * Starts one node: opens (and migrates) its SQLite file, seeds the demo on first start, records its
 * mode (central, or relay when it has an upstream), and serves the API and the PWA.
 */
import { serve, type ServerType } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from './app';
import type { NodeConfig } from './context';
import { openDatabase, setSetting, type Db } from './db/database';
import { seedDemo, type DemoAccounts } from './demo/seed-demo';
import type { PackIndex } from '../../shared/src/model/pack-index';
import { loadContentPackFile, PACK_PATH } from './content/content-pack';
import { createRelayState } from './relay/relay-state';
import { startRelayLoops, type RelayLoops } from './relay/relay-loops';
import { SyncEvents } from './sync/sync-events';

export interface NodeOptions {
  port: number;
  host: string;
  dataDir: string;
  upstream: string | null;
  relayToken: string | null;
  demo: boolean;
  staticRoot?: string;
  quiet?: boolean;
  /** content pack to re-score against (default content/dist/pack.json) */
  packFile?: string;
  /** relay: pause between two forwarding passes when idle (default 2 s) */
  forwardIntervalMs?: number;
}

export interface RunningNode {
  url: string;
  db: Db;
  demo: DemoAccounts | null;
  config: NodeConfig;
  close: () => Promise<void>;
}

export function projectRoot(): string {
  return resolve(import.meta.dirname, '..', '..');
}

export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export async function startNode(options: NodeOptions): Promise<RunningNode> {
  const db = openDatabase(join(options.dataDir, 'pix.sqlite'));
  const config: NodeConfig = {
    mode: options.upstream ? 'relay' : 'central',
    upstream: options.upstream,
    version: readVersion(),
  };
  setSetting(db, 'mode', config.mode);
  setSetting(db, 'upstream', config.upstream ?? '');
  if (options.relayToken) setSetting(db, 'relay_token', options.relayToken);
  // A relay gets its school's accounts from central (snapshot): no demo school of its own.
  const demo = options.demo && !options.upstream ? await seedDemo(db, new Date()) : null;

  const log = options.quiet ? () => {} : (line: string) => console.log(line);
  let content: PackIndex | undefined;
  try {
    content = loadContentPackFile(options.packFile ?? join(projectRoot(), PACK_PATH));
  } catch (error) {
    // The node still serves logins and the PWA; sync answers 503 until the pack is built.
    console.error(`  ${error instanceof Error ? error.message : String(error)}`);
  }
  const syncEvents = new SyncEvents();
  const relay = options.upstream ? createRelayState() : undefined;
  const app = createApp({ db, config, now: () => new Date(), log, staticRoot: options.staticRoot, content, syncEvents, relay });
  let loops: RelayLoops | undefined;
  if (options.upstream && relay) {
    if (options.relayToken) {
      loops = startRelayLoops(
        { db, upstream: { url: options.upstream, token: options.relayToken, fetch }, state: relay, now: () => new Date(), log, events: syncEvents, content },
        { intervalMs: options.forwardIntervalMs },
      );
    } else {
      log('  Relais sans jeton (--relay-token) : rien ne sera transmis au nœud central.');
    }
  }
  const server: ServerType = await new Promise((resolveServer, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolveServer(s));
    s.once('error', reject);
  });
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${options.port}`;
  return {
    url,
    db,
    demo,
    config,
    close: () =>
      new Promise((resolveClose) => {
        const stopping = loops ? loops.stop() : Promise.resolve();
        // Open sync streams (SSE) would hold close() forever.
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => {
          void stopping.then(() => {
            db.close();
            resolveClose();
          });
        });
      }),
  };
}

export function describeStart(node: RunningNode, dataDir: string): string {
  const lines = [
    '',
    `  Pix hors-ligne ${node.config.version} — nœud ${node.config.mode === 'central' ? 'central (autonome)' : `relais vers ${node.config.upstream}`}`,
    `  ➜ Application : ${node.url}`,
    `  ➜ Données     : ${join(dataDir, 'pix.sqlite')}`,
  ];
  if (node.demo) {
    lines.push('', `  Établissement de démonstration : ${node.demo.organization}`);
    lines.push(`  Comptes de démonstration (mot de passe : ${node.demo.password}) :`);
    for (const a of node.demo.accounts) lines.push(`    ${a.login.padEnd(18)} ${a.name} — ${a.role}`);
    lines.push('  Parcours ouverts (code à saisir dans « J\'ai un code ») :');
    for (const c of node.demo.campaigns) lines.push(`    ${c.code}  ${c.name}`);
    lines.push('  Élèves (connexion par identifiant, même mot de passe) :');
    for (const p of node.demo.pupils) lines.push(`    ${p.division.padEnd(5)} ${p.username.padEnd(26)} ${p.name}`);
  }
  lines.push('');
  return lines.join('\n');
}
