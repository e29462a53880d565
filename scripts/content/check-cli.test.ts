/**
 * The `content:check` and `content:build` command lines on the fixture: exit codes, readable
 * error lines, the JSON figures as the last line, the written pack.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(import.meta.dirname, 'fixtures');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pix-content-cli-'));
fs.cpSync(FIXTURE, dir, { recursive: true });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[]) {
  const result = spawnSync(TSX, [path.join(import.meta.dirname, script), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const dirs = ['--dir', path.join(dir, 'content'), '--public', path.join(dir, 'public')];

describe('content:check command line', () => {
  it('passes on the fixture without coverage and prints the figures as the last line', () => {
    const { status, stdout } = run('check.ts', [...dirs, '--no-coverage', '--json']);
    expect(status).toBe(0);
    const last = stdout.trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(last)).toMatchObject({ competences: 1, tubes: 2, skills: 3, challenges: 6, targetProfiles: 1 });
    expect(stdout).toContain('Contenu valide');
  });

  it('fails with coverage rules on the fixture', () => {
    const { status, stdout } = run('check.ts', dirs);
    expect(status).toBe(1);
    expect(stdout).toContain('couverture : compétence 1.1 : 2 sujets, au moins 4 attendus');
  });

  it('prints each error as file: path: message and exits with 1', () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'pix-content-cli-broken-'));
    try {
      fs.cpSync(FIXTURE, broken, { recursive: true });
      fs.rmSync(path.join(broken, 'public/content/files/1.1/tableau.csv'));
      const { status, stdout } = run('check.ts', ['--dir', path.join(broken, 'content'), '--public', path.join(broken, 'public'), '--no-coverage']);
      expect(status).toBe(1);
      expect(stdout).toContain(
        `${path.join(broken, 'content/competences/1.1-fixture.yaml')}: thematics[0].tubes[0].skills[1].challenges[1].attachments[0]: pièce jointe introuvable`,
      );
      expect(stdout).toContain('1 erreur(s) dans 1 fichier(s)');
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
    }
  });
});

describe('content:build command line', () => {
  it('writes the pack to content/dist/pack.json', () => {
    const { status, stdout } = run('build.ts', dirs);
    expect(status).toBe(0);
    expect(stdout).toMatch(/version [0-9a-f]{16}, 2 sujets, 3 acquis, 6 épreuves, 1 profils cibles/);
    const pack = JSON.parse(fs.readFileSync(path.join(dir, 'content/dist/pack.json'), 'utf8')) as { challenges: unknown[]; competences: unknown[] };
    expect(pack.challenges).toHaveLength(6);
    expect(pack.competences).toHaveLength(16);
  });
});
