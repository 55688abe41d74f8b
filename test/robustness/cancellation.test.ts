// Long computations honour cancellation: the slicing loop that every
// workspace-wide request runs in stops within a slice of the cancel (counted
// in steps of a clock the test drives, not timed); a
// request that waits for indexing of a big generated workspace answers
// RequestCancelled as soon as it is cancelled, long before indexing ends;
// and a burst of cancelled workspace-wide requests leaves the server serving.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { LSPErrorCodes, ResponseError, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { CancellationTokenSource as ServerTokenSource } from 'vscode-languageserver';
import { forEachCancellable, SLICE_MS, unlessCancelled } from '../../server/src/lsp/cancellation';
import { positionAt } from '../lsp/corpusWorkspace';
import { fileUri, LspTestClient } from '../lsp/lspTestClient';
import { generateBenchCorpus, type GeneratedCorpus } from './benchCorpus';

const codeOf = (error: unknown) => (error instanceof ResponseError ? error.code : String(error));

describe('the slicing loop of long requests', () => {
  it('stops within one slice of a cancellation that arrives while it runs', { timeout: 30_000 }, async () => {
    const source = new ServerTokenSource();
    let steps = 0;
    let stepsAtCancel = -1;
    // The loop's clock counts steps: each one takes 0.05 ms, so a slice is SLICE_MS / 0.05 steps, on any machine.
    const clock = () => steps * 0.05;
    const stepsPerSlice = SLICE_MS / 0.05;
    // 100,000 steps; the cancel comes from another task, once the loop has run a while.
    const cancelLater = (function wait(): Promise<void> {
      return new Promise<void>((resolve) => setImmediate(() => (steps >= 2_000 ? resolve() : resolve(wait()))));
    })().then(() => {
      stepsAtCancel = steps;
      source.cancel();
    });
    const outcome = await forEachCancellable(Array.from({ length: 100_000 }, (_, i) => i), source.token, () => steps++, clock).then(() => 'finished', codeOf);
    await cancelLater;
    assert.equal(outcome, LSPErrorCodes.RequestCancelled);
    assert.ok(stepsAtCancel >= 2_000, 'the loop let the cancelling task run while it worked');
    assert.ok(steps - stepsAtCancel <= stepsPerSlice, `${steps - stepsAtCancel} steps after the cancel; one slice is ${stepsPerSlice}`);
  });

  it('stops waiting for a promise as soon as the request is cancelled', { timeout: 10_000 }, async () => {
    const source = new ServerTokenSource();
    const never = new Promise<void>(() => undefined);
    const waiting = unlessCancelled(never, source.token).then(() => 'resolved', codeOf);
    source.cancel();
    assert.equal(await waiting, LSPErrorCodes.RequestCancelled);
  });
});

describe('cancellation in the server on a big generated workspace', () => {
  let corpus: GeneratedCorpus;
  let client: LspTestClient;

  before(async () => {
    corpus = await generateBenchCorpus(1);
  });

  after(async () => {
    await client?.stop();
    corpus?.dispose();
  });

  it('answers RequestCancelled to pulls that wait for indexing, as soon as they are cancelled, long before indexing ends', async () => {
    ({ client } = await LspTestClient.start({ workspaceFolder: corpus.dir, pullDiagnostics: true }));
    await client.waitForMessage('$/progress', 0, (params) => (params as { value: { kind: string } }).value.kind === 'begin');
    const textUri = fileUri(path.join(corpus.dir, ...corpus.manifest.texts[0].annotationPath.split('/')));
    const pulls = ['textDocument/diagnostic', 'workspace/diagnostic'].map((method) => {
      const source = new CancellationTokenSource();
      const params = method === 'workspace/diagnostic' ? { previousResultIds: [] } : { textDocument: { uri: textUri } };
      const answered = (client.connection.sendRequest(method, params, source.token) as Promise<unknown>).then(
        () => ({ outcome: 'answered' as string | number, indexed: indexingEnded(client) }),
        (error: unknown) => ({ outcome: codeOf(error), indexed: indexingEnded(client) }),
      );
      return { method, source, answered };
    });
    for (const pull of pulls) pull.source.cancel();
    for (const pull of pulls) {
      const { outcome, indexed } = await pull.answered;
      assert.equal(outcome, LSPErrorCodes.RequestCancelled, pull.method);
      assert.equal(indexed, false, `${pull.method} was answered before indexing ended, not after`);
    }
    await client.waitForMessage('$/progress', 0, (params) => (params as { value: { kind: string } }).value.kind === 'end');
  });

  it('answers a burst of cancelled workspace-wide requests with RequestCancelled or a result, never an error, and keeps serving', async () => {
    const text = corpus.manifest.texts[1];
    const textUri = fileUri(path.join(corpus.dir, ...text.textPath.split('/')));
    const content = readFileSync(path.join(corpus.dir, ...text.textPath.split('/')), 'utf8');
    const position = positionAt(content, text.hoverTargets[0].start);
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 === 0
          ? client.requestAndCancel('workspace/symbol', { query: i % 4 === 0 ? '' : 'zq' })
          : client.requestAndCancel('textDocument/references', { textDocument: { uri: textUri }, position, context: { includeDeclaration: true } })
        ).then(() => 'answered', codeOf),
      ),
    );
    assert.deepEqual(outcomes.filter((o) => o !== 'answered' && o !== LSPErrorCodes.RequestCancelled), []);
    assert.ok(outcomes.includes(LSPErrorCodes.RequestCancelled));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: textUri }, position });
    assert.match((hover.contents as MarkupContent).value, new RegExp(corpus.manifest.actorNames[text.hoverTargets[0].actorId].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });
});

function indexingEnded(client: LspTestClient): boolean {
  return client.received.some((m) => m.method === '$/progress' && (m.params as { value: { kind: string } }).value.kind === 'end');
}
