/**
 * `npm run test:e2e`: builds the PWA if needed, picks a free port and runs the Playwright browser tests
 * (Debian's Chromium) against a real node started on it with a temporary data folder.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ensurePwaBuilt } from './lib/pwa-build';
import { freePort } from './lib/spawn-node';

const root = resolve(import.meta.dirname, '..');

await ensurePwaBuilt(root, console.log);
const port = await freePort();
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, E2E_PORT: String(port) },
});
process.exit(result.status ?? 1);
