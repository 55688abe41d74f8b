import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { ExitNotification, InitializedNotification, InitializeRequest, ShutdownRequest, type InitializeResult } from 'vscode-languageserver-protocol';
import { EVENT_TIMEOUT_MS } from '../lsp/lspTestClient';
import { buildDnaDatabase } from '../helpers/dnaFixture';
import { CLI, createTempWorkspace, REPO_ROOT } from '../helpers/tempWorkspace';
import { assertReadmeLinksShipped, sharedPackageFiles } from '../helpers/packagedFiles';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  private?: boolean;
  files: string[];
  scripts: Record<string, string>;
  repository?: { url: string };
  bugs?: { url: string };
  homepage?: string;
};

/** Scripts npm runs in a consumer's install of a package: none of them may exist. */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

/** Starts a language server command on stdio, initializes it on a folder, and shuts it down; returns the server's capabilities. */
async function initializeOverStdio(command: string, args: string[], folder: string): Promise<InitializeResult> {
  const child = spawn(command, args, { cwd: folder, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${command} ${args.join(' ')}: no answer within ${EVENT_TIMEOUT_MS} ms. stderr: ${stderr}`)), EVENT_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: pathToFileURL(folder).href,
        workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'project' }],
        capabilities: {},
      }),
      timeout,
      exited.then((code) => Promise.reject(new Error(`the server exited with ${code} before answering. stderr: ${stderr}`))),
    ]);
    await connection.sendNotification(InitializedNotification.type, {});
    await Promise.race([connection.sendRequest(ShutdownRequest.type), timeout]);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await Promise.race([exited, timeout]), 0, stderr);
    return result;
  } finally {
    clearTimeout(timer);
    connection.dispose();
    child.kill();
  }
}

describe('the npm package', () => {
  it('is publishable: not private, with repository, bugs and homepage, a files list, and no script that runs in a consumer install', () => {
    assert.equal(manifest.private, undefined);
    assert.match(manifest.repository?.url ?? '', /^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
    assert.match(manifest.bugs?.url ?? '', /^https:\/\/github\.com\/.+\/issues$/);
    assert.match(manifest.homepage ?? '', /^https:\/\//);
    for (const script of INSTALL_SCRIPTS) assert.equal(manifest.scripts[script], undefined, `no ${script} script`);
    assert.match(manifest.scripts.prepack, /scripts\/build\.mjs/, 'npm pack and npm publish build dist/ first');
  });

  it('packs only the CLI, the bundled server and the schemas', () => {
    // --ignore-scripts: npm test has built dist/; prepack would rebuild it under the feet of tests running in parallel.
    const [packed] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8' })) as { files: { path: string }[] }[];
    const packedPaths = packed.files.map((f) => f.path).sort();
    assert.deepEqual(packedPaths, [...sharedPackageFiles(), 'bin/loadBundle.js', 'bin/policy-annotator.js', 'dist/agreementWorker.js', 'dist/cli.js', 'dist/sql-wasm.wasm'].sort());
    assertReadmeLinksShipped(packedPaths, 'the npm package');
  });

  describe('installed from its tarball as a dev dependency', () => {
    const project = createTempWorkspace({ 'package.json': JSON.stringify({ name: 'analyst-project', version: '1.0.0', private: true }) }, { withCorpus: true });
    after(() => project.dispose());
    const npxRun = (args: string[], cwd = project.dir) => spawnSync(npx, ['--no-install', 'policy-annotator', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

    before(() => {
      const packed = execFileSync(npm, ['pack', REPO_ROOT, '--silent', '--ignore-scripts', '--pack-destination', project.dir], { cwd: project.dir, encoding: 'utf8' }).trim().split('\n').pop()!;
      execFileSync(npm, ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', path.join(project.dir, packed)], { cwd: project.dir, stdio: 'pipe' });
    });

    it('is recorded as a devDependency on the tarball, and its installed manifest has no install scripts', () => {
      const projectManifest = JSON.parse(readFileSync(path.join(project.dir, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string>; dependencies?: Record<string, string> };
      assert.match(projectManifest.devDependencies?.['policy-annotator'] ?? '', /^file:policy-annotator-\d+\.\d+\.\d+\.tgz$/);
      assert.equal(projectManifest.dependencies, undefined);
      const installed = JSON.parse(readFileSync(path.join(project.dir, 'node_modules', 'policy-annotator', 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
      for (const script of INSTALL_SCRIPTS) assert.equal(installed.scripts?.[script], undefined, `no ${script} script`);
    });

    it('runs as `npx --no-install policy-annotator`: version, check and init', () => {
      const version = npxRun(['--version']);
      assert.equal(version.status, 0, version.stderr);
      assert.equal(version.stdout.trim(), manifest.version);
      const check = npxRun(['check', '--summary']);
      assert.equal(check.status, 0, check.stderr);
      assert.match(check.stdout, /No problems in \d+ annotation files/);
      assert.match(check.stdout, /pakistan-taliban-qa\.txt/);
      const init = npxRun(['init', 'new-study']);
      assert.equal(init.status, 0, init.stderr);
      const fresh = npxRun(['check', '--format', 'json'], path.join(project.dir, 'new-study'));
      assert.equal(fresh.status, 0, fresh.stderr);
      assert.deepEqual(JSON.parse(fresh.stdout), []);
    });

    it('imports and exports DNA databases with the WebAssembly SQLite it ships', async () => {
      writeFileSync(path.join(project.dir, 'study.dna'), await buildDnaDatabase([`INSERT INTO DOCUMENTS (ID, Title, Text, Coder, Date) VALUES (1, 'One', 'A text.', 1, 0)`]));
      const imported = npxRun(['import', 'dna', 'study.dna', '--out', 'from-dna']);
      assert.equal(imported.status, 0, imported.stderr);
      const exported = npxRun(['export', '--format', 'dna', '--out', '../again.dna'], path.join(project.dir, 'from-dna'));
      assert.equal(exported.status, 0, exported.stderr);
      assert.equal(readFileSync(path.join(project.dir, 'again.dna')).subarray(0, 15).toString('latin1'), 'SQLite format 3');
    });

    it('serves LSP on stdio as the editor snippets start it: npx --no-install policy-annotator lsp --stdio', async () => {
      const result = await initializeOverStdio(npx, ['--no-install', 'policy-annotator', 'lsp', '--stdio'], project.dir);
      assert.ok(result.capabilities.hoverProvider);
      assert.ok(result.capabilities.definitionProvider);
    });
  });

  it('serves LSP on stdio from a path to bin/, the other way the snippets start it', async () => {
    const project = createTempWorkspace({}, { withCorpus: true });
    try {
      const result = await initializeOverStdio(process.execPath, [CLI, 'lsp', '--stdio'], project.dir);
      assert.ok(result.capabilities.hoverProvider);
    } finally {
      project.dispose();
    }
  });

  it('every snippet in the README, docs/ and examples/ that starts npx passes --no-install, so none can download a package of that name', () => {
    const markdown = ['README.md', 'CONTRIBUTING.md', ...readdirSync(path.join(REPO_ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
    const snippets = markdown.flatMap((file) => [...readFileSync(path.join(REPO_ROOT, file), 'utf8').matchAll(/^ *```\w*\n([\s\S]*?)^ *```$/gm)].map((m, i) => ({ where: `${file} code block ${i + 1}`, text: m[1] })));
    for (const name of readdirSync(path.join(REPO_ROOT, 'examples'))) snippets.push({ where: `examples/${name}`, text: readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8') });
    const withNpx = snippets.filter((s) => /\bnpx\b/.test(s.text));
    assert.ok(withNpx.length >= 5, 'the editor snippets and the workflow use npx');
    for (const { where, text } of withNpx) {
      const npxCount = text.match(/\bnpx\b/g)!.length;
      assert.equal((text.match(/--no-install/g) ?? []).length, npxCount, `${where}: each npx has --no-install\n${text}`);
    }
  });

  it('`npx --no-install policy-annotator` where it is not installed fails instead of downloading a package of that name', () => {
    const elsewhere = createTempWorkspace({ 'package.json': JSON.stringify({ name: 'no-tools-here', version: '1.0.0', private: true }) });
    try {
      // offline: if npx tried the registry despite --no-install, it could not succeed by downloading either.
      const result = spawnSync(npx, ['--no-install', 'policy-annotator', '--version'], { cwd: elsewhere.dir, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' } });
      assert.notEqual(result.status, 0);
      assert.doesNotMatch(result.stdout, /^\d+\.\d+\.\d+/);
    } finally {
      elsewhere.dispose();
    }
  });
});
