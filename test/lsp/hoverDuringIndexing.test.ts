import assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { createTempWorkspace, type TempWorkspace } from '../helpers/tempWorkspace';
import { fileUri, LspTestClient } from './lspTestClient';

const ACTORS = 'actors:\n  - id: india\n    name: India\n    kind: state\n    aliases: [India]\n';
const CONTROL_TEXT = 'India said the border is calm.\n';
const CONTROL = 'text: texts/control.txt\nclaims:\n  - id: control-calm\n    claimant: india\n    quote: the border is calm\n';
/** Issue 13, #7 at a tenth of its size: a long text and 100 quotes that are nowhere in it, each searched approximately. */
const LOST_TEXT = 'The committee met on Tuesday and discussed the border, the trade talks and the water treaty. '.repeat(1_200);
const LOST = ['text: texts/lost.txt', 'claims:', ...Array.from({ length: 100 }, (_, i) => [`  - id: c${i}`, '    claimant: india', `    quote: "Quite unrelated words number ${i} that the article never says about zebras and violins"`]).flat(), ''].join('\n');
/** Issue 13, #5 at half its size: 4,000 claims identical but for their ids, one large annotation file (about 220 KB). */
const IDENTICAL = ['text: texts/identical.txt', 'claims:', ...Array.from({ length: 4_000 }, (_, i) => [`  - id: same-${i}`, '    claimant: india', '    quote: The border is calm']).flat(), ''].join('\n');

const isEnd = (message: { method: string; params: unknown }) => message.method === '$/progress' && (message.params as { value: { kind: string } }).value.kind === 'end';

describe('a hover right after the folder opens, while a hostile workspace indexes', () => {
  let workspace: TempWorkspace | undefined;
  let client: LspTestClient | undefined;

  afterEach(async () => {
    await client?.stop();
    workspace?.dispose();
  });

  async function hoverRightAfterInitialized(files: Record<string, string>): Promise<{ card: string; answeredBeforeIndexingEnded: boolean }> {
    workspace = createTempWorkspace(files);
    const controlUri = fileUri(path.join(workspace.dir, 'annotations', 'texts', 'control.txt'));
    ({ client } = await LspTestClient.start({ workspaceFolder: workspace.dir, pullDiagnostics: false }));
    void client.open(controlUri, CONTROL_TEXT);
    // A hover waits a few milliseconds at most for its files; until they are indexed it has no card. Ask again until it has one, as a
    // user moving the mouse does (each answer paces the next), or until the indexing ends.
    let hover: Hover | null = null;
    let answeredBeforeIndexingEnded = false;
    for (let asked = 0; !hover && asked < 1_000; asked++) {
      const ended = client.received.some(isEnd);
      hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: controlUri }, position: { line: 0, character: 2 } });
      if (hover) answeredBeforeIndexingEnded = !ended && !client.received.some(isEnd);
      if (ended) break;
    }
    // The indexing does end, after the answer.
    await client.waitUntil('the end of indexing', () => client!.received.some(isEnd));
    assert.ok(hover, 'the hover has an answer, not null');
    return { card: (hover.contents as MarkupContent).value, answeredBeforeIndexingEnded };
  }

  it('gives the India card while the lost quotes of another text are still searched', async () => {
    const { card, answeredBeforeIndexingEnded } = await hoverRightAfterInitialized({
      'annotations/actors.yaml': ACTORS,
      'annotations/control.yaml': CONTROL,
      'annotations/texts/control.txt': CONTROL_TEXT,
      'annotations/texts/lost.txt': LOST_TEXT,
      'annotations/lost.yaml': LOST,
    });
    assert.ok(answeredBeforeIndexingEnded, 'the card came before the indexing ended');
    assert.match(card, /\*\*India\*\*/);
    // The files the hovered text needs (its annotation file, the small files with actors) were indexed first.
    assert.match(card, /still indexing: 1 file left/);
  });

  it('gives the India card, with a note, before a large annotation file is parsed', async () => {
    const { card, answeredBeforeIndexingEnded } = await hoverRightAfterInitialized({
      'annotations/actors.yaml': ACTORS,
      'annotations/control.yaml': CONTROL,
      'annotations/texts/control.txt': CONTROL_TEXT,
      'annotations/texts/identical.txt': 'The border is calm, said India.\n',
      'annotations/identical.yaml': IDENTICAL,
    });
    assert.ok(answeredBeforeIndexingEnded, 'the card came before the indexing ended');
    assert.match(card, /\*\*India\*\*/);
    assert.match(card, /still indexing: 1 file left/, 'the large file may still change the card, and the card says so');
  });
});
