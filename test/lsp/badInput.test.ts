// The bad-input suite through the language server, spawned over stdio:
// diagnostics for every bad file (pushed and pulled), every feature answers
// on every bad file without an error, the server keeps answering hovers on
// good files afterwards, nothing refused is ever echoed, and its stderr has
// no uncaught exception.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { LSPErrorCodes, ResponseError, type Diagnostic, type DocumentDiagnosticReport, type Hover, type LocationLink, type MarkupContent, type Position } from 'vscode-languageserver-protocol';
import { ANCHORED_CLAIMS, CLEAN_FILES, EXPECTED } from '../robustness/badInputExpectations';
import { CANARY, createBadInputWorkspace, type BadInputWorkspace } from '../robustness/badInputWorkspace';
import { positionAt, textIn } from './corpusWorkspace';
import { fileUri, serveWorkspace, type LspTestClient } from './lspTestClient';

const indexed = (client: LspTestClient) => client.waitForMessage('$/progress', 0, (params) => (params as { value: { kind: string } }).value.kind === 'end');

const matches = (diagnostics: Diagnostic[], expected: (typeof EXPECTED)[number]) =>
  diagnostics.some((d) => d.code === expected.code && d.range.start.line === expected.line - 1 && expected.fix.test(String(d.message)));

/** Nothing the server sent, or wrote to stderr, may hold the canary; nothing may be an uncaught exception or a failed handler. */
function assertServerHealthy(client: LspTestClient): void {
  assert.ok(!JSON.stringify(client.received).includes(CANARY), 'no message from the server echoes a refused file');
  assert.ok(!client.stderr.includes(CANARY), 'stderr never echoes a refused file');
  assert.doesNotMatch(client.stderr, /Uncaught|Unhandled|TypeError|RangeError|ReferenceError|FATAL|heap out of memory/, `stderr:\n${client.stderr}`);
  const failures = client.received.filter((m) => m.method === 'window/logMessage' && (m.params as { type: number }).type === 1);
  assert.deepEqual(failures.map((m) => (m.params as { message: string }).message), [], 'no handler failed');
  assert.equal(client.child.exitCode, null, 'the server is still running');
}

/** Serves a fresh bad-input workspace to a suite; after its tests, checks that the server stayed healthy. */
function serveBadInput(options: { large: boolean; pullDiagnostics: boolean }): { workspace: BadInputWorkspace; client: LspTestClient } {
  return serveWorkspace(() => createBadInputWorkspace({ large: options.large }), { pullDiagnostics: options.pullDiagnostics, ready: indexed, beforeStop: assertServerHealthy });
}

/** The text a claim's quote must cover: found by going to the definition from the quote in YAML. */
function quotePosition(yaml: string, claimId: string): Position {
  const idAt = yaml.indexOf(`id: ${claimId}`);
  assert.ok(idAt >= 0, claimId);
  const quoteAt = yaml.indexOf('quote: ', idAt);
  return positionAt(yaml, quoteAt + 'quote: '.length + 1);
}

