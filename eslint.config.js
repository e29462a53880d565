// Lint: typescript-eslint with type information; shared/ stays pure (no IO, no client/server imports).
import tseslint from 'typescript-eslint';

const forbiddenInShared = [
  { group: ['**/client/**', '**/server/**', '../../client/*', '../../server/*'], message: 'shared/ ne dépend ni du client ni du serveur.' },
  { group: ['rxdb', 'rxdb/*', 'dexie', 'hono', 'hono/*', '@hono/*', 'better-sqlite3', 'node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'crypto', 'react', 'react-dom', 'yaml'], message: 'shared/ est pur : aucune entrée/sortie ni bibliothèque d\'infrastructure.' },
];

// The pupil's state lives in their own local database (client/src/db/), wiped with it at logout; Web
// Storage is shared by every pupil of a school PC and never cleared (issue 12).
const webStorageMessage = 'Pas de localStorage/sessionStorage : l\'état local va dans la base de l\'utilisateur (client/src/db/local-state.ts).';
const forbiddenWebStorage = {
  'no-restricted-globals': ['error', { name: 'localStorage', message: webStorageMessage }, { name: 'sessionStorage', message: webStorageMessage }],
  'no-restricted-properties': [
    'error',
    ...['window', 'globalThis', 'self'].flatMap((object) => [
      { object, property: 'localStorage', message: webStorageMessage },
      { object, property: 'sessionStorage', message: webStorageMessage },
    ]),
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'content/dist/**', 'public/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    rules: forbiddenWebStorage,
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: forbiddenInShared }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'shared/ est pur.' }, { name: 'localStorage', message: 'shared/ est pur.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Injecter une source aléatoire avec graine.' },
        { object: 'Date', property: 'now', message: "Injecter l'horloge." },
      ],
    },
  },
);
