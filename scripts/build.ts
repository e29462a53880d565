/** `npm run build`: builds the PWA into dist/ and prints the gzip size of the initial JavaScript. */
import { resolve } from 'node:path';
import { buildPwa, ensureContentBuilt, measureInitialJs } from './lib/pwa-build';

const root = resolve(import.meta.dirname, '..');
ensureContentBuilt(root, console.log);
await buildPwa(root);
const initial = measureInitialJs(resolve(root, 'dist'));
for (const f of initial.files) console.log(`  ${f.file}  ${(f.bytes / 1024).toFixed(1)} KB  (gzip ${(f.gzip / 1024).toFixed(1)} KB)`);
console.log(`JS initial : ${(initial.bytes / 1024).toFixed(1)} KB, gzip ${(initial.gzip / 1024).toFixed(1)} KB`);
