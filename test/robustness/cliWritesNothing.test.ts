// The CLI never writes into the workspace unless asked: check (every format,
// with and without its cache), diff and the language server leave every file
// of the workspace as it was, byte for byte and modification time; the cache
// lives outside the workspace; export writes only under --out.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { commitAll } from '../helpers/gitRepo';
import { CLI, createTempWorkspace, type TempWorkspace } from '../helpers/tempWorkspace';
import { fileUri } from '../lsp/lspTestClient';

/** Every entry under a folder (but .git, which git itself maintains): path, kind, mode, size, modification time and content hash. */
function treeState(root: string): Map<string, string> {
  const state = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (dir === root && name === '.git') continue;
      const full = path.join(dir, name);
      const stat = lstatSync(full);
      const relative = path.relative(root, full);
      if (stat.isDirectory()) {
        state.set(relative, `dir ${stat.mode}`);
        walk(full);
      } else if (stat.isSymbolicLink()) {
        state.set(relative, `link ${readlinkSync(full)}`);
      } else {
        state.set(relative, `file ${stat.mode} ${stat.size} ${stat.mtimeMs} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`);
      }
    }
  };
  walk(root);
  return state;
}

function assertUnchanged(before: Map<string, string>, root: string, what: string): void {
  const now = treeState(root);
  const changed = [...new Set([...before.keys(), ...now.keys()])].filter((key) => before.get(key) !== now.get(key));
  assert.deepEqual(changed, [], `${what} changed the workspace`);
}

const TIMEOUT_MS = 60_000;

function run(args: string[], cwd: string, env: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: TIMEOUT_MS });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the CLI writes nothing into the workspace unless asked', () => {
  let workspace: TempWorkspace;
  let home: string;
  let env: Record<string, string>;
  let state: Map<string, string>;

  before(() => {
    workspace = createTempWorkspace({}, { withCorpus: true });
    // A broken file as well, so that checks report and quick fixes exist.
    workspace.write('annotations/broken.yaml', 'text: texts/pakistan-taliban-qa.txt\nclaims:\n  - id: broken\n    claimant: imran-kahn\n    quote: the ISI\n');
    commitAll(workspace.dir, 'the corpus', true);
    workspace.write('annotations/uncommitted.yaml', 'concepts:\n  - id: uncommitted\n    label: Not committed yet\n');
    // The default cache goes under $XDG_CACHE_HOME: point it at a folder of its own, outside the workspace.
    home = mkdtempSync(path.join(tmpdir(), 'policy-annotator-home-'));
    env = { HOME: home, XDG_CACHE_HOME: path.join(home, '.cache'), POLICY_ANNOTATOR_CACHE_DIR: '' };
    state = treeState(workspace.dir);
  });

  after(() => {
    workspace?.dispose();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  for (const format of ['stylish', 'json', 'github', 'sarif']) {
    for (const cache of ['default cache', '--no-cache', '--cache-dir']) {
      it(`check --format ${format} (${cache})`, () => {
        const args = ['check', '--format', format, '--summary', ...(cache === '--no-cache' ? ['--no-cache'] : cache === '--cache-dir' ? ['--cache-dir', path.join(home, 'explicit-cache')] : [])];
        for (let i = 0; i < 2; i++) {
          const result = run(args, workspace.dir, env);
          assert.equal(result.code, 1, result.stderr);
        }
        assertUnchanged(state, workspace.dir, `check --format ${format} (${cache})`);
      });
    }
  }

  it('keeps its cache outside the workspace: under $XDG_CACHE_HOME, or --cache-dir', () => {
    assert.ok(existsSync(path.join(home, '.cache', 'policy-annotator')), 'the default cache is under $XDG_CACHE_HOME/policy-annotator');
    assert.ok(existsSync(path.join(home, 'explicit-cache')));
  });

  it('check with --changed-since, and diff against a revision, in every format', () => {
    // Only the untracked, valid file changed since HEAD: nothing to report.
    const changed = run(['check', '--changed-since', 'HEAD'], workspace.dir, env);
    assert.equal(changed.code, 0, changed.stderr);
    for (const format of ['markdown', 'json']) {
      const result = run(['diff', 'HEAD', '--format', format], workspace.dir, env);
      assert.equal(result.code, 0, result.stderr);
    }
    assertUnchanged(state, workspace.dir, 'diff');
  });

  it('lsp --stdio: opening, editing (unsaved), asking for fixes and renames writes nothing', async () => {
    const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: workspace.dir, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const killer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    try {
      const indexed = new Promise<void>((resolve) => connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
        if (params.value.kind === 'end') resolve();
      }));
      connection.onRequest(() => null);
      connection.listen();
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: fileUri(workspace.dir), workspaceFolders: [{ uri: fileUri(workspace.dir), name: 'w' }], capabilities: { window: { workDoneProgress: true }, workspace: { workspaceEdit: { documentChanges: true } } } });
      await connection.sendNotification('initialized', {});
      await indexed;
      const uri = fileUri(path.join(workspace.dir, 'annotations', 'broken.yaml'));
      const text = readFileSync(path.join(workspace.dir, 'annotations', 'broken.yaml'), 'utf8');
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}  - id: typed-but-unsaved\n    claimant: isi\n    quote: ISI\n` }] });
      const actions = (await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 3, character: 14 }, end: { line: 3, character: 14 } }, context: { diagnostics: [] } })) as unknown[];
      assert.ok(Array.isArray(actions));
      const renamed = await connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 2, character: 9 }, newName: 'renamed-claim' });
      assert.ok(renamed, 'a rename is answered with edits for the editor to apply');
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      clearTimeout(killer);
      connection.dispose();
      child.kill('SIGKILL');
    }
    assertUnchanged(state, workspace.dir, 'lsp --stdio');
  });

  it('export writes only under --out, also when --out is inside the workspace', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'policy-annotator-export-'));
    try {
      for (const format of ['w3c', 'brat', 'network']) {
        const result = run(['export', '--format', format, '--out', path.join(outside, format)], workspace.dir, env);
        assert.ok(result.code === 0 || result.code === 1, result.stderr);
        assert.ok(readdirSync(path.join(outside, format)).length > 0, `${format} wrote its files`);
      }
      assertUnchanged(state, workspace.dir, 'export --out <outside>');
      const inside = run(['export', '--format', 'w3c', '--out', 'exported'], workspace.dir, env);
      assert.ok(inside.code === 0 || inside.code === 1, inside.stderr);
      const now = treeState(workspace.dir);
      const added = [...now.keys()].filter((key) => !state.has(key));
      assert.ok(added.length > 0 && added.every((key) => key === 'exported' || key.startsWith(`exported${path.sep}`)), added.join(', '));
      for (const [key, value] of state) assert.equal(now.get(key), value, `${key} is unchanged`);
    } finally {
      rmSync(outside, { recursive: true, force: true });
      rmSync(path.join(workspace.dir, 'exported'), { recursive: true, force: true });
    }
  });
});
