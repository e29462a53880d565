/**
 * The node the browser tests run against: built PWA, a temporary data folder (removed at exit), the demo
 * school, on the port Playwright gives. Extra arguments (e.g. --upstream) are passed to the node.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseNodeArgs } from '../server/src/cli-options';
import { startNode } from '../server/src/node';
import { ensurePwaBuilt } from './lib/pwa-build';

const root = resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'pix-e2e-'));
const options = { ...parseNodeArgs(process.argv.slice(2), process.env, root), dataDir, host: '127.0.0.1', quiet: true };
await ensurePwaBuilt(root, console.log);
const node = await startNode(options);
console.log(`e2e node on ${node.url} (data ${dataDir})`);
const stop = () => {
  void node.close().finally(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
