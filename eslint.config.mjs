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
  {
    // The client is thin (issue 14): besides npm packages, it imports only its own files (client/src) and the
    // typed protocol it shares with the server (server/src/protocol), statically or with import(), types included.
    files: ['client/src/**/*.ts'],
    plugins: {
      'client-boundary': {
        rules: {
          'only-protocol': {
            meta: { type: 'problem', schema: [], docs: { description: 'The client imports only client/src and server/src/protocol.' } },
            create(context) {
              const filename = context.filename.replaceAll('\\', '/');
              const root = filename.slice(0, filename.lastIndexOf('/client/src/'));
              const allowed = [`${root}/client/src/`, `${root}/server/src/protocol/`];
              const resolve = (specifier) => {
                const segments = filename.split('/').slice(0, -1);
                for (const segment of specifier.split('/')) {
                  if (segment === '..') segments.pop();
                  else if (segment !== '.' && segment !== '') segments.push(segment);
                }
                return `${segments.join('/')}/`;
              };
              const check = (node, source) => {
                const specifier = source?.type === 'Literal' ? source.value : source?.type === 'TemplateLiteral' && source.expressions.length === 0 ? source.quasis[0].value.cooked : undefined;
                if (typeof specifier !== 'string') {
                  context.report({ node, message: 'The client imports only what it names literally, so the boundary can be checked: write the path out.' });
                } else if (specifier.startsWith('/') || (specifier.startsWith('.') && !allowed.some((prefix) => resolve(specifier).startsWith(prefix)))) {
                  context.report({ node, message: `The client imports only client/src and the shared protocol (server/src/protocol), not ${specifier}: add what it needs to server/src/protocol as a typed request.` });
                }
              };
              return {
                ImportDeclaration: (node) => check(node, node.source),
                ExportNamedDeclaration: (node) => node.source && check(node, node.source),
                ExportAllDeclaration: (node) => check(node, node.source),
                ImportExpression: (node) => check(node, node.source),
                TSImportEqualsDeclaration: (node) => node.moduleReference.type === 'TSExternalModuleReference' && check(node, node.moduleReference.expression),
                'CallExpression[callee.name="require"]': (node) => check(node, node.arguments[0]),
              };
            },
          },
        },
      },
    },
    rules: { 'client-boundary/only-protocol': 'error' },
  },
);
