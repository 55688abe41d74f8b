// Lint configuration. The rule that matters most: the core stays pure.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'bench/corpus/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // server/src/core is a pure library: no editor, no LSP connection, no file system, no Node built-ins.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...nodeBuiltins.map((name) => ({ name, message: 'The core is pure: file system and other Node APIs belong in server/src/node (inject them through WorkspaceFileHost).' })),
          { name: 'vscode', message: 'The core never imports vscode; the client is a thin adapter.' },
          { name: 'vscode-languageserver', message: 'The core never imports the LSP connection; only server/src/lsp does.' },
          { name: 'vscode-languageserver/node', message: 'The core never imports the LSP connection; only server/src/lsp does.' },
          { name: 'vscode-languageclient', message: 'The core never imports the language client.' },
          { name: 'vscode-languageclient/node', message: 'The core never imports the language client.' },
        ],
        patterns: [
          { group: ['vscode-languageserver/*', 'vscode-languageclient/*'], message: 'The core never imports LSP runtime modules (types-only imports of vscode-languageserver-types are fine).' },
          { group: ['**/lsp/*', '**/cli/*', '**/node/*'], message: 'The core never reaches into its adapters.' },
        ],
      }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', __dirname: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
