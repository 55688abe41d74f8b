import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { REPO_ROOT } from '../helpers/tempWorkspace';

// Each layer's lint rule (eslint.config.mjs), proved able to fail: a snippet
// linted as if it were a file in the layer, and the errors it gets.
const eslint = new ESLint({ cwd: REPO_ROOT, overrideConfigFile: path.join(REPO_ROOT, 'eslint.config.mjs') });

async function layerErrors(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
  return result.messages.filter((m) => m.ruleId === 'policy-annotator/layers').map((m) => m.message);
}

interface LayerCase {
  layer: string;
  /** A file in the layer, as which the snippets are linted. */
  file: string;
  rejects: Array<[snippet: string, message: RegExp]>;
  accepts: string[];
}

const CASES: LayerCase[] = [
  {
    layer: 'core',
    file: 'server/src/core/example.ts',
    rejects: [
      ["import { readFileSync } from 'node:fs';", /`node:fs` in server\/src\/core: the core is pure/],
      ["import * as fs from 'fs';", /`fs` in server\/src\/core/],
      ["import { workspace } from 'vscode';", /`vscode` in server\/src\/core: only the VS Code client/],
      ["import { createConnection } from 'vscode-languageserver/node';", /never imports the LSP connection/],
      ["import { runCli } from '../cli/runCli';", /server\/src\/core may import only its own folder: `\.\.\/cli\/runCli` leads into server\/src\/cli/],
      ["import type { ServerSession } from '../lsp/serverSession';", /`\.\.\/lsp\/serverSession` leads into server\/src\/lsp/],
      ["export { NodeFileHost } from '../node/nodeFileHost';", /leads into server\/src\/node/],
      ["export const fs = () => import('node:fs');", /`node:fs` in server\/src\/core/],
      ["export const git = () => import('../node/runGit.js');", /leads into server\/src\/node/],
      ["export const fs = require('fs');", /`fs` in server\/src\/core/],
      ["export type Session = typeof import('../lsp/serverSession');", /leads into server\/src\/lsp/],
      ["export const load = (name: string) => import(name);", /an import with a computed path cannot be checked/],
      ["import { version } from '../../../package.json';", /leads to package\.json, outside server\/src\/core/],
    ],
    accepts: [
      "import { parseDocument } from 'yaml';",
      "import type { Hover } from 'vscode-languageserver-types';",
      "import { URI } from 'vscode-uri';",
      "import { LineIndex } from './lineIndex';",
      "import { exportWorkspace } from './export';",
      "export const later = () => import('./lineIndex.js');",
    ],
  },
  {
    layer: 'protocol',
    file: 'server/src/protocol/example.ts',
    rejects: [
      ["import { LineIndex } from '../core/lineIndex';", /`\.\.\/core\/lineIndex` is a value import from server\/src\/core; write `import type`/],
      ["import { createConnection } from 'vscode-languageserver';", /may import only the packages `vscode-languageserver-protocol` and `vscode-jsonrpc`, not `vscode-languageserver`/],
      ["import { readFile } from 'node:fs/promises';", /not `node:fs\/promises`/],
      ["import type { ServerSession } from '../lsp/serverSession';", /leads into server\/src\/lsp/],
      ["import { writeExportFiles } from '../node/exportWriter';", /leads into server\/src\/node/],
    ],
    accepts: [
      "import type { CoreDiagnostic } from '../core';",
      "import { type WorkspaceSummary } from '../core/summarize';",
      "export type { ExportFormat } from '../core/export';",
      "import { RequestType } from 'vscode-languageserver-protocol';",
      "import { CancellationToken } from 'vscode-jsonrpc';",
      "import { OTHER } from './other';",
    ],
  },
  {
    layer: 'lsp',
    file: 'server/src/lsp/example.ts',
    rejects: [
      ["import { NodeFileHost } from '../node/nodeFileHost';", /server\/src\/lsp may import only server\/src\/core and server\/src\/protocol besides its own folder: `\.\.\/node\/nodeFileHost` leads into server\/src\/node/],
      ["export const run = () => import('../node/runLanguageServer.js');", /leads into server\/src\/node/],
      ["import { runCli } from '../cli/runCli';", /leads into server\/src\/cli/],
      ["import { readFileSync } from 'node:fs';", /`node:fs` in server\/src\/lsp: the file system, processes and other Node I\/O belong in server\/src\/node/],
      ["import { Worker } from 'node:worker_threads';", /`node:worker_threads` in server\/src\/lsp/],
      ["import { createConnection } from 'vscode-languageserver/node';", /the connection and its transport are made in server\/src\/node/],
      ["import { window } from 'vscode';", /only the VS Code client/],
    ],
    accepts: [
      "import { loadWorkspace } from '../core';",
      "import { hover } from '../core/features/hover';",
      "import type { Example } from '../protocol/example';",
      "import { TextDocuments } from 'vscode-languageserver';",
      "import { TextDocument } from 'vscode-languageserver-textdocument';",
      "import * as path from 'node:path';",
      "import { toRange } from './convert';",
    ],
  },
  {
    layer: 'cli',
    file: 'server/src/cli/example.ts',
    rejects: [
      // The layer break issue 14 removed: runCli loaded the language server from node/ itself.
      ["export const lsp = async () => (await import('../node/runLanguageServer.js')).runLanguageServer();", /server\/src\/cli may import only server\/src\/core besides its own folder: `\.\.\/node\/runLanguageServer\.js` leads into server\/src\/node/],
      ["import { decodeText } from '../node/nodeFileHost';", /leads into server\/src\/node/],
      ["import type { ServerSession } from '../lsp/serverSession';", /leads into server\/src\/lsp/],
      ["import type { Example } from '../protocol/example';", /leads into server\/src\/protocol/],
      ["import { spawn } from 'node:child_process';", /`node:child_process` in server\/src\/cli/],
      ["import { createConnection } from 'vscode-languageserver';", /only through CliContext\.loadLanguageServer/],
    ],
    accepts: [
      "import { loadWorkspace } from '../core';",
      "import { ExportRefused } from '../core/export/exportWriting';",
      "import { parseArgs } from 'node:util';",
      "import * as path from 'node:path';",
      "import { URI } from 'vscode-uri';",
      "import { UsageError } from './cliContext';",
    ],
  },
  {
    layer: 'node',
    file: 'server/src/node/example.ts',
    rejects: [],
    accepts: [
      "import { runCli } from '../cli/runCli';",
      "import { startLanguageServer } from '../lsp/startLanguageServer';",
      "import { readFileSync } from 'node:fs';",
      "import { createConnection } from 'vscode-languageserver/node';",
      "export const run = () => import('./runLanguageServer.js');",
    ],
  },
];

for (const { layer, file, rejects, accepts } of CASES) {
  describe(`the ${layer} layer's lint rule`, () => {
    for (const [snippet, message] of rejects) {
      it(`rejects \`${snippet}\``, async () => {
        const errors = await layerErrors(`${snippet}\n`, file);
        assert.equal(errors.length, 1, `expected one error, got ${JSON.stringify(errors)}`);
        assert.match(errors[0], message);
      });
    }
    it('accepts what the layer may import', async () => {
      assert.deepEqual(await layerErrors(`${accepts.join('\n')}\n`, file), []);
    });
  });
}

describe('the layers today', () => {
  it('no file in server/src breaks its layer rule', async () => {
    const results = await eslint.lintFiles([path.join(REPO_ROOT, 'server/src')]);
    const violations = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'policy-annotator/layers').map((m) => `${path.relative(REPO_ROOT, r.filePath)}:${m.line} ${m.message}`));
    assert.deepEqual(violations, []);
  });
});
