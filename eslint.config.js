// Lint, including the layering rule of DESIGN.md at error level: shared/ imports neither Node,
// the DOM, React, Electron nor lowdb; renderer/ never imports electron/; electron/ never imports
// renderer/; inside electron/, only shell/ may import Electron, and nothing else imports shell/.
// tests/lint/layering.test.ts proves a forbidden import fails.
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'url', 'util', 'stream', 'events', 'worker_threads', 'buffer', 'process'];

/** JSX attributes whose value a user reads or hears (i18next/no-literal-string checks only these). */
const userTextAttributes = [
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-placeholder',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'summary',
  'caption',
  '[a-z]+(Label|Title|Text|Message|Placeholder|Hint)',
];
/** Literals that are not words in any language: digits, punctuation, symbols, arrows, dashes, ellipses. */
const notWords = ['[\\s0-9!-/:-@[-`{-~\\u00a0-\\u00bf\\u00d7\\u00f7\\u2000-\\u2bff]+'];

const electronMessage = 'electron/ never imports renderer/ or React (DESIGN.md, Layers).';
const nodePartMessage =
  'Outside electron/shell/, electron/ needs Node only: no Electron (not even types, not electron/*) and nothing from electron/shell/ (DESIGN.md, Layers).';
const noReact = ['react', 'react-dom', 'react-i18next'];
const noRendererPatterns = ['**/renderer/**', 'react/*', 'react-dom/*'];

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
  { ignores: ['dist/**', 'vendor/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
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
    // Every text a user sees comes from shared/i18n (vi.ts and en.ts): a literal as JSX text, in a
    // JSX expression ({cond ? 'Lưu' : 'Save'}) or in an attribute that is read or shown (labels,
    // titles, placeholders, alt) fails. Attributes that are not user text (className, type, role,
    // data-testid, key, aria-live…) are not checked. A justified exception takes a one-line
    // `// eslint-disable-next-line i18next/no-literal-string -- <reason>`.
    // tests/lint/translations.test.ts proves a planted literal fails.
    files: ['renderer/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: userTextAttributes },
          words: { exclude: notWords },
          message: 'Text shown to users comes from shared/i18n (t(…)), in Vietnamese and English',
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // The Electron part: the window, the app:// protocol, the menu, the preload.
    files: ['electron/shell/**/*.ts'],
    rules: layer(electronMessage, noReact, noRendererPatterns),
  },
  {
    // The Node part: everything else in electron/ runs under plain Node (the web host, the export
    // CLI, the tests), so it imports neither Electron (not even its types) nor electron/shell/.
    // tests/lint/nodePart.test.ts checks the real import graph, dynamic imports included.
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...noReact.map((name) => ({ name, message: electronMessage })),
            { name: 'electron', message: nodePartMessage },
          ],
          patterns: [
            { group: noRendererPatterns, message: electronMessage },
            { group: ['electron/*', '**/shell', '**/shell/**'], message: nodePartMessage },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
