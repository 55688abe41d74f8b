import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { fixtureOnDisk } from '../helpers/fixture';
import { yaml } from '../helpers/memoryWorkspace';
import type { TempWorkspace } from '../helpers/tempWorkspace';
import { positionAt } from './corpusWorkspace';
import { fileUri, LspTestClient } from './lspTestClient';

const TEXT = 'The Indian Army and the Chinese army clashed. Both sides withdrew to the Indian Ocean coast.\n';
const ACTORS = yaml('actors:', '  - id: india', '    name: India', '    kind: state', '    aliases: [Indian]', '  - id: china', '    name: China', '    kind: state', '    aliases: [Chinese]');
const ANNOTATION = yaml('text: texts/a.txt', 'suppress:', '  - quote: Indian Ocean', '    note: a sea, not the state', 'mentions:', '  - actor: [india, china]', '    quote: Both sides');

describe('suppressions and mentions of several actors over LSP', () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  const uri = (relative: string) => fileUri(path.join(workspace.dir, relative));
  const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));
  const hoverText = async (offset: number) => {
    const found = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri('annotations/texts/a.txt') }, position: positionAt(TEXT, offset) });
    assert.ok(found, 'a hover');
    return (found.contents as MarkupContent).value;
  };

  before(async () => {
    workspace = fixtureOnDisk({ 'annotations/actors.yaml': ACTORS, 'annotations/texts/a.txt': TEXT, 'annotations/a.yaml': ANNOTATION });
    ({ client } = await LspTestClient.start({ workspaceFolder: workspace.dir, pullDiagnostics: false }));
    await client.waitForMessage('$/progress', 0, (params) => (params as { value: { kind: string } }).value.kind === 'end');
  });

  after(async () => {
    await client?.stop();
    workspace?.dispose();
  });

  it('hovers over a suppressed span with its note, and over a mention with every actor it names', async () => {
    const suppressed = await hoverText(TEXT.indexOf('Ocean'));
    assert.match(suppressed, /Suppressed \(annotations\/a\.yaml:3\): aliases inside this span are not mentions/);
    assert.match(suppressed, /a sea, not the state/);
    const both = await hoverText(TEXT.indexOf('Both sides') + 1);
    assert.match(both, /\*\*India\*\*/);
    assert.match(both, /\*\*China\*\*/);
  });

  it('finds the references of an id inside a list, the text span included', async () => {
    const offset = ANNOTATION.indexOf('china]');
    const locations = await client.request<Location[]>('textDocument/references', { textDocument: { uri: uri('annotations/a.yaml') }, position: positionAt(ANNOTATION, offset), context: { includeDeclaration: true } });
    const places = locations.map((l) => `${path.basename(l.uri)}:${l.range.start.line}`).sort();
    assert.deepEqual(places, ['a.txt:0', 'a.txt:0', 'a.yaml:5', 'actors.yaml:5'], 'the definition, the list item, "Chinese" and "Both sides"');
  });

  it('reports a suppression edited to anchor nowhere, then one that suppresses nothing, as the user types', async () => {
    const annotationUri = uri('annotations/a.yaml');
    await client.open(annotationUri, ANNOTATION);
    const at = ANNOTATION.indexOf('Indian Ocean');
    await client.change(annotationUri, { start: positionAt(ANNOTATION, at), end: positionAt(ANNOTATION, at + 'Indian'.length) }, 'Pacific');
    await client.waitForPushedDiagnostics(annotationUri, (d) => codes(d).includes('quote-not-found'), 'the unanchored suppression');
    const edited = ANNOTATION.replace('Indian Ocean', 'Pacific Ocean');
    const pacific = edited.indexOf('Pacific Ocean');
    await client.change(annotationUri, { start: positionAt(edited, pacific), end: positionAt(edited, pacific + 'Pacific Ocean'.length) }, 'coast');
    const diagnostics = await client.waitForPushedDiagnostics(annotationUri, (d) => codes(d).includes('suppress-unused') && !codes(d).includes('quote-not-found'), 'the useless suppression');
    assert.equal(diagnostics.find((d) => d.code === 'suppress-unused')!.severity, 4, 'a hint');
    await client.close(annotationUri);
  });
});
