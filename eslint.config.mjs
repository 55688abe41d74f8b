// Lint configuration. The rules that matter most: the core stays pure, each
// layer imports only what it may, and no module imports itself in a cycle.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from './scripts/lint/boundaries.mjs';

const root = dirname(fileURLToPath(import.meta.url));

/** The layers, by folder (relative to the repository root, `root`). */
const LAYERS = {
  core: 'server/src/core',
  protocol: 'server/src/protocol',
  lsp: 'server/src/lsp',
  cli: 'server/src/cli',
  node: 'server/src/node',
  client: 'client/src',
};

const NO_EDITOR = [
  { names: ['vscode'], message: 'only the VS Code client (client/src) imports vscode.' },
  { names: ['vscode-languageclient'], subpaths: true, message: 'only the VS Code client (client/src) imports the language client.' },
];
/** Node built-ins without I/O, which any adapter may use; the rest (fs, child_process, worker_threads, os, net…) live in server/src/node. */
const PURE_NODE_BUILTINS = ['path', 'path/posix', 'path/win32', 'util', 'url'];
const NO_IO = { nodeBuiltinsExcept: PURE_NODE_BUILTINS, message: 'the file system, processes and other Node I/O belong in server/src/node, which passes them in (see CliContext and ServerOptions).' };

/** What each layer may import besides its own folder (packages too, unless listed). The node layer may import anything. */
const LAYER_RULES = {
  core: {
    packages: {
      forbidden: [
        { nodeBuiltinsExcept: [], message: 'the core is pure: file system and other Node APIs belong in server/src/node (inject them through WorkspaceFileHost).' },
        ...NO_EDITOR,
        { names: ['vscode-languageserver'], subpaths: true, message: 'the core never imports the LSP connection; only server/src/lsp does (types-only imports of vscode-languageserver-types are fine).' },
      ],
    },
    hint: 'The core is a pure library: move what it needs into core, or inject it.',
  },
  protocol: {
    typeOnly: ['core'],
    packages: { only: ['vscode-languageserver-protocol', 'vscode-jsonrpc'] },
    hint: 'The shared protocol is what both the client and the server compile against: request types and the core types they carry.',
  },
  lsp: {
    mayImport: ['core', 'protocol'],
    packages: { forbidden: [NO_IO, ...NO_EDITOR, { names: ['vscode-languageserver/node'], message: 'the connection and its transport are made in server/src/node (runLanguageServer).' }] },
    hint: 'The LSP handlers are a thin adapter over the core; server/src/node passes in anything else.',
  },
  cli: {
    mayImport: ['core'],
    packages: { forbidden: [NO_IO, ...NO_EDITOR, { names: ['vscode-languageserver'], subpaths: true, message: 'the CLI runs the language server only through CliContext.loadLanguageServer, which server/src/node supplies.' }] },
    hint: 'The CLI is a thin adapter over the core; server/src/node passes in the rest through CliContext.',
  },
  client: {
    mayImport: ['protocol'],
    hint: 'The client imports only its own files and the shared protocol: add what it needs to server/src/protocol as a typed request.',
  },
};

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
  // The layers (DESIGN.md, issue 14), every kind of import counted, dynamic import() and require() too.
  ...Object.entries(LAYER_RULES).map(([layer, rule]) => ({
    files: [`${LAYERS[layer]}/**/*.ts`],
    plugins: { 'policy-annotator': boundaries },
    rules: { 'policy-annotator/layers': ['error', { root, layers: LAYERS, layer, ...rule }] },
  })),
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    plugins: { 'policy-annotator': boundaries },
    rules: { 'policy-annotator/no-import-cycles': ['error', { root, roots: ['server/src', 'client/src'] }] },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', __dirname: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
