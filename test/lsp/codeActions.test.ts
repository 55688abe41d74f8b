import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ApplyWorkspaceEditParams, CodeAction, Diagnostic, DocumentDiagnosticReport, ShowMessageRequestParams, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { fixture, fixtureOnDisk, openFixture } from '../helpers/fixture';
import type { TempWorkspace } from '../helpers/tempWorkspace';
import { serveWorkspace, type LspTestClient } from './lspTestClient';

// Two actors that share the ISI's name, comments the fixes must keep, and a claim with a misspelt claimant.
const FILES = fixture(`
-- annotations/texts/article.txt --
The ISI backs the Taliban. Imran Khan said the Taliban are “normal civilians.” The ISI denies it.
-- annotations/actors.yaml --
# registry
actors:
  - id: isi   # the agency
    name: Inter-Services Intelligence
    kind: intelligence-agency
    aliases: [ISI]
  - id: inter-services
    name: ISI duplicate
    kind: intelligence-agency
    aliases: [Inter-Services]
  - id: taliban
    name: Afghan Taliban
    kind: armed-group
    aliases: [Taliban]
  - id: imran-khan
    name: Imran Khan
    kind: person
    aliases: [Imran Khan]
-- annotations/claims.yaml --
text: texts/article.txt
claims:
  - id: c1   # keep this comment
    claimant: imran-kahn
    quote: The ISI
    about: [inter-services]
`);
const ACTORS = FILES['annotations/actors.yaml'];
const CLAIMS = FILES['annotations/claims.yaml'];

/** Applies LSP text edits to a text. */
function applyTextEdits(text: string, edits: TextEdit[]): string {
  const offset = (line: number, character: number) => {
    const lines = text.split('\n');
    return lines.slice(0, line).reduce((sum, l) => sum + l.length + 1, 0) + character;
  };
  const sorted = edits.map((e, i) => ({ e, i, start: offset(e.range.start.line, e.range.start.character), end: offset(e.range.end.line, e.range.end.character) }))
    .sort((a, b) => b.start - a.start || b.i - a.i);
  for (const { e, start, end } of sorted) text = text.slice(0, start) + e.newText + text.slice(end);
  return text;
}

function editsFor(action: CodeAction, uri: string): TextEdit[] {
  return (action.edit?.documentChanges as TextDocumentEdit[]).filter((c) => c.textDocument.uri === uri).flatMap((c) => c.edits as TextEdit[]);
}

