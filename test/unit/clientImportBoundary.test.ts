// The client imports only itself and the shared protocol (issue 14), and the
// lint rule in eslint.config.mjs says so: these snippets, linted as if they
// were client files, pass or fail as the boundary says.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { REPO_ROOT } from '../helpers/tempWorkspace';

const RULE = 'policy-annotator/layers';
const eslint = new ESLint({ cwd: REPO_ROOT });

/** The boundary's complaints about `code` as the client file `file` (other rules' findings are not this test's business). */
async function boundaryProblems(code: string, file = 'client/src/exports/snippet.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
  return result!.messages.filter((message) => message.ruleId === RULE || message.fatal).map((message) => message.message);
}

describe('the client import boundary (lint)', () => {
  it('lets the client import its own files, the shared protocol and npm packages', async () => {
    const code = [
      "import * as vscode from 'vscode';",
      "import { LanguageClient } from 'vscode-languageclient/node';",
      "import { ExportRequest } from '../../../server/src/protocol';",
      "import type { NetworkResult } from '../../../server/src/protocol/network';",
      "import { chooseWorkspaceFolder } from '../workspaceFolders';",
      "export * from './formats';",
      "export async function load() { return [vscode, LanguageClient, ExportRequest, chooseWorkspaceFolder, await import('../protocol')] as const; }",
      'export type Result = NetworkResult;',
    ].join('\n');
    assert.deepEqual(await boundaryProblems(code), []);
  });

  for (const [what, code] of [
    ['the node export writer', "import { writeExportFiles } from '../../../server/src/node/exportWriter';\nexport const w = writeExportFiles;"],
    ['a core type', "import type { WorkspaceIndex } from '../../../server/src/core';\nexport type W = WorkspaceIndex;"],
    ['the LSP adapter, with import()', "export async function f() { return import('../../../server/src/lsp/guard'); }"],
    ['the CLI, re-exported', "export * from '../../../server/src/cli/runCli';"],
    ['a folder beside server/src/protocol whose name starts the same', "export { x } from '../../../server/src/protocolHelpers';"],
    ['a file of the client folder outside client/src', "import '../../scripts/package-vsix.mjs';"],
    ['a path it does not name literally', "export async function f(name: string) { return import(`../../../server/src/${name}`); }"],
  ]) {
    it(`fails on ${what}`, async () => {
      const problems = await boundaryProblems(code!);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0]!, /The client imports only/);
    });
  }

  it('holds for the client as it is', async () => {
    const results = await eslint.lintFiles([path.join(REPO_ROOT, 'client', 'src')]);
    const problems = results.flatMap((result) => result.messages.filter((message) => message.ruleId === RULE).map((message) => `${result.filePath}: ${message.message}`));
    assert.ok(results.length > 10, 'the client files were linted');
    assert.deepEqual(problems, []);
  });
});
