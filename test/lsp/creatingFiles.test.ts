import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { createTempWorkspace, type TempWorkspace } from '../helpers/tempWorkspace';
import { fileUri, serveWorkspace } from './lspTestClient';

// The paths of files the server offers to create come from workspace content: the annotation root of
// policy-annotator.yaml, another annotator's file layout. A hostile repository links those folders elsewhere.
const ARTICLE = 'The ISI backs the Taliban. Imran Khan said the Taliban are normal civilians.\n';
const ACTORS = 'actors:\n  - {id: isi, name: Inter-Services Intelligence, kind: intelligence-agency, aliases: [ISI]}\n';
const THEIR_OTHER = 'text: ../../texts/other.txt\nmentions:\n  - {actor: isi, quote: The generals}\n';
const OTHER_TEXT = 'The generals stayed silent.\n';

function linkOut(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  symlinkSync(to, from);
}

describe('files the server offers to create stay inside the workspace (linked folders)', () => {
  let outside: TempWorkspace;
  let theirs: TempWorkspace;
  const session = serveWorkspace(
    () => {
      outside = createTempWorkspace();
      const mine = createTempWorkspace({
        'policy-annotator.yaml': 'roots: [notes, annotations]\n',
        'annotations/claims.yaml': 'text: texts/article.txt\nclaims: []\n',
        'annotations/texts/article.txt': ARTICLE,
        'texts/other.txt': OTHER_TEXT,
        'annotations/mine.yaml': 'text: ../texts/other.txt\nclaims: []\n',
      });
      // The first annotation root, where a new actors file would go, is a link out of the workspace;
      // so is the folder where their annotation file of other.txt would be created.
      linkOut(path.join(mine.dir, 'notes'), path.join(outside.dir, 'notes'));
      linkOut(path.join(mine.dir, 'annotations', 'theirs'), path.join(outside.dir, 'theirs'));
      return mine;
    },
    { pullDiagnostics: true },
  );
  before(() => {
    theirs = createTempWorkspace({
      'policy-annotator.yaml': 'roots: [notes, annotations]\n',
      'annotations/actors.yaml': ACTORS,
      'annotations/claims.yaml': 'text: texts/article.txt\nclaims: []\n',
      'annotations/texts/article.txt': ARTICLE,
      'texts/other.txt': OTHER_TEXT,
      'annotations/theirs/other.yaml': THEIR_OTHER,
    });
  });
  after(() => {
    theirs?.dispose();
    outside?.dispose();
  });

  const nothingWrittenOutside = () => assert.deepEqual(readdirSync(outside.dir, { recursive: true }).map(String).sort(), ['notes', 'theirs']);

  it('"Create actor" refuses to create its file through a linked annotation root, and says why', async () => {
    const { client } = session;
    const uri = fileUri(path.join(session.workspace.dir, 'annotations/texts/article.txt'));
    await client.open(uri, ARTICLE);
    const start = ARTICLE.indexOf('Imran Khan');
    const answer = await client.request<{ ok: boolean; message?: string; edit?: unknown }>('policyAnnotator/createActor', {
      textDocument: { uri },
      range: { start: { line: 0, character: start }, end: { line: 0, character: start + 'Imran Khan'.length } },
      kind: 'person',
    });
    // I have no actors yet: a new actors.yaml would go into the first annotation root, `notes`.
    assert.equal(answer.ok, false);
    assert.equal(answer.edit, undefined);
    assert.match(String(answer.message), /will not create .*notes\/actors\.yaml: .*notes leads outside the workspace/);
    nothingWrittenOutside();
  });

  it('"take their annotation file" is refused where the way leads out, as a request and as a quick fix', async () => {
    const { client } = session;
    const dir = session.workspace.dir;
    const compared = await client.request<{ ok: boolean; texts: number; message: string }>('policyAnnotator/compareWith', { folder: fileUri(dir), other: { kind: 'folder', uri: fileUri(theirs.dir) } });
    assert.equal(compared.ok, true, compared.message);
    assert.equal(compared.texts, 1, compared.message);
    const listed = await client.request<{ path: string; takeable: number }[]>('policyAnnotator/theirOnlyTexts', {});
    assert.deepEqual(listed.map(({ path, takeable }) => [path, takeable]), [['texts/other.txt', 1]]);
    const taken = await client.request<{ edit?: unknown; message: string }>('policyAnnotator/takeTheirAnnotation', { path: 'texts/other.txt' });
    assert.equal(taken.edit, undefined);
    assert.match(taken.message, /will not create .*theirs\/other\.yaml: .*theirs leads outside the workspace/);
    // On the text, the quick fix is shown greyed out with the same reason (the client supports disabled actions).
    const textUri = fileUri(path.join(dir, 'texts/other.txt'));
    await client.open(textUri, OTHER_TEXT);
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: textUri } });
    const only = (report.kind === 'full' ? report.items : []).find((d: Diagnostic) => d.code === 'annotator-text');
    assert.ok(only, 'the text only they annotated shows');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: textUri }, range: only.range, context: { diagnostics: [only], only: ['quickfix'] } });
    const take = actions.find((action) => /^Take .*'s annotation file/.test(action.title));
    assert.ok(take, JSON.stringify(actions.map((action) => action.title)));
    assert.equal(take.edit, undefined);
    assert.match(String(take.disabled?.reason), /leads outside the workspace/);
    nothingWrittenOutside();
    assert.equal(existsSync(path.join(outside.dir, 'theirs', 'other.yaml')), false);
  });
});
