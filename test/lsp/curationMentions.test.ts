import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CreateFile, Diagnostic, DocumentDiagnosticReport, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { fixture, fixtureOnDisk, openFixture } from '../helpers/fixture';
import { createTempWorkspace, type TempWorkspace } from '../helpers/tempWorkspace';
import { fileUri, serveWorkspace, type LspTestClient } from './lspTestClient';

const ACTORS = `actors:
  - {id: isi, name: Inter-Services Intelligence, kind: intelligence-agency, aliases: [ISI]}
  - {id: taliban, name: Afghan Taliban, kind: armed-group, aliases: [Taliban]}
  - {id: imran-khan, name: Imran Khan, kind: person, aliases: [Imran Khan]}
`;
const ARTICLE = 'The ISI backs the Taliban. Imran Khan said the Taliban are “normal civilians.” The ISI denies it.\n';
const OTHER_TEXT = 'The generals in Rawalpindi stayed silent.\n';
const THEIR_OTHER = `text: texts/other.txt
# bob: the generals are the army
mentions:
  - {actor: isi, quote: The generals in Rawalpindi}
`;

/** The article, another text, the actors, and a claims file of the article with `annotation` after its `text:`; plus `extra` files. */
function workspaceWith(annotation: string, extra: Record<string, string> = {}) {
  const texts = { 'annotations/texts/article.txt': ARTICLE, 'annotations/texts/other.txt': OTHER_TEXT };
  return fixture(texts, { 'annotations/actors.yaml': ACTORS, 'annotations/claims.yaml': `text: texts/article.txt\n${annotation}` }, extra);
}
// I say "Imran Khan" names the Taliban (explicitly); for them it is the alias of imran-khan. Only they annotated
// other.txt: I started a file for it, with nothing in it yet.
const MINE = workspaceWith(`mentions:
  - actor: taliban   # unsure
    quote: Imran Khan
claims:
  - {id: c1, claimant: isi, stance: supports, quote: The ISI backs the Taliban.}
`, { 'annotations/other-mine.yaml': 'text: texts/other.txt\nclaims: []\n' });
const THEIRS = workspaceWith(`claims:
  - {id: b1, claimant: isi, stance: rejects, quote: The ISI backs the Taliban.}
`, { 'annotations/other.yaml': THEIR_OTHER });

describe('curation over LSP: mentions and texts only they annotated', () => {
  const session = serveWorkspace(() => fixtureOnDisk(MINE), { pullDiagnostics: true });
  let other: TempWorkspace;
  let client: LspTestClient;
  let dir: string;
  /** My open documents: the claims file, the article and the text only they annotated. */
  const uris = { claims: '', article: '', otherText: '' };
  before(async () => {
    ({ client } = session);
    dir = session.workspace.dir;
    other = createTempWorkspace(THEIRS);
    const paths = { claims: 'annotations/claims.yaml', article: 'annotations/texts/article.txt', otherText: 'annotations/texts/other.txt' } as const;
    const opened = await openFixture(client, dir, Object.fromEntries(Object.values(paths).map((relative) => [relative, MINE[relative]])));
    for (const [name, relative] of Object.entries(paths)) uris[name as keyof typeof paths] = opened[relative];
  });
  after(() => other?.dispose());

  async function diagnostics(uri: string, code: string): Promise<Diagnostic[]> {
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    return (report.kind === 'full' ? report.items : []).filter((d) => d.code === code);
  }

  async function action(uri: string, diagnostic: Diagnostic, title: RegExp): Promise<CodeAction> {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
    const found = actions.find((a) => title.test(a.title));
    assert.ok(found, `no action ${title} among ${JSON.stringify(actions.map((a) => a.title))}`);
    return found;
  }

  it('the answer counts the texts only they annotated', async () => {
    const result = await client.request<{ ok: boolean; differences: number; texts: number; message: string }>('policyAnnotator/compareWith', { folder: fileUri(dir), other: { kind: 'folder', uri: fileUri(other.dir) } });
    assert.equal(result.ok, true, result.message);
    // The stance, the mention of Imran Khan, and their mention in other.txt (which I reference, with nothing in it).
    assert.deepEqual([result.differences, result.texts], [3, 1]);
    assert.match(result.message, /3 differences; 1 text only .* annotated/);
  });

  it('a mention naming another actor shows on my explicit mention; "take their mention" replaces my actor, keeping my comment', async () => {
    const [differs] = await diagnostics(uris.claims, 'annotator-mention');
    assert.equal(differs.severity, 3);
    assert.match(String(differs.message), /mention here names `imran-khan` \(yours: `taliban`\)/);
    assert.deepEqual(differs.range.start, { line: 2, character: 11 });
    const take = await action(uris.claims, differs, /^Take .*'s mention: imran-khan$/);
    const [edit] = (take.edit!.documentChanges as TextDocumentEdit[]).flatMap((change) => change.edits as TextEdit[]);
    assert.equal(edit.newText, 'imran-khan');
    await client.change(uris.claims, edit.range, edit.newText);
    assert.deepEqual(await diagnostics(uris.claims, 'annotator-mention'), []);
  });

  it('a text only they annotated shows on my text; "take their annotation file" creates it, never overwriting', async () => {
    const [only] = await diagnostics(uris.otherText, 'annotator-text');
    assert.match(String(only.message), /annotated this text \(1 mention\) and you have not/);
    const take = await action(uris.otherText, only, /^Take .*'s annotation file of this text/);
    const [create, fill] = take.edit!.documentChanges as [CreateFile, TextDocumentEdit];
    assert.deepEqual(create, { kind: 'create', uri: fileUri(`${dir}/annotations/other.yaml`), options: { overwrite: false, ignoreIfExists: false } });
    assert.equal((fill.edits[0] as TextEdit).newText, THEIR_OTHER);
  });

  it('lists the texts only they annotated, and answers the edit that takes their file (or why not)', async () => {
    const listed = await client.request<{ path: string; claims: number; mentions: number; theirFiles: string[]; takeable: number }[]>('policyAnnotator/theirOnlyTexts', {});
    assert.deepEqual(listed, [{ path: 'annotations/texts/other.txt', claims: 0, mentions: 1, theirFiles: [fileUri(`${other.dir}/annotations/other.yaml`)], takeable: 1 }]);
    const taken = await client.request<{ edit?: { documentChanges: unknown[] }; message: string }>('policyAnnotator/takeTheirAnnotation', { path: 'annotations/texts/other.txt' });
    assert.equal(taken.edit?.documentChanges.length, 2);
    assert.match(taken.message, /Took .*annotation of `annotations\/texts\/other.txt`/);
    const unknown = await client.request<{ edit?: unknown; message: string }>('policyAnnotator/takeTheirAnnotation', { path: '../../etc/passwd' });
    assert.deepEqual(unknown.edit, undefined);
    assert.match(unknown.message, /is not a text only .* annotated/);
  });

  it('"keep mine" stays kept when the text is edited before the difference', async () => {
    const [differs] = await diagnostics(uris.claims, 'annotator-differs');
    const keep = await action(uris.claims, differs, /^Keep mine/);
    await client.request('workspace/executeCommand', { command: keep.command!.command, arguments: keep.command!.arguments });
    assert.deepEqual(await diagnostics(uris.claims, 'annotator-differs'), []);
    await client.change(uris.article, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'Preface. ');
    // The claim still anchors (its words moved), and the dismissed difference stays dismissed.
    assert.deepEqual(await diagnostics(uris.claims, 'annotator-differs'), []);
    assert.deepEqual(await diagnostics(uris.claims, 'quote-not-found'), []);
  });
});
