// Lint, including the layering rule of DESIGN.md at error level: shared/ imports neither Node,
// the DOM, React, Electron nor lowdb; renderer/ never imports electron/; electron/ never imports
// renderer/. tests/lint/layering.test.ts proves a forbidden import fails.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'url', 'util', 'stream', 'events', 'worker_threads', 'buffer', 'process'];

const layer = (message, paths, patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: [{ group: patterns, message }],
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'scripts/**', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['shared/**/*.ts'],
    rules: layer(
      'shared/ is pure TypeScript: no Node, DOM, React, Electron, lowdb, electron/ or renderer/ (DESIGN.md, Layers).',
      ['electron', 'react', 'react-dom', 'lowdb', 'lowdb/node', 'i18next', 'react-i18next', ...nodeBuiltins],
      ['node:*', '**/electron/**', '**/renderer/**', 'react/*', 'react-dom/*'],
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(
        'renderer/ talks to the main process only through window.newsdesk or the web host: no electron/, Electron, Node or lowdb (DESIGN.md, Layers).',
        ['electron', 'lowdb', 'lowdb/node', ...nodeBuiltins],
        ['node:*', '**/electron/**'],
      ),
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: layer(
      'electron/ never imports renderer/ or React (DESIGN.md, Layers).',
      ['react', 'react-dom', 'react-i18next'],
      ['**/renderer/**', 'react/*', 'react-dom/*'],
    ),
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
