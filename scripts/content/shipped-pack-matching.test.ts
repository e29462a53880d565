/**
 * Answer matching on the shipped content pack (issue 15, item 1 — « A knowing pupil is never marked
 * wrong », docs/correction-des-reponses.md):
 * - QROCM-dep: one accepted answer typed in every box is never a full success when the solution has
 *   several keys (several distinct answers are expected), and a set of distinct accepted answers is;
 * - QROC `format: nombre` whose box is followed by a unit or noun: « N unit » is accepted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchQroc, qrocSolutions } from '../../shared/src/matching/match-qroc';
import { matchQrocmDep } from '../../shared/src/matching/match-qrocm';
import { asVariants, parseYamlMap } from '../../shared/src/matching/yaml-map';
import { loadPack } from '../../shared/src/model/load-pack';
import type { Challenge } from '../../shared/src/model/types';
import { buildPack } from './build-pack';
import { PACK_FILE } from '../lib/pwa-build';

const ROOT = resolve(import.meta.dirname, '../..');

function shippedChallenges(): Challenge[] {
  const file = join(ROOT, PACK_FILE);
  const raw: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : JSON.parse(JSON.stringify(buildPack(join(ROOT, 'content'), join(ROOT, 'public')).pack));
  const loaded = loadPack(raw);
  if (!loaded.ok) throw new Error(`paquet de contenu invalide : ${loaded.errors.slice(0, 3).map((e) => `${e.path} ${e.message}`).join(' ; ')}`);
  return loaded.index.pack.challenges;
}

const challenges = shippedChallenges();
const boxes = (proposals: string): string[] => [...proposals.matchAll(/\$\{([^}#]*)(?:#[^}]*)?\}/g)].map((m) => (m[1] ?? '').trim());
const yaml = (entries: [string, string][]): string => entries.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n');

function solutionKeys(challenge: Challenge): [string, string[]][] {
  const parsed = parseYamlMap(challenge.solution.value);
  return parsed.ok ? parsed.entries.map(([k, v]) => [k, asVariants(v)]) : [];
}

describe('QROCM-dep of the shipped pack: a duplicate answer never counts twice', () => {
  const dep = challenges.filter((c) => c.type === 'QROCM-dep');
  it('the pack has QROCM-dep challenges', () => {
    expect(dep.length).toBeGreaterThan(0);
  });
  it.each(dep.map((c) => [c.id, c] as const))('%s: one answer in every box is not a full success', (_id, challenge) => {
    const keys = solutionKeys(challenge);
    const names = boxes(challenge.proposals);
    if (keys.length < 2 || names.length < 2) return;
    const failures = keys
      .flatMap(([, variants]) => variants)
      .filter((variant) => matchQrocmDep(challenge.solution, yaml(names.map((n) => [n, variant])), challenge).ok);
    expect(failures).toEqual([]);
  });
  it.each(dep.map((c) => [c.id, c] as const))('%s: distinct accepted answers are a full success', (_id, challenge) => {
    const keys = solutionKeys(challenge);
    const names = boxes(challenge.proposals);
    if (keys.length === 0 || names.length !== keys.length) return;
    // one variant per key, not typed already
    const chosen: string[] = [];
    for (const [, variants] of keys) chosen.push(variants.find((v) => !chosen.includes(v)) ?? variants[0] ?? '');
    expect(matchQrocmDep(challenge.solution, yaml(names.map((n, i) => [n, chosen[i] ?? ''])), challenge).ok).toBe(true);
  });
});

describe('QROC format nombre of the shipped pack: « N unit » is read as N', () => {
  const withUnit = challenges
    .filter((c) => c.type === 'QROC' && c.format === 'nombre')
    .map((c) => ({ challenge: c, after: /\$\{[^}]*\}\s*([\p{L}€%°][^\n.,;:!?()]*)/u.exec(c.proposals)?.[1]?.trim() ?? '' }))
    .filter(({ after }) => after !== '');
  it('the pack has such fields', () => {
    expect(withUnit.length).toBeGreaterThan(0);
  });
  it.each(withUnit.map(({ challenge, after }) => [challenge.id, after, challenge] as const))('%s: « N %s »', (_id, after, challenge) => {
    const expected = qrocSolutions(challenge.solution.value)[0] ?? '';
    expect(matchQroc(challenge, `${expected} ${after}`)).toBe(true);
    expect(matchQroc(challenge, `${expected}${after.split(' ')[0] ?? ''}`)).toBe(true);
    expect(matchQroc(challenge, `${expected} pommes`)).toBe(false);
  });
});
