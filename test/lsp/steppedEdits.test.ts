// Issue 13 over real JSON-RPC: an edit in an annotation file of thousands of
// claims, made after indexing, is parsed on a worker and entered in steps;
// a hover over another text is answered while it is, a newer edit wins (no
// diagnostics of the stale version are ever published), and paranoid mode
// finds the result equal to a rebuild.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover, LogMessageParams, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { createTempWorkspace, type TempWorkspace } from '../helpers/tempWorkspace';
import { positionAt } from './corpusWorkspace';
import { fileUri, LspTestClient } from './lspTestClient';

const ACTORS = 'actors:\n  - id: india\n    name: India\n    kind: state\n    aliases: [India]\n';
const CONTROL_TEXT = 'India said the border is calm.\n';
const CONTROL = 'text: texts/control.txt\nclaims:\n  - id: control-calm\n    claimant: india\n    quote: the border is calm\n';
/** Hostile case #5 at half its size: 4,000 claims identical but for their ids (about 220 KB, parsed on a worker). */
const BIG = ['text: texts/big.txt', 'claims:', ...Array.from({ length: 4000 }, (_, i) => [`  - id: same-${i}`, '    claimant: india', '    quote: The border is calm']).flat(), ''].join('\n');
/** The first claim's claimant (its diagnostics come first: a file's problems are capped). */
const FIRST_CLAIMANT = BIG.indexOf('claimant: india') + 'claimant: '.length;

describe('edits after indexing in a large annotation file (issue 13)', () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  let reportFile: string;
  const uri = (relative: string) => fileUri(path.join(workspace.dir, 'annotations', relative));
  const hoverOverControl = () => client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('texts/control.txt') }, position: { line: 0, character: 2 } });
  /** Every publication of the big file's diagnostics since `mark`, as the messages of its unknown-actor diagnostics. */
  const published = (mark: number) =>
    client.received
      .slice(mark)
      .filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishDiagnosticsParams).uri === uri('big.yaml'))
      .map((m) => m.params as PublishDiagnosticsParams);

  before(async () => {
    workspace = createTempWorkspace({
      'annotations/actors.yaml': ACTORS,
      'annotations/control.yaml': CONTROL,
      'annotations/texts/control.txt': CONTROL_TEXT,
      'annotations/texts/big.txt': 'The border is calm, said India.\n',
      'annotations/big.yaml': BIG,
    });
    reportFile = path.join(workspace.dir, '..', `${path.basename(workspace.dir)}-paranoid.log`);
    ({ client } = await LspTestClient.start({ workspaceFolder: workspace.dir, pullDiagnostics: false, env: { POLICY_ANNOTATOR_PARANOID: '1', POLICY_ANNOTATOR_PARANOID_LOG: reportFile } }));
    await client.waitForMessage('$/progress', 0, (params) => (params as { value: { kind: string } }).value.kind === 'end');
    await client.open(uri('big.yaml'), BIG);
  });

  after(async () => {
    await client?.stop();
    workspace?.dispose();
    rmSync(reportFile, { force: true });
  });

  it('answers a hover over another text while a one-character edit is applied, then publishes the new diagnostics', async () => {
    const mark = client.mark();
    await client.change(uri('big.yaml'), { start: positionAt(BIG, FIRST_CLAIMANT), end: positionAt(BIG, FIRST_CLAIMANT + 1) }, 'X');
    const hover = await hoverOverControl();
    assert.match((hover.contents as MarkupContent).value, /India/);
    assert.deepEqual(published(mark), [], 'the hover was answered before the edit’s diagnostics were published');
    const diagnostics = await client.waitForPushedDiagnostics(uri('big.yaml'), (d) => d.some((x) => x.code === 'unknown-actor'), 'with the edited claimant');
    assert.match(String(diagnostics.find((d) => d.code === 'unknown-actor')!.message), /`Xndia`/);
    assert.equal(published(mark).at(-1)!.version, 2, 'published for the version edited');
  });

  it('lets a newer edit win: no diagnostics of the stale version are published, and paranoid mode finds no difference', async () => {
    const current = BIG.slice(0, FIRST_CLAIMANT) + 'X' + BIG.slice(FIRST_CLAIMANT + 1);
    const mark = client.mark();
    // Two edits in a row, the second before the first can be applied: `Xndia` → `Yndia` → `Zndia`.
    void client.change(uri('big.yaml'), { start: positionAt(current, FIRST_CLAIMANT), end: positionAt(current, FIRST_CLAIMANT + 1) }, 'Y');
    await client.change(uri('big.yaml'), { start: positionAt(current, FIRST_CLAIMANT), end: positionAt(current, FIRST_CLAIMANT + 1) }, 'Z');
    await client.waitForPushedDiagnostics(uri('big.yaml'), (d) => d.some((x) => String(x.message).includes('`Zndia`')), 'with the newest claimant');
    const messages = published(mark).flatMap((p) => p.diagnostics.map((d) => String(d.message)));
    assert.ok(!messages.some((message) => message.includes('`Yndia`')), 'nothing of the stale version was published');
    assert.ok(published(mark).every((p) => p.version === 4), 'every publication is of the newest version');
    await client.waitForMessage('window/logMessage', mark, (params) => /no difference/.test((params as LogMessageParams).message) && (params as LogMessageParams).message.includes('big.yaml'));
    const reports = client.received.filter((m) => m.method === 'window/logMessage' && (m.params as LogMessageParams).type === 1).map((m) => (m.params as LogMessageParams).message);
    assert.deepEqual(reports, [], 'paranoid mode reported no difference');
  });
});
