/**
 * `npm run content:build [-- --dir content] [--public public] [--out content/dist/pack.json]`
 * Compiles the content sources into the runtime pack. Errors are printed (file: YAML path: message)
 * and make the exit code 1, but the pack of everything valid is still written so that the app can run
 * while content is being written; `npm run content:check` is the gate.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildPack } from './build-pack';
import { displayPath, formatError } from './content-error';

function main(): void {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'content' },
      public: { type: 'string', default: 'public' },
      out: { type: 'string' },
    },
  });
  const started = performance.now();
  const contentDir = path.resolve(values.dir);
  const { pack, errors } = buildPack(contentDir, path.resolve(values.public));
  const out = path.resolve(values.out ?? path.join(contentDir, 'dist', 'pack.json'));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(pack));
  for (const error of errors) process.stderr.write(`${formatError(error)}\n`);
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    `${displayPath(out)} : version ${pack.version}, ${pack.tubes.length} sujets, ${pack.skills.length} acquis, ` +
      `${pack.challenges.length} épreuves, ${pack.targetProfiles.length} profils cibles (${ms} ms)` +
      `${errors.length ? ` — ${errors.length} erreur(s)` : ''}\n`,
  );
  process.exitCode = errors.length > 0 ? 1 : 0;
}

main();
