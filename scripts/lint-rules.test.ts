/** The lint rule that keeps shared/ pure really reports forbidden imports and impure globals. */
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
// The probes are not files of the TS project: lint them without type information (the purity rules need none).
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
});

async function messagesFor(code: string, file: string) {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return result.messages.map((m) => m.ruleId);
}

describe('shared/ purity rule', () => {
  it.each([
    ["import Database from 'better-sqlite3';\nexport const d = Database;\n", 'no-restricted-imports'],
    ["import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'no-restricted-imports'],
    ["import { createRxDatabase } from 'rxdb';\nexport const c = createRxDatabase;\n", 'no-restricted-imports'],
    ["import { Hono } from 'hono';\nexport const h = Hono;\n", 'no-restricted-imports'],
    ["import { api } from '../../client/src/api/http';\nexport const a = api;\n", 'no-restricted-imports'],
    ['export const r = Math.random();\n', 'no-restricted-properties'],
    ['export const n = Date.now();\n', 'no-restricted-properties'],
  ])('reports %j in shared/', async (code, rule) => {
    expect(await messagesFor(code, 'shared/src/model/lint-probe.ts')).toContain(rule);
  });

  it('allows zod and relative domain imports in shared/', async () => {
    const code = "import { z } from 'zod';\nimport type { Skill } from './types';\nexport const s = z.string();\nexport type S = Skill;\n";
    expect(await messagesFor(code, 'shared/src/model/lint-probe.ts')).toEqual([]);
  });

  it('does not apply to server/', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n";
    expect(await messagesFor(code, 'server/src/lint-probe.ts')).toEqual([]);
  });
});
