import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { fileUri, LspTestClient } from '../lsp/lspTestClient';
import { CLI, createTempWorkspace, REPO_ROOT } from '../helpers/tempWorkspace';

/*
 * Follows the README's "Annotate your own text" step by step, reading the
 * steps from the README itself so that the two cannot drift apart:
 *
 * - a `sh` block runs in bash (with `set -e`), in the folder the previous
 *   block ended in, with `policy-annotator` on the PATH as this checkout's CLI;
 * - a `text` block after it is the output that block must print: every line
 *   must appear as it is, except that a line ending in `…` only has to start
 *   a line of the output; the run must fail (exit 1) exactly when the output
 *   shown has an error in it;
 * - a `yaml` block is appended to the file that the sentence before it names
 *   ("append to `annotations/actors.yaml`:"), which must exist already.
 *
 * The last step (hovering in VS Code) is checked over LSP: the same server,
 * started as `policy-annotator lsp --stdio`.
 */

const SECTION = '## Annotate your own text';

interface Block {
  lang: string;
  body: string;
  /** The prose between the previous block and this one. */
  before: string;
}

function tutorialBlocks(): Block[] {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n${SECTION}\n`);
  assert.ok(start >= 0, `README.md has a section "${SECTION}"`);
  const next = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, next < 0 ? undefined : next);
  const blocks: Block[] = [];
  const fence = /^( *)```(\w+)\n([\s\S]*?)^\1```$/gm;
  let previousEnd = 0;
  for (let m = fence.exec(section); m; m = fence.exec(section)) {
    const indent = m[1];
    const body = m[3]
      .split('\n')
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
      .join('\n');
    blocks.push({ lang: m[2], body, before: section.slice(previousEnd, m.index) });
    previousEnd = m.index + m[0].length;
  }
  return blocks;
}

/** Asserts that output shows what the README says it shows. */
function assertShown(expected: string, actual: string, step: string) {
  const lines = actual.split('\n').map((line) => line.trimEnd());
  for (const line of expected.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '')) {
    if (line.endsWith(' …')) {
      const prefix = line.slice(0, -2);
      assert.ok(lines.some((l) => l.startsWith(prefix)), `${step}: the README shows a line starting\n  ${prefix}\nbut the output was\n${actual}`);
    } else {
      assert.ok(lines.includes(line), `${step}: the README shows the line\n  ${line}\nbut the output was\n${actual}`);
    }
  }
}

describe('the README tutorial "Annotate your own text"', () => {
  const sandbox = createTempWorkspace();
  after(() => sandbox.dispose());

  it('runs step by step as written, from init to a clean check after the fix, and the hover shows the actor with its claim', async () => {
    const blocks = tutorialBlocks();
    assert.deepEqual(blocks.map((b) => b.lang), ['sh', 'text', 'yaml', 'yaml', 'sh', 'text', 'sh', 'text'], 'the tutorial has the steps this test follows');

    const bin = path.join(sandbox.dir, 'bin');
    mkdirSync(bin);
    const shim = path.join(bin, 'policy-annotator');
    writeFileSync(shim, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"\n`);
    chmodSync(shim, 0o755);
    const home = path.join(sandbox.dir, 'home');
    mkdirSync(home);
    const cwdFile = path.join(sandbox.dir, 'cwd');
    const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1', POLICY_ANNOTATOR_CACHE_DIR: path.join(sandbox.dir, 'cache') };

    let cwd = home;
    let last: { step: string; stdout: string; status: number | null } | undefined;
    blocks.forEach((block, i) => {
      const step = `block ${i + 1} (${block.lang})`;
      if (block.lang === 'sh') {
        const script = `trap 'pwd > ${JSON.stringify(cwdFile)}' EXIT\nset -e\n${block.body}`;
        const result = spawnSync('bash', ['-c', script], { cwd, env, encoding: 'utf8' });
        last = { step, stdout: result.stdout, status: result.status };
        assert.ok(existsSync(cwdFile), `${step} ran: ${result.stderr}`);
        cwd = readFileSync(cwdFile, 'utf8').trim();
        if (result.status !== 0 && result.status !== 1) assert.fail(`${step} failed with ${result.status}: ${result.stderr}`);
      } else if (block.lang === 'text') {
        assert.ok(last, `${step}: output shown before any command`);
        assertShown(block.body, last.stdout, last.step);
        const showsError = /^\S+:\d+:\d+\s+error\s/m.test(block.body);
        assert.equal(last.status, showsError ? 1 : 0, `${last.step}: exit code`);
        last = undefined;
      } else if (block.lang === 'yaml') {
        const target = /append to `([^`]+)`:\s*$/.exec(block.before)?.[1];
        assert.ok(target, `${step}: the sentence before a YAML block says which file to append it to`);
        const file = path.join(cwd, target);
        assert.ok(existsSync(file), `${step}: ${target} exists (init created it)`);
        appendFileSync(file, block.body);
      } else {
        assert.fail(`${step}: no rule for a ${block.lang} block`);
      }
    });
    assert.equal(last, undefined, 'every command block is followed by its output');

    // Step 6: hover over "Ministry of Finance" in the text.
    assert.equal(path.basename(cwd), 'my-study');
    const textPath = path.join(cwd, 'annotations', 'texts', 'budget-review.txt');
    const text = readFileSync(textPath, 'utf8');
    const { client } = await LspTestClient.start({ workspaceFolder: cwd, pullDiagnostics: true, command: 'cli' });
    try {
      // Hovers answer once the workspace is indexed: wait for the end of the indexing progress.
      await client.waitForMessage('$/progress', 0, (params) => (params as { value: { kind: string } }).value.kind === 'end');
      const uri = fileUri(textPath);
      await client.open(uri, text);
      const offset = text.indexOf('Ministry of Finance') + 3;
      const before = text.slice(0, offset).split('\n');
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: before.length - 1, character: before[before.length - 1].length } });
      assert.ok(hover, 'a hover over the mention');
      const markdown = (hover.contents as MarkupContent).value;
      assert.match(markdown, /Ministry of Finance/);
      assert.match(markdown, /deficit to fall below three percent/);
    } finally {
      await client.stop();
    }
  });
});