for (const mode of ['push', 'pull'] as const) {
  describe(`the language server on bad input (${mode} diagnostics)`, () => {
    let workspace: BadInputWorkspace;
    let client: LspTestClient;
    const uri = (relative: string) => fileUri(workspace.path(relative));

    const diagnosticsOf = async (relative: string, predicate: (d: Diagnostic[]) => boolean, description: string): Promise<Diagnostic[]> => {
      if (mode === 'push') return client.waitForPushedDiagnostics(uri(relative), predicate, description);
      const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uri(relative) } });
      assert.equal(report.kind, 'full');
      return report.kind === 'full' ? report.items : [];
    };

    // The push run also has the 50 MB text and the 20 MB annotation file; the pull run does without, to keep the suite fast.
    const session = serveBadInput({ large: mode === 'push', pullDiagnostics: mode === 'pull' });
    before(() => ({ workspace, client } = session));

    for (const expected of mode === 'push' ? EXPECTED : EXPECTED.filter((e) => !/generated-big|big-text/.test(e.file))) {
      it(`${expected.file}:${expected.line} — ${expected.code}`, async () => {
        const found = await diagnosticsOf(expected.file, (d) => matches(d, expected), `with ${expected.code} on line ${expected.line}`).catch((error: unknown) => {
          const pushed = client.pushed.get(uri(expected.file)) ?? [];
          throw new Error(`${String(error)}\nLatest:\n${pushed.map((d) => `  ${d.range.start.line + 1} ${String(d.code)}: ${d.message}`).join('\n')}`);
        });
        assert.ok(matches(found, expected), found.map((d) => `${d.range.start.line + 1} ${String(d.code)}: ${d.message}`).join('\n'));
      });
    }

    it('has no errors or warnings on the inputs that only look odd', async () => {
      for (const file of CLEAN_FILES) {
        const found = await diagnosticsOf(file, () => true, 'at all');
        assert.deepEqual(found.filter((d) => d.severity === 1 || d.severity === 2).map((d) => String(d.message)), [], file);
      }
    });

    it('anchors quotes exactly across CRLF, mixed line endings, a byte-order mark, astral characters and combining marks', async () => {
      for (const [file, claimId, expectedText] of ANCHORED_CLAIMS) {
        const yaml = readFileSync(workspace.path(file), 'utf8').replace(/^\ufeff/, '');
        const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: uri(file) }, position: quotePosition(yaml, claimId) });
        assert.equal(links?.length, 1, `${file} ${claimId}: ${JSON.stringify(links)}`);
        const text = readFileSync(new URL(links[0].targetUri), 'utf8').replace(/^\ufeff/, '');
        assert.equal(textIn(text, links[0].targetSelectionRange), expectedText, `${file} ${claimId}`);
      }
    });

    it('hovers over a mention that follows astral characters, with UTF-16 positions', async () => {
      const text = readFileSync(workspace.path('annotations/texts/astral.txt'), 'utf8');
      const at = text.indexOf('Zoe\u0308');
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('annotations/texts/astral.txt') }, position: positionAt(text, at + 1) });
      assert.match((hover.contents as MarkupContent).value, /Zoë/);
      assert.equal(textIn(text, hover.range!), 'Zoe\u0308');
    });

    if (mode === 'push') {
      it('answers every request on every bad file opened in the editor, without an error', async () => {
        // Not the link out of the workspace: an editor that opens it shows (and sends) the outside file's content itself.
        const files = EXPECTED.map((e) => e.file).filter((file, i, all) => all.indexOf(file) === i && !/generated-big|generated-linked-out/.test(file));
        const requests: [string, (position: Position, fileUri: string) => unknown][] = [
          ['textDocument/hover', (position, u) => ({ textDocument: { uri: u }, position })],
          ['textDocument/definition', (position, u) => ({ textDocument: { uri: u }, position })],
          ['textDocument/references', (position, u) => ({ textDocument: { uri: u }, position, context: { includeDeclaration: true } })],
          ['textDocument/documentHighlight', (position, u) => ({ textDocument: { uri: u }, position })],
          ['textDocument/completion', (position, u) => ({ textDocument: { uri: u }, position })],
          ['textDocument/prepareRename', (position, u) => ({ textDocument: { uri: u }, position })],
          ['textDocument/codeAction', (position, u) => ({ textDocument: { uri: u }, range: { start: position, end: position }, context: { diagnostics: client.pushed.get(u) ?? [] } })],
        ];
        const whole: [string, (u: string) => unknown][] = [
          ['textDocument/documentSymbol', (u) => ({ textDocument: { uri: u } })],
          ['textDocument/documentLink', (u) => ({ textDocument: { uri: u } })],
          ['textDocument/semanticTokens/full', (u) => ({ textDocument: { uri: u } })],
        ];
        const failures: string[] = [];
        const ask = async (method: string, params: unknown) => {
          await client.request(method, params).catch((error: unknown) => {
          // prepareRename refuses where there is nothing to rename (RequestFailed): that is an answer, not a failure.
          if (error instanceof ResponseError && error.code === LSPErrorCodes.RequestFailed && method === 'textDocument/prepareRename') return;
          failures.push(`${method} ${JSON.stringify(params).slice(0, 200)}: ${error instanceof ResponseError ? error.message : String(error)}`);
        });
        };
        for (const file of files) {
          const u = uri(file);
          // As the editor shows it: binary and non-UTF-8 files decoded leniently, so the buffer holds what the disk check refused.
          const content = readFileSync(workspace.path(file)).toString('latin1');
          await client.open(u, content, 'yaml');
          const lines = content.split(/\r\n|\r|\n/);
          for (let line = 0; line < Math.min(lines.length, 40); line++) {
            for (const character of new Set([0, Math.floor(lines[line].length / 2), lines[line].length])) {
              for (const [method, params] of requests) await ask(method, params({ line, character }, u));
            }
          }
          for (const [method, params] of whole) await ask(method, params(u));
          await client.close(u);
        }
        await ask('workspace/symbol', { query: '' });
        assert.deepEqual(failures, []);
      });

      it('refuses an open buffer over the size limit as it refuses the file on disk', async () => {
        const big = `# ${'x'.repeat(5 * 1024 * 1024)}\nactors: []\n`;
        const u = uri('annotations/limits/opened-big.yaml');
        await client.open(u, big, 'yaml');
        await client.waitForPushedDiagnostics(u, (d) => d.some((x) => x.code === 'file-unreadable' && /above the limit of 5\.0 MB/.test(String(x.message))), 'refusing the buffer');
        await client.close(u);
      });
    }

    it('keeps answering hovers on good files afterwards', async () => {
      const text = readFileSync(workspace.path('annotations/texts/good.txt'), 'utf8');
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('annotations/texts/good.txt') }, position: positionAt(text, text.indexOf('ISI') + 1) });
      assert.match((hover.contents as MarkupContent).value, /Inter-Services Intelligence/);
      assertServerHealthy(client);
    });
  });
}

