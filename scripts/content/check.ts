/**
 * `npm run content:check [-- --json] [--dir content] [--public public] [--no-coverage]`
 * Validates the content sources, prints every error (file: YAML path: message), a summary table, and
 * with --json the figures as the LAST line. Exit code 1 when any error.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHALLENGE_TYPES } from '../../shared/src/content/pack-stats';
import { checkContent, type CheckResult } from './check-content';
import { formatError } from './content-error';

function table(result: CheckResult): string {
  const header = ['compét.', 'thém.', 'sujets', 'acquis', 'épreuves', 'niveaux', ...CHALLENGE_TYPES];
  const rows = result.competences.map((c) => [
    c.index, c.thematics, c.tubes, c.skills, c.challenges, c.levels.join('') || '-', ...CHALLENGE_TYPES.map((t) => c.byType[t]),
  ].map(String));
  const s = result.stats;
  rows.push(['total', String(result.pack.thematics.length), String(s.tubes), String(s.skills), String(s.challenges), '',
    ...CHALLENGE_TYPES.map((t) => `${s.byType[t]} (${s.challenges ? Math.round((100 * s.byType[t]) / s.challenges) : 0} %)`)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  const levels = Object.entries(s.byLevel).map(([level, n]) => `niv. ${level} : ${n}`).join(', ');
  return [
    line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '',
    `épreuves par niveau : ${levels || '-'}`,
    `chronométrées : ${s.timed} · focus : ${s.focused} · avec pièce jointe : ${s.withAttachment} · avec simulateur : ${s.withSimulator} (${s.simulators} simulateurs)`,
    `tutoriels : ${s.tutorials} · profils cibles : ${s.targetProfiles}`,
  ].join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      dir: { type: 'string', default: 'content' },
      public: { type: 'string', default: 'public' },
      'no-coverage': { type: 'boolean', default: false },
    },
  });
  const started = performance.now();
  const result = checkContent({
    contentDir: path.resolve(values.dir),
    publicDir: path.resolve(values.public),
    coverage: !values['no-coverage'],
  });
  const lines: string[] = [];
  for (const error of result.errors) lines.push(formatError(error));
  if (result.errors.length > 0) lines.push('');
  lines.push(table(result), '');
  const files = new Set(result.errors.map((e) => e.file)).size;
  lines.push(result.errors.length === 0
    ? `Contenu valide (${Math.round(performance.now() - started)} ms).`
    : `${result.errors.length} erreur(s) dans ${files} fichier(s) (${Math.round(performance.now() - started)} ms).`);
  if (values.json) lines.push(JSON.stringify(result.stats));
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = result.errors.length > 0 ? 1 : 0;
}

main();
