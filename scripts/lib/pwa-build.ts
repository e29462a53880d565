/**
 * Building the PWA (vite) when the build is missing or older than its sources, and measuring the
 * JavaScript a browser loads first (entry scripts and their module preloads), gzipped.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildPack } from '../content/build-pack';
import { formatError } from '../content/content-error';

/** Where the runtime content pack is written (served as /content/pack.json by the node, to logged-in users). */
export const PACK_FILE = join('content', 'dist', 'pack.json');

/**
 * Compiles content/ into the runtime pack; rewrites the file only when it changed, so that an unchanged
 * pack does not make the PWA build stale. Content errors are reported (content:check is the gate).
 */
export function ensureContentBuilt(root: string, log: (line: string) => void): void {
  const { pack, errors } = buildPack(join(root, 'content'), join(root, 'public'));
  const file = join(root, PACK_FILE);
  const json = JSON.stringify(pack);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== json) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, json);
  }
  if (errors.length > 0) {
    log(`  Contenu : ${errors.length} erreur(s) (npm run content:check pour le détail), par exemple :`);
    for (const error of errors.slice(0, 3)) log(`    ${formatError(error)}`);
  }
}

const SOURCES = ['client', 'shared/src', 'public', 'content', 'vite.config.ts', 'scripts/lib/pack-precache.ts', 'scripts/lib/simulator-stamp.ts', 'package-lock.json'];
const STAMP = '.build-stamp';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function isBuildStale(root: string): boolean {
  const stamp = join(root, 'dist', STAMP);
  if (!existsSync(stamp) || !existsSync(join(root, 'dist', 'index.html'))) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(root, source)) > built);
}

export async function buildPwa(root: string, options: { quiet?: boolean } = {}): Promise<void> {
  const { build } = await import('vite');
  // Always a production build, even from a test runner that set NODE_ENV=test (vitest): vite, React and
  // Workbox would otherwise write a development build into dist/, which the node then serves.
  const nodeEnv = process.env.NODE_ENV;
  // Stamped with the time the build STARTED: a source edited during the build makes the next check rebuild.
  const startedAt = new Date();
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: options.quiet ? 'warn' : 'info' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const stamp = join(root, 'dist', STAMP);
  writeFileSync(stamp, startedAt.toISOString());
  utimesSync(stamp, startedAt, startedAt);
}

export async function ensurePwaBuilt(root: string, log: (line: string) => void): Promise<void> {
  ensureContentBuilt(root, log);
  if (!isBuildStale(root)) return;
  log('  Construction de l’application (PWA)…');
  await buildPwa(root, { quiet: true });
}

export interface InitialJs {
  files: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
}

/** The JS of the first page load: <script type=module> and <link rel=modulepreload> of dist/index.html. */
export function measureInitialJs(distDir: string): InitialJs {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const match of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) refs.add(match[1]);
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) refs.add(match[1]);
  const files = [...refs].map((ref) => {
    const content = readFileSync(join(distDir, ref.replace(/^\//, '')));
    return { file: ref, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
  });
  return {
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0),
  };
}
