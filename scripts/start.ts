/**
 * `npm start`: builds the PWA if it is missing or stale, then starts one node (central by default,
 * a relay with --upstream URL) with its SQLite file under data/ and the demo school.
 */
import { resolve } from 'node:path';
import { parseNodeArgs } from '../server/src/cli-options';
import { describeStart, startNode } from '../server/src/node';
import { ensurePwaBuilt } from './lib/pwa-build';

const root = resolve(import.meta.dirname, '..');

try {
  const options = parseNodeArgs(process.argv.slice(2), process.env, root);
  await ensurePwaBuilt(root, console.log);
  const node = await startNode(options);
  console.log(describeStart(node, options.dataDir));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('Arrêt du nœud…');
    void node.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`Impossible de démarrer : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