describe('files deleted, renamed or changed on disk while open', () => {
  let workspace: BadInputWorkspace;
  let client: LspTestClient;
  const uri = (relative: string) => fileUri(workspace.path(relative));
  const codes = (relative: string) => (client.pushed.get(uri(relative)) ?? []).map((d) => String(d.code));
  let text: string;
  const hoverIsi = async () => {
    return client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri('annotations/texts/good.txt') }, position: positionAt(text, text.indexOf('ISI') + 1) });
  };

  const session = serveBadInput({ large: false, pullDiagnostics: false });
  before(() => {
    ({ workspace, client } = session);
    text = readFileSync(workspace.path('annotations/texts/good.txt'), 'utf8');
  });

  it('an open annotation file changed on disk: the buffer wins until it is closed, then the disk counts', async () => {
    const file = 'annotations/good.yaml';
    const original = readFileSync(workspace.path(file), 'utf8');
    await client.open(uri(file), original, 'yaml');
    workspace.write(file, original.replace('claimant: isi', 'claimant: nobody-on-disk'));
    await client.filesChangedOnDisk([{ uri: uri(file), type: 'changed' }]);
    // The disk change is not applied while the buffer is open: a hover still sees the buffer's claim.
    assert.ok(await hoverIsi());
    assert.ok(!codes(file).includes('unknown-actor'));
    await client.close(uri(file));
    await client.waitForPushedDiagnostics(uri(file), (d) => d.some((x) => x.code === 'unknown-actor' && /nobody-on-disk/.test(String(x.message))), 'from the file on disk after closing');
    workspace.write(file, original);
    await client.filesChangedOnDisk([{ uri: uri(file), type: 'changed' }]);
    await client.waitForPushedDiagnostics(uri(file), (d) => !d.some((x) => x.code === 'unknown-actor'), 'back to the original');
  });

  it('an open annotation file deleted on disk: kept while open, gone when closed', async () => {
    const file = 'annotations/still-checked.yaml';
    const original = readFileSync(workspace.path(file), 'utf8');
    await client.open(uri(file), original, 'yaml');
    await client.waitForPushedDiagnostics(uri(file), (d) => d.some((x) => x.code === 'unknown-actor'), 'while open');
    workspace.remove(file);
    await client.filesChangedOnDisk([{ uri: uri(file), type: 'deleted' }]);
    assert.equal((await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: uri(file) } })).length > 0, true, 'the buffer is still served');
    await client.close(uri(file));
    await client.waitForPushedDiagnostics(uri(file), (d) => d.length === 0, 'cleared once the deleted file is closed');
  });

  it('an open text renamed on disk: the annotation pointing at the old name reports it missing once the text is closed', async () => {
    const text = 'annotations/texts/good.txt';
    const content = readFileSync(workspace.path(text), 'utf8');
    await client.open(uri(text), content, 'plaintext');
    workspace.rename(text, 'annotations/texts/good-renamed.txt');
    await client.filesChangedOnDisk([{ uri: uri(text), type: 'deleted' }, { uri: uri('annotations/texts/good-renamed.txt'), type: 'created' }]);
    assert.ok(await hoverIsi(), 'the open buffer still answers');
    assert.ok(!codes('annotations/good.yaml').includes('text-not-found'));
    await client.close(uri(text));
    await client.waitForPushedDiagnostics(uri('annotations/good.yaml'), (d) => d.some((x) => x.code === 'text-not-found' && /was not found/.test(String(x.message))), 'the text is gone');
    workspace.rename('annotations/texts/good-renamed.txt', text);
    await client.filesChangedOnDisk([{ uri: uri(text), type: 'created' }, { uri: uri('annotations/texts/good-renamed.txt'), type: 'deleted' }]);
    await client.waitForPushedDiagnostics(uri('annotations/good.yaml'), (d) => !d.some((x) => x.code === 'text-not-found'), 'the text is back');
  });

  it('a file changed on disk into something unreadable, and back', async () => {
    const file = 'annotations/good.yaml';
    const original = readFileSync(workspace.path(file));
    workspace.writeBytes(file, Buffer.from([0x74, 0x65, 0x78, 0x74, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
    await client.filesChangedOnDisk([{ uri: uri(file), type: 'changed' }]);
    await client.waitForPushedDiagnostics(uri(file), (d) => d.some((x) => x.code === 'file-unreadable' && /not valid UTF-8/.test(String(x.message))), 'invalid UTF-8');
    workspace.writeBytes(file, original);
    await client.filesChangedOnDisk([{ uri: uri(file), type: 'changed' }]);
    await client.waitForPushedDiagnostics(uri(file), (d) => !d.some((x) => x.code === 'file-unreadable'), 'readable again');
    assert.ok(await hoverIsi());
  });
});
