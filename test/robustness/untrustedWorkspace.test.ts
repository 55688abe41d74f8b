// Untrusted workspaces: the extension executes nothing from the workspace
// (its manifest contributes no tasks, debuggers or terminals, and the client
// starts only the bundled server), and neither policy-annotator.yaml nor the
// editor settings can make it read outside the workspace: roots with `..` or
// absolute paths are refused, and a root or `text:` that is a symbolic link
// out of the workspace is refused by the file host, in the CLI and the LSP.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseConfig } from '../../server/src/core';
import { readEditorSettings } from '../../server/src/lsp/clientSettings';
import { CLI, REPO_ROOT } from '../helpers/tempWorkspace';
import { fileUri, LspTestClient } from '../lsp/lspTestClient';
import { CANARY, createBadInputWorkspace, type BadInputWorkspace } from './badInputWorkspace';

interface Manifest {
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited' } };
  contributes: Record<string, unknown> & { configuration: { properties: Record<string, unknown> } };
  activationEvents: string[];
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;

function clientSources(dir = path.join(REPO_ROOT, 'client', 'src')): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? clientSources(full) : [{ file: path.relative(REPO_ROOT, full), text: readFileSync(full, 'utf8') }];
  });
}

describe('the extension executes nothing from the workspace', () => {
  it('supports untrusted workspaces fully, because it runs nothing the workspace provides', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  });

  it('contributes no tasks, debuggers, breakpoints, terminals or problem matchers, and no setting that names a program', () => {
    for (const key of ['taskDefinitions', 'debuggers', 'breakpoints', 'terminal', 'problemMatchers', 'problemPatterns']) assert.equal(manifest.contributes[key], undefined, key);
    const settings = Object.keys(manifest.contributes.configuration.properties);
    assert.deepEqual(settings.filter((name) => /path|command|executable|runtime|args|shell|node|module/i.test(name)), []);
    assert.ok(!manifest.activationEvents.some((event) => event.startsWith('onTaskType') || event.startsWith('onDebug')));
  });

  it('the client starts only the bundled server module, over IPC, and spawns nothing else', () => {
    const sources = clientSources();
    assert.ok(sources.length > 0);
    const forbidden = [/child_process/, /\bexecSync\b|\bexecFile\b|\bspawn\s*\(|\bfork\s*\(/, /createTerminal|\bTerminal\b/, /ShellExecution|ProcessExecution|new\s+(vscode\.)?Task\b|vscode\.tasks/, /startDebugging/, /\beval\s*\(|new Function\s*\(/, /TransportKind\.(stdio|pipe|socket)/];
    for (const { file, text } of sources) {
      for (const pattern of forbidden) assert.doesNotMatch(text, pattern, `${file} must not match ${pattern}`);
    }
    const connection = sources.find((source) => /new LanguageClient\(/.test(source.text));
    assert.ok(connection, 'a file creates the LanguageClient');
    assert.match(connection.text, /const module = context\.asAbsolutePath\('dist\/server\.js'\);/, 'the server is the bundled module, inside the extension');
    assert.match(connection.text, /run: \{ module, transport: TransportKind\.ipc \}/);
    assert.equal((connection.text.match(/new LanguageClient\(/g) ?? []).length, 1);
    assert.doesNotMatch(connection.text, /\bcommand\s*:/, 'no Executable server options (a command to run)');
  });
});

describe('configuration cannot make the server read outside the workspace', () => {
  const outsideRoots = ['..', '../outside', 'annotations/../..', '/etc', 'C:/Windows', 'C:\\Windows', '..\\outside', 'a/../../b'];

  it('policy-annotator.yaml refuses roots with `..` or absolute paths, with a diagnostic on each', () => {
    const text = `roots:\n${outsideRoots.map((root) => `  - ${JSON.stringify(root)}`).join('\n')}\n  - annotations\n`;
    const { config, diagnostics } = parseConfig('file:///ws/policy-annotator.yaml', text);
    assert.deepEqual(config.roots, ['annotations']);
    assert.equal(diagnostics.length, outsideRoots.length);
    for (const diagnostic of diagnostics) assert.match(diagnostic.message, /must be a folder inside the workspace, written relative to it/);
  });

  it('the editor setting policyAnnotator.roots refuses them too, with a warning', () => {
    const warnings: string[] = [];
    const settings = readEditorSettings({ roots: [...outsideRoots, 'corpus', 42] }, (message) => warnings.push(message));
    assert.deepEqual(settings.roots, ['corpus']);
    assert.equal(warnings.length, outsideRoots.length + 1);
    assert.deepEqual(readEditorSettings({ roots: ['/etc'] }).roots, ['annotations'], 'nothing valid: the default');
  });
});

describe('a root or a text that is a symbolic link out of the workspace is refused by the file host', () => {
  let workspace: BadInputWorkspace;
  const linkedFiles = () => readdirSync(path.join(workspace.outside, 'annotations'));

  before(() => {
    workspace = createBadInputWorkspace({ large: false });
    // A root that is a link to a folder outside, holding YAML with the canary.
    symlinkSync(path.join(workspace.outside, 'annotations'), workspace.path('linked-root'));
    mkdirSync(workspace.path('safe'));
    writeFileSync(workspace.path('safe/good.yaml'), 'text: ../annotations/texts/generated-escape.txt\n');
    writeFileSync(workspace.path('policy-annotator.yaml'), 'roots: [safe, linked-root]\n');
  });

  after(() => workspace?.dispose());

  it('through the CLI: nothing under the linked root is listed or read, the linked text is refused, and the canary never appears', () => {
    const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--no-cache'], { cwd: workspace.dir, encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 1, result.stderr);
    assert.ok(!result.stdout.includes(CANARY) && !result.stderr.includes(CANARY));
    const rows = JSON.parse(result.stdout) as { file: string; code: string; message: string }[];
    assert.deepEqual(rows.filter((row) => row.file.startsWith('linked-root')), [], 'no file under the linked root');
    for (const name of linkedFiles()) assert.ok(!result.stdout.includes(name), `the outside file name ${name} is not even listed`);
    assert.ok(rows.some((row) => row.file === 'safe/good.yaml' && row.code === 'text-not-found' && /leads outside the workspace \(through a symbolic link\)/.test(row.message)));
  });

  it('through the LSP, with roots from the editor settings too: refused roots are warned about, and nothing outside is read', async () => {
    // No policy-annotator.yaml: the editor settings apply.
    const config = workspace.path('policy-annotator.yaml');
    const saved = readFileSync(config, 'utf8');
    rmSync(config);
    const { client } = await LspTestClient.start({ workspaceFolder: workspace.dir, pullDiagnostics: false, initializationOptions: { settings: { roots: ['../outside/annotations', '/etc', 'linked-root', 'safe'] } } });
    try {
      await client.waitForMessage('$/progress', 0, (params) => (params as { value: { kind: string } }).value.kind === 'end');
      const good = await client.waitForPushedDiagnostics(fileUri(workspace.path('safe/good.yaml')), (d) => d.some((x) => x.code === 'text-not-found'), 'refusing the linked text');
      assert.match(String(good[0].message), /leads outside the workspace/);
      const published = [...client.pushed.keys()];
      assert.deepEqual(published.filter((uri) => uri.includes('linked-root') || uri.includes('/outside/')), [], 'no diagnostics for files outside');
      const warnings = client.received.filter((m) => m.method === 'window/logMessage' && /policyAnnotator\.roots lists/.test((m.params as { message: string }).message));
      assert.equal(warnings.length, 2, 'one warning per refused root');
      assert.ok(!JSON.stringify(client.received).includes(CANARY) && !client.stderr.includes(CANARY));
    } finally {
      await client.stop();
      writeFileSync(config, saved);
    }
  });
});

describe('a workspace cannot raise the resource limits', () => {
  it('the limit settings are machine-scoped, so VS Code reads them from the user settings only', () => {
    const properties = manifest.contributes.configuration.properties as Record<string, { scope?: string }>;
    const limits = Object.keys(properties).filter((name) => name.startsWith('policyAnnotator.limits.'));
    assert.deepEqual(limits.sort(), ['policyAnnotator.limits.annotationFileSize', 'policyAnnotator.limits.textSize']);
    for (const name of limits) assert.equal(properties[name].scope, 'machine', name);
  });

  it('through the LSP: the workspace’s raise does not apply, the user’s setting does', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-annotator-limits-'));
    try {
      mkdirSync(path.join(dir, 'annotations', 'texts'), { recursive: true });
      writeFileSync(path.join(dir, 'policy-annotator.yaml'), 'limits:\n  text-size: 4GB\n');
      writeFileSync(path.join(dir, 'annotations', 'a.yaml'), 'text: texts/big.txt\nclaims:\n  - {id: c1, claimant: someone, quote: words that are not there}\n');
      writeFileSync(path.join(dir, 'annotations', 'texts', 'big.txt'), `${'A long report. '.repeat(1.5 * 1024 * 1024)}`);
      const annotationFile = fileUri(path.join(dir, 'annotations', 'a.yaml'));
      const start = async (settings: unknown) => {
        const { client } = await LspTestClient.start({ workspaceFolder: dir, pullDiagnostics: false, initializationOptions: { settings } });
        await client.waitForMessage('$/progress', 0, (params) => (params as { value: { kind: string } }).value.kind === 'end');
        return client;
      };
      const byDefault = await start({});
      try {
        await byDefault.waitForPushedDiagnostics(annotationFile, (d) => d.some((x) => x.code === 'text-not-found' && /above the limit of 20\.0 MB/.test(String(x.message))), 'the text refused at 20MB');
      } finally {
        await byDefault.stop();
      }
      const raised = await start({ limits: { textSize: '30MB' } });
      try {
        const read = await raised.waitForPushedDiagnostics(annotationFile, (d) => d.some((x) => x.code === 'quote-not-found'), 'the quote looked for in the text, which was read');
        assert.ok(!read.some((x) => x.code === 'text-not-found'));
      } finally {
        await raised.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
