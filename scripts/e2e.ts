/**
 * `npm run test:e2e`: builds the PWA if needed, picks a free port and runs the Playwright browser tests
 * (Debian's Chromium) against a real node started on it with a temporary data folder.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { ensurePwaBuilt } from './lib/pwa-build';

const root = resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

await ensurePwaBuilt(root, console.log);
const port = await freePort();
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, E2E_PORT: String(port) },
});
process.exit(result.status ?? 1);
