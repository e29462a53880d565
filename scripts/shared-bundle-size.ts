/**
 * Measures what the browser pays for the shared domain code: bundles an entry that imports the
 * browser-side shared modules (engines, matching, scoring, campaign, schemas — zod included) with
 * vite's `build` API in library mode (minified, ES format, temp dir), gzips the result with node:zlib
 * and prints `shared bundle: N KB min, M KB gzip`. With `--json`, the last line is
 * `{"minKB":…,"gzipKB":…}`. Exit code 1 above the budget (40 KB gzip).
 *
 *   npx tsx scripts/shared-bundle-size.ts [--json]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const GZIP_BUDGET_KB = 40;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function round(kb: number): number {
  return Math.round(kb * 10) / 10;
}

export async function measureSharedBundle(): Promise<{ minKB: number; gzipKB: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shared-bundle-'));
  try {
    const entry = path.join(dir, 'entry.ts');
    // `export *` keeps every public export alive, as an app importing all of them would
    fs.writeFileSync(entry, `export * from ${JSON.stringify(path.join(root, 'shared/src/index.ts'))};\n`);
    const outDir = path.join(dir, 'dist');
    await build({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      build: {
        outDir,
        emptyOutDir: true,
        minify: true,
        write: true,
        lib: { entry, formats: ['es'], fileName: () => 'shared.js' },
        // lib mode keeps whitespace in ES output (pure annotations); an app bundle would not
        rolldownOptions: { output: { minify: true } },
      },
    });
    const code = fs.readFileSync(path.join(outDir, 'shared.js'));
    return { minKB: round(code.length / 1024), gzipKB: round(gzipSync(code, { level: 9 }).length / 1024) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { minKB, gzipKB } = await measureSharedBundle();
  console.log(`shared bundle: ${minKB} KB min, ${gzipKB} KB gzip (budget ${GZIP_BUDGET_KB} KB gzip)`);
  if (process.argv.includes('--json')) console.log(JSON.stringify({ minKB, gzipKB }));
  if (gzipKB > GZIP_BUDGET_KB) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
