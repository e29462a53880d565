/**
 * Starts a node without touching the PWA build (used by tests and fault scripts that spawn nodes;
 * people use `npm start`). Same options as npm start.
 */
import { resolve } from 'node:path';
import { parseNodeArgs } from './cli-options';
import { describeStart, startNode } from './node';

const root = resolve(import.meta.dirname, '..', '..');
try {
  const options = parseNodeArgs(process.argv.slice(2), process.env, root);
  const node = await startNode({ ...options, quiet: process.argv.includes('--quiet') });
  console.log(describeStart(node, options.dataDir));
  const stop = () => void node.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`Impossible de démarrer : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
