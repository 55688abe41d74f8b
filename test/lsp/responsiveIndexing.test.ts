import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { createTempWorkspace, type TempWorkspace } from '../helpers/tempWorkspace';
import { fileUri, LspTestClient } from './lspTestClient';

const ACTORS = 'actors:\n  - id: india\n    name: India\n    kind: state\n    aliases: [India]\n';
const CONTROL_TEXT = 'India said the border is calm.\n';
const CONTROL = 'text: texts/control.txt\nclaims:\n  - id: control-calm\n    claimant: india\n    quote: the border is calm\n';
/** Issue 13, #7 at a tenth of its size: a long text and 100 quotes that are nowhere in it, each searched approximately. */
const HOSTILE_TEXT = 'The committee met on Tuesday and discussed the border, the trade talks and the water treaty. '.repeat(1_200);
const HOSTILE = [
  'text: texts/hostile.txt',
  'claims:',
  ...Array.from({ length: 100 }, (_, i) => [`  - id: c${i}`, '    claimant: india', `    quote: "Quite unrelated words number ${i} that the article never says about zebras and violins"`]).flat(),
  '',
].join('\n');

const indexed = (client: LspTestClient) => client.waitForMessage('$/progress', 0, (params) => (params as { value: { kind: string } }).value.kind === 'end');

describe('the server answers while it analyses a hostile annotation file', () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  const uri = (relative: string) => fileUri(path.join(workspace.dir, 'annotations', relative));

  before(async () => {
    workspace = createTempWorkspace({
      'annotations/actors.yaml': ACTORS,
      'annotations/control.yaml': CONTROL,
      'annotations/texts/control.txt': CONTROL_TEXT,
      // Indexed with no claims; the editor then opens the file with its 100 lost quotes, which the server analyses.
      'annotations/texts/hostile.txt': HOSTILE_TEXT,
      'annotations/hostile.yaml': 'text: texts/hostile.txt\nclaims: []\n',
    });
    ({ client } = await LspTestClient.start({ workspaceFolder: workspace.dir, pullDiagnostics: false }));
    await indexed(client);
  });

  after(async () => {
    await client?.stop();
    workspace?.dispose();
  });

  it('shows the actor card over the healthy text before the hostile quotes are anchored (the hover follows didOpen)', async () => {
    const hostileUri = uri('hostile.yaml');
    const lostQuotes = () => (client.pushed.get(hostileUri) ?? []).filter((d) => d.code === 'quote-not-found').length;
    void client.open(hostileUri, HOSTILE);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('texts/control.txt') }, position: { line: 0, character: 2 } });
    assert.match((hover.contents as MarkupContent).value, /India/);
    assert.equal(lostQuotes(), 0, 'the hover was answered while the hostile quotes were still being searched');
    await client.waitUntil('the hostile file’s diagnostics', () => lostQuotes() === 100);
    assert.equal(readFileSync(path.join(workspace.dir, 'annotations', 'texts', 'hostile.txt'), 'utf8'), HOSTILE_TEXT);
  });

  it('answers again while a comment added to the hostile file is analysed, and keeps its diagnostics', async () => {
    const hostileUri = uri('hostile.yaml');
    const before = client.pushed.get(hostileUri)!;
    const mark = client.mark();
    await client.change(hostileUri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '# reviewed\n');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('texts/control.txt') }, position: { line: 0, character: 2 } });
    assert.match((hover.contents as MarkupContent).value, /India/);
    const pushed = (await client.waitForMessage('textDocument/publishDiagnostics', mark, (params) => (params as { uri: string }).uri === hostileUri)) as { diagnostics: { code: string; range: { start: { line: number } } }[] };
    assert.equal(pushed.diagnostics.length, before.length);
    assert.deepEqual(pushed.diagnostics.map((d) => d.range.start.line), before.map((d) => d.range.start.line + 1), 'the same diagnostics, a line further down');
  });
});

const isEnd = (message: { method: string; params: unknown }) => message.method === '$/progress' && (message.params as { value: { kind: string } }).value.kind === 'end';

describe('a hover right after the folder opens, while its hostile part is still indexed', () => {
  let workspace: TempWorkspace | undefined;
  let client: LspTestClient | undefined;

  afterEach(async () => {
    await client?.stop();
    workspace?.dispose();
  });

  it('gives the card over the healthy text before the indexing ends, with a note, and the full card after', async () => {
    workspace = createTempWorkspace({
      'annotations/actors.yaml': ACTORS,
      'annotations/control.yaml': CONTROL,
      'annotations/texts/control.txt': CONTROL_TEXT,
      'annotations/texts/hostile.txt': `India. ${HOSTILE_TEXT}`,
      // Sorts before the control file: the small files are analysed first all the same.
      'annotations/a-hostile.yaml': HOSTILE,
    });
    const controlUri = fileUri(path.join(workspace.dir, 'annotations', 'texts', 'control.txt'));
    const hostileUri = fileUri(path.join(workspace.dir, 'annotations', 'a-hostile.yaml'));
    ({ client } = await LspTestClient.start({ workspaceFolder: workspace.dir, pullDiagnostics: false }));
    const params = { textDocument: { uri: controlUri }, position: { line: 0, character: 2 } };
    // No request waits for the indexing: until the control text is analysed a hover has no card. Ask again until
    // it has one, as a user moving the mouse does (each answer paces the next), or until the indexing ends.
    let card: string | undefined;
    let endedFirst = false;
    while (card === undefined && !endedFirst) {
      const hover = await client.request<Hover | null>('textDocument/hover', params);
      // Messages arrive in the order the server sent them: an end of indexing sent before this answer is in by now.
      endedFirst = client.received.some(isEnd);
      if (hover) card = (hover.contents as MarkupContent).value;
    }
    assert.equal(endedFirst, false, 'the card came before the indexing ended');
    assert.match(card!, /\*\*India\*\*/);
    assert.match(card!, /Mentioned in 0 other texts/, 'the hostile text, not analysed yet, is not counted');
    assert.match(card!, /Still indexing/);
    await client.waitUntil('the end of indexing', () => client!.received.some(isEnd));
    assert.equal((client.pushed.get(hostileUri) ?? []).filter((d) => d.code === 'quote-not-found').length, 100, 'the hostile file was analysed in full');
    const after = await client.request<Hover>('textDocument/hover', params);
    const full = (after.contents as MarkupContent).value;
    assert.match(full, /Mentioned in 1 other text\./);
    assert.doesNotMatch(full, /Still indexing/);
  });
});
