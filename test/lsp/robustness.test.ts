import assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { ErrorCodes, LSPErrorCodes, ResponseError, type Hover, type InitializeResult, type MarkupContent } from 'vscode-languageserver-protocol';
import { fixture, fixtureOnDisk } from '../helpers/fixture';
import { REPO_ROOT, type TempWorkspace } from '../helpers/tempWorkspace';
import { threeActorsYaml } from '../helpers/threeActors';
import { fileUri, LspTestClient, EVENT_TIMEOUT_MS, serveWorkspace } from './lspTestClient';

// The three actors (test/fixtures/three-actors.txtar), a one-line article and a claim on it.
const FILES = fixture(
  { 'annotations/actors.yaml': threeActorsYaml() },
  `
-- annotations/texts/article.txt --
The ISI backs the Taliban.
-- annotations/claims.yaml --
text: texts/article.txt
claims:
  - id: isi-backs
    claimant: isi
    quote: backs the Taliban
    about: [taliban]
`,
);
const ARTICLE = FILES['annotations/texts/article.txt'];
const CLAIMS = FILES['annotations/claims.yaml'];

function freshWorkspace(): TempWorkspace {
  return fixtureOnDisk(FILES);
}

const indexed = (client: LspTestClient) => client.waitForMessage('$/progress', 0, (params) => (params as { value: { kind: string } }).value.kind === 'end');

describe('the server contains faults and honours cancellation', () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  const uri = (relative: string) => fileUri(path.join(workspace.dir, 'annotations', relative));
  const hoverOverIsi = () => client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('texts/article.txt') }, position: { line: 0, character: 5 } });

  const session = serveWorkspace(freshWorkspace, { pullDiagnostics: false, ready: indexed });
  before(() => ({ workspace, client } = session));

  it('answers a request whose handler fails with an error for that request only, and keeps serving', async () => {
    const failed = await client.request('textDocument/hover', { textDocument: { uri: uri('texts/article.txt') }, position: null }).then(
      () => undefined,
      (error: unknown) => error,
    );
    assert.ok(failed instanceof ResponseError);
    assert.equal(failed.code, ErrorCodes.InternalError);
    assert.match(failed.message, /could not answer textDocument\/hover .*keeps running/);
    await client.waitUntil('the failure in the server log', () => client.received.some((m) => m.method === 'window/logMessage' && /failed on textDocument\/hover/.test((m.params as { message: string }).message)));
    const hover = await hoverOverIsi();
    assert.match((hover.contents as MarkupContent).value, /Inter-Services Intelligence/);
  });

  it('answers RequestCancelled to requests the client cancels', async () => {
    // A large document keeps the server busy, so the requests and their cancellations arrive before they are served.
    const busy = ARTICLE + 'The ISI backs the Taliban. '.repeat(30_000);
    const opened = client.open(uri('texts/article.txt'), busy);
    const codeOf = (error: unknown) => (error instanceof ResponseError ? error.code : String(error));
    const symbols = client.requestAndCancel('workspace/symbol', { query: '' }).then(() => 'answered', codeOf);
    const references = client.requestAndCancel('textDocument/references', { textDocument: { uri: uri('texts/article.txt') }, position: { line: 0, character: 5 }, context: { includeDeclaration: true } }).then(() => 'answered', codeOf);
    await opened;
    assert.equal(await symbols, LSPErrorCodes.RequestCancelled);
    assert.equal(await references, LSPErrorCodes.RequestCancelled);
    await client.close(uri('texts/article.txt'));
    assert.ok(await hoverOverIsi(), 'still serving');
  });

  it('makes the file on disk count again when an edited document is closed unsaved', async () => {
    const broken = CLAIMS.replace('claimant: isi', 'claimant: nobody');
    await client.open(uri('claims.yaml'), broken);
    await client.waitForPushedDiagnostics(uri('claims.yaml'), (d) => d.some((x) => x.code === 'unknown-actor'), 'for the unsaved edit');
    await client.close(uri('claims.yaml'));
    await client.waitForPushedDiagnostics(uri('claims.yaml'), (d) => !d.some((x) => x.code === 'unknown-actor'), 'back to the file on disk');
  });
});

describe('the server starts from every entry point', () => {
  let workspace: TempWorkspace;
  before(() => {
    workspace = freshWorkspace();
  });
  after(() => workspace?.dispose());

  it('`policy-annotator lsp --stdio` serves the same language server', async () => {
    const { client, initialize } = await LspTestClient.start({ workspaceFolder: workspace.dir, pullDiagnostics: true, command: 'cli', initializationOptions: { semanticTokenTypes: 'standard' } });
    try {
      assert.equal(initialize.serverInfo?.name, 'policy-annotator');
      assert.deepEqual(initialize.capabilities.semanticTokensProvider?.legend.tokenTypes, ['class', 'string', 'enumMember'], 'standard token types for editors that ask for them');
      assert.ok(initialize.capabilities.diagnosticProvider, 'offers pull diagnostics to a client that pulls');
      await indexed(client);
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: fileUri(path.join(workspace.dir, 'annotations/texts/article.txt')) }, position: { line: 0, character: 5 } });
      assert.match((hover.contents as MarkupContent).value, /Inter-Services Intelligence/);
    } finally {
      assert.equal(await client.stop(), 0, 'exits cleanly after shutdown and exit');
    }
  });

  it('`policy-annotator lsp` without a transport is a usage error', () => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'policy-annotator.js'), 'lsp'], { encoding: 'utf8', timeout: EVENT_TIMEOUT_MS });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /needs a transport: --stdio/);
  });

  it('the bundled server module speaks over --node-ipc', async () => {
    const child = fork(path.join(REPO_ROOT, 'dist', 'server.js'), ['--node-ipc'], { cwd: workspace.dir, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: fileUri(workspace.dir), capabilities: {} })) as InitializeResult;
      assert.equal(result.serverInfo?.name, 'policy-annotator');
      assert.equal(result.capabilities.diagnosticProvider, undefined, 'pushes diagnostics to a client that does not pull');
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      child.kill('SIGKILL');
    }
  });

  it('serves a client that opens no folder, and indexes a folder added later', async () => {
    const { client } = await LspTestClient.start({ workspaceFolder: workspace.dir, pullDiagnostics: false, noWorkspaceFolder: true });
    try {
      const params = { textDocument: { uri: fileUri(path.join(workspace.dir, 'annotations/texts/article.txt')) }, position: { line: 0, character: 5 } };
      await indexed(client);
      assert.equal(await client.request('textDocument/hover', params), null);
      const mark = client.mark();
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: fileUri(workspace.dir), name: 'fixture' }], removed: [] } });
      await client.waitForMessage('$/progress', mark, (p) => (p as { value: { kind: string } }).value.kind === 'end');
      const hover = await client.request<Hover>('textDocument/hover', params);
      assert.match((hover.contents as MarkupContent).value, /Inter-Services Intelligence/);
    } finally {
      await client.stop();
    }
  });
});
