import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { REPO_ROOT } from '../helpers/tempWorkspace';

describe('the core stays pure', () => {
  const eslint = new ESLint({ cwd: REPO_ROOT });
  const lintAsCore = async (code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, 'server/src/core/example.ts') });
    return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
  };

  for (const forbidden of ["import { readFileSync } from 'node:fs';", "import * as fs from 'fs';", "import { workspace } from 'vscode';", "import { createConnection } from 'vscode-languageserver/node';", "import { runCli } from '../cli/runCli';"]) {
    it(`the lint rule rejects \`${forbidden}\` in server/src/core`, async () => {
      assert.ok((await lintAsCore(`${forbidden}\nexport const used = [${forbidden.match(/import (?:\* as )?\{? ?(\w+)/)![1]}];\n`)) >= 1);
    });
  }

  it('the lint rule accepts pure imports', async () => {
    assert.equal(await lintAsCore("import { parseDocument } from 'yaml';\nimport type { Hover } from 'vscode-languageserver-types';\nexport const used = [parseDocument] as unknown as Hover[];\n"), 0);
  });

  it('no file in server/src/core breaks the rule', async () => {
    const results = await eslint.lintFiles([path.join(REPO_ROOT, 'server/src/core')]);
    const violations = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}:${m.line} ${m.message}`));
    assert.deepEqual(violations, []);
  });
});
