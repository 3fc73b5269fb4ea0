// Lint rules, including the process boundaries of docs/architecture.md as errors:
// shared/ imports no Node, DOM or electron; electron/core/ (and the CLI and preview host) never
// import electron; renderer/ imports only shared/; nothing outside renderer/ imports it.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const restricted = (message, ...groups) => ({ group: groups, message });
const noNode = restricted('This layer may not use Node.js (see docs/architecture.md).', 'node:*');
// A regex, not a gitignore-style group: the group "electron/*" also matched relative paths such
// as "../electron/core/…", which the CLI and the preview host are meant to import.
const noElectron = {
  regex: '^electron(/.*)?$',
  message: 'Only electron/shell, electron/main.ts and the preload import electron.',
};
const noRenderer = restricted('Nothing outside renderer/ imports the renderer.', '**/renderer/**');
const noElectronDir = restricted('This layer may not import from electron/.', '**/electron/**');
const noCli = restricted(
  'This layer may not import the CLI or the preview host.',
  '**/cli/**',
  '**/preview/**',
);

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-cli/',
      'dist-cli-pack/',
      'out/',
      'release/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.shared.json',
          './tsconfig.node.json',
          './tsconfig.web.json',
          './tsconfig.tests.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'shared/ is pure TypeScript: no Node.js.',
          })),
          patterns: [
            noNode,
            noElectron,
            noRenderer,
            noElectronDir,
            noCli,
            restricted('shared/ has no UI code.', 'react', 'react-dom', 'react/*', 'react-dom/*'),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'fetch',
          'process',
          'Buffer',
          'require',
          '__dirname',
          'global',
          'globalThis',
        ].map((name) => ({
          name,
          message: 'shared/ runs in every process: no DOM or Node globals.',
        })),
      ],
    },
  },
  {
    files: ['electron/core/**', 'cli/**', 'preview/**', 'bench/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer] }],
    },
  },
  {
    files: ['electron/**'],
    ignores: ['electron/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noRenderer, noCli] }],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.name='ipcMain'][property.name=/^(handle|handleOnce|on|once)$/]",
          message: 'Register IPC handlers only through handle() in electron/ipc/handle.ts.',
        },
      ],
    },
  },
  {
    files: ['electron/ipc/handle.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'The renderer is sandboxed: no Node.js.',
          })),
          patterns: [noNode, noElectron, noElectronDir, noCli],
        },
      ],
    },
  },
  {
    files: ['tests/**', '*.config.ts', 'bench/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // it('…', () => expect(x).toBe(y)) is the idiom of a one-line test.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
);