describe('code actions over LSP', () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  let claimsUri: string;
  let actorsUri: string;

  const session = serveWorkspace(() => fixtureOnDisk(FILES), { pullDiagnostics: true, ready: async () => undefined });
  before(async () => {
    ({ workspace, client } = session);
    const opened = await openFixture(client, workspace.dir, { 'annotations/claims.yaml': CLAIMS, 'annotations/actors.yaml': ACTORS });
    claimsUri = opened['annotations/claims.yaml'];
    actorsUri = opened['annotations/actors.yaml'];
  });

  async function diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    return report.kind === 'full' ? report.items : [];
  }

  async function actionsAt(uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], ...(only ? { only } : {}) } });
  }

  it('offers did-you-mean and a stub for an unknown actor, as minimal versioned edits', async () => {
    const unknown = (await diagnostics(claimsUri)).find((d) => d.code === 'unknown-actor')!;
    const actions = await actionsAt(claimsUri, unknown, ['quickfix']);
    assert.deepEqual(actions.map((a) => a.title), ['Change to `imran-khan`', 'Create actor `imran-kahn` in actors.yaml']);
    assert.equal(actions[0].isPreferred, true);
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal((actions[0].edit!.documentChanges![0] as TextDocumentEdit).textDocument.version, 1);
    assert.equal(applyTextEdits(CLAIMS, editsFor(actions[0], claimsUri)), CLAIMS.replace('imran-kahn', 'imran-khan'));
    const withStub = applyTextEdits(ACTORS, editsFor(actions[1], actorsUri));
    assert.ok(withStub.startsWith(ACTORS), 'the registry only grows at its end');
    assert.match(withStub.slice(ACTORS.length), /^ {2}- id: imran-kahn\n/);
  });

  it('offers removing an unused alias as a suggestion only: not preferred, so no auto-fix applies it', async () => {
    const unused = (await diagnostics(actorsUri)).find((d) => d.code === 'alias-unused')!;
    assert.ok(unused, 'Inter-Services occurs in no text');
    const actions = await actionsAt(actorsUri, unused, ['quickfix']);
    assert.deepEqual(actions.map((a) => a.title), ['Remove the unused alias "Inter-Services"']);
    assert.equal(actions[0].isPreferred, undefined);
    assert.equal(applyTextEdits(ACTORS, editsFor(actions[0], actorsUri)), ACTORS.replace('aliases: [Inter-Services]', 'aliases: []'));
  });

  it('offers one disambiguation per occurrence of an ambiguous quote', async () => {
    const ambiguous = (await diagnostics(claimsUri)).find((d) => d.code === 'quote-ambiguous')!;
    const actions = await actionsAt(claimsUri, ambiguous);
    const anchors = actions.filter((a) => a.title.startsWith('Anchor to occurrence'));
    assert.equal(anchors.length, 2);
    const fixed = applyTextEdits(CLAIMS, editsFor(anchors[1], claimsUri));
    assert.match(fixed, /# keep this comment/);
    await client.change(claimsUri, { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } }, fixed);
    assert.deepEqual((await diagnostics(claimsUri)).filter((d) => d.code === 'quote-ambiguous'), []);
  });

  it('offers "Merge actor into…" on an actor definition, and merges through the client', async () => {
    const position = { line: 6, character: 10 };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: actorsUri }, range: { start: position, end: position }, context: { diagnostics: [], only: ['refactor'] } });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Merge actor `inter-services` into `isi`'), titles.join('\n'));
    assert.ok(titles.includes('Merge actor `inter-services` into…'));
    const direct = actions.find((a) => a.title === 'Merge actor `inter-services` into `isi`')!;
    const merged = applyTextEdits(ACTORS, editsFor(direct, actorsUri));
    assert.match(merged, /aliases: \[ISI, Inter-Services\]/);
    assert.doesNotMatch(merged, /id: inter-services/);

    let asked: ShowMessageRequestParams | undefined;
    let applied: ApplyWorkspaceEditParams | undefined;
    client.answer = (method, params) => {
      if (method === 'window/showMessageRequest') {
        asked = params as ShowMessageRequestParams;
        return { title: 'isi' };
      }
      if (method === 'workspace/applyEdit') {
        applied = params as ApplyWorkspaceEditParams;
        return { applied: true };
      }
      return undefined;
    };
    const command = actions.find((a) => a.title === 'Merge actor `inter-services` into…')!.command!;
    const result = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: command.command, arguments: command.arguments });
    assert.deepEqual(result, { applied: true });
    assert.ok(asked?.actions?.some((a) => a.title === 'isi'));
    const changes = applied!.edit.documentChanges as TextDocumentEdit[];
    assert.ok(changes.some((c) => c.textDocument.uri === claimsUri), 'references in other files are rewritten too');
  });

  it('asks the editor to refresh semantic tokens when the annotations change', async () => {
    const since = client.mark();
    const withAlias = ACTORS.replace('aliases: [Taliban]', 'aliases: [Taliban, the group]');
    await client.change(actorsUri, { start: { line: 0, character: 0 }, end: { line: ACTORS.split('\n').length - 1, character: 0 } }, withAlias);
    await client.waitForMessage('workspace/semanticTokens/refresh', since);
  });

  it('refuses to merge an unknown actor with a clear error, and keeps serving', async () => {
    await assert.rejects(client.request('workspace/executeCommand', { command: 'policyAnnotator.mergeActor', arguments: ['nobody', 'isi'] }), /No actor has the id `nobody`/);
    assert.ok((await diagnostics(claimsUri)).length >= 0);
  });
});
