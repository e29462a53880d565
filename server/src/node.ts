/**
 * Starts one node: opens (and migrates) its SQLite file, seeds the demo on first start, records its
 * mode (central, or relay when it has an upstream), and serves the API and the PWA.
 */
import { serve, type ServerType } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { join, resolve } from 'node:path';
import { createApp } from './app';
import type { NodeConfig } from './context';
import { openDatabase, setSetting, type Db } from './db/database';
import { seedDemo, type DemoAccounts } from './demo/seed-demo';
import type { PackIndex } from '../../shared/src/model/pack-index';
import { loadContentPackWithDownload, PACK_PATH, type PackDownload } from './content/content-pack';
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
  /**
   * Serve HTTPS with this certificate and key (PEM files). Browsers run the service worker, hence the
   * offline PWA, only in a secure context: a relay reached by the pupils' computers at its LAN address
   * must serve HTTPS (e.g. a certificate from the académie).
   */
  tls?: { certFile: string; keyFile: string };
}

function readTls(tls: NonNullable<NodeOptions['tls']>): { cert: Buffer; key: Buffer } {
  const read = (file: string, what: string) => {
    try {
      return readFileSync(file);
    } catch {
      throw new Error(`Impossible de lire ${what} : ${file}`);
    }
  };
  return { cert: read(tls.certFile, 'le certificat HTTPS (--https-cert)'), key: read(tls.keyFile, 'la clé HTTPS (--https-key)') };
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
  // Before anything is opened: a wrong certificate path fails the start with a clear message.
  const tls = options.tls ? readTls(options.tls) : null;
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
  let packDownload: PackDownload | undefined;
  try {
    ({ index: content, download: packDownload } = loadContentPackWithDownload(options.packFile ?? join(projectRoot(), PACK_PATH)));
  } catch (error) {
    // The node still serves logins and the PWA; sync answers 503 until the pack is built.
    console.error(`  ${error instanceof Error ? error.message : String(error)}`);
  }
  const syncEvents = new SyncEvents();
  const relay = options.upstream ? createRelayState() : undefined;
  const app = createApp({ db, config, now: () => new Date(), log, staticRoot: options.staticRoot, content, packDownload, syncEvents, relay });
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
  let server: ServerType;
  try {
    server = await new Promise((resolveServer, reject) => {
      const base = { fetch: app.fetch, port: options.port, hostname: options.host };
      const s = tls
        ? serve({ ...base, createServer: createHttpsServer, serverOptions: tls }, () => resolveServer(s))
        : serve(base, () => resolveServer(s));
      s.once('error', reject);
    });
  } catch (error) {
    // e.g. a key that does not match the certificate, or the port taken: leave nothing running.
    await loops?.stop();
    db.close();
    const listening = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' || (error as NodeJS.ErrnoException).code === 'EACCES';
    throw tls && !listening ? new Error(`Certificat ou clé HTTPS invalide : ${error instanceof Error ? error.message : String(error)}`) : error;
  }
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : options.port;
  const url = `${tls ? 'https' : 'http'}://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}`;
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
