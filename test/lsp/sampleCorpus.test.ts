import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  CompletionList,
  Diagnostic,
  DocumentDiagnosticReport,
  DocumentLink,
  DocumentSymbol,
  Hover,
  Location,
  LocationLink,
  MarkupContent,
  Range,
  SemanticTokens,
  SymbolInformation,
  TextDocumentEdit,
  TextEdit,
  WorkspaceDiagnosticReport,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { applyEdits, copyCorpus, positionAt, textIn, type CorpusCopy } from './corpusWorkspace';
import { LspTestClient } from './lspTestClient';

const ARTICLE = 'annotations/texts/pakistan-taliban-qa.txt';
const ANNOTATION = 'annotations/pakistan-taliban-qa.yaml';
const ACTORS = 'annotations/actors.yaml';

const QUOTE_PROBLEMS = new Set(['quote-not-found', 'quote-stale']);
const hasQuoteProblem = (diagnostics: Diagnostic[]) => diagnostics.some((d) => QUOTE_PROBLEMS.has(String(d.code)));

for (const mode of ['push', 'pull'] as const) {
  describe(`the language server on the sample corpus, as a client that ${mode === 'pull' ? 'pulls' : 'does not pull'} diagnostics`, () => {
    let corpus: CorpusCopy;
    let client: LspTestClient;
    let article: string;
    let annotation: string;
    let actors: string;
    const uri = (path: string) => corpus.uri(path);
    const at = (path: string, text: string, offset: number) => ({ textDocument: { uri: uri(path) }, position: positionAt(text, offset) });

    /** The diagnostics the client currently shows for a file: pulled, or the latest pushed. */
    const currentDiagnostics = async (path: string): Promise<Diagnostic[]> => {
      if (mode === 'push') return client.pushed.get(uri(path)) ?? [];
      const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uri(path) } });
      assert.equal(report.kind, 'full');
      return report.kind === 'full' ? report.items : [];
    };

    before(async () => {
      corpus = await copyCorpus();
      article = corpus.read(ARTICLE);
      annotation = corpus.read(ANNOTATION);
      actors = corpus.read(ACTORS);
      ({ client } = await LspTestClient.start({ workspaceFolder: corpus.workspace.dir, pullDiagnostics: mode === 'pull' }));
      await client.open(uri(ARTICLE), article);
      await client.open(uri(ANNOTATION), annotation);
      await client.waitForMessage('$/progress', 0, (params) => (params as { value: { kind: string } }).value.kind === 'end');
    });

    after(async () => {
      await client?.stop();
      corpus?.workspace.dispose();
    });

    it('shows the actor card when hovering over "ISI" in the article', async () => {
      const offset = article.search(/\bISI\b/);
      const hover = await client.request<Hover>('textDocument/hover', at(ARTICLE, article, offset + 1));
      const card = (hover.contents as MarkupContent).value;
      const isi = corpus.expected.index.actor('isi')!;
      assert.equal((hover.contents as MarkupContent).kind, 'markdown');
      assert.match(card, new RegExp(`\\*\\*${escape(isi.name!.value)}\\*\\*`));
      assert.ok(card.includes(isi.kind!.value), 'kind');
      assert.ok(card.includes(isi.description!.value.slice(0, 40)), 'description');
      assert.match(card, /\*Aliases:\* .*ISI/);
      const target = corpus.expected.index.actor(isi.relations[0].target!.value)!;
      assert.ok(card.includes(`${isi.relations[0].type!.value} **${target.name!.value}**`), 'relations named by the other actor');
      assert.match(card, /\*Claims in this text:\* \d+ claims? by it, \d+ claims? about it/);
      assert.match(card, /\*Mentioned in \d+ other texts?\.\*/);
      assert.match(card, /\[annotations\/actors\.yaml:\d+\]\(file:\/\/.*actors\.yaml#L\d+\)/);
      assert.equal(textIn(article, hover.range!), 'ISI');
    });

    it('goes from the mention to the actor definition, and from a claim span back to its YAML', async () => {
      const offset = article.search(/\bISI\b/);
      const links = await client.request<LocationLink[]>('textDocument/definition', at(ARTICLE, article, offset));
      assert.equal(links.length, 1);
      assert.equal(links[0].targetUri, uri(ACTORS));
      assert.equal(textIn(actors, links[0].targetSelectionRange), 'isi');

      const claim = corpus.expected.index.annotationFile(uri(ANNOTATION))!.textAnnotation!.claims[1];
      const quoteAt = article.indexOf(claim.quote!.value);
      const back = await client.request<LocationLink[]>('textDocument/definition', at(ARTICLE, article, quoteAt + 2));
      assert.equal(back[0].targetUri, uri(ANNOTATION));
      assert.equal(textIn(annotation, back[0].targetSelectionRange), claim.id!.value);

      const fromQuote = await client.request<LocationLink[]>('textDocument/definition', at(ANNOTATION, annotation, claim.quote!.range.start + 3));
      assert.equal(fromQuote[0].targetUri, uri(ARTICLE));
      assert.equal(textIn(article, fromQuote[0].targetSelectionRange), claim.quote!.value);

      const textField = corpus.expected.index.annotationFile(uri(ANNOTATION))!.textAnnotation!.text!;
      const toArticle = await client.request<LocationLink[]>('textDocument/definition', at(ANNOTATION, annotation, textField.range.start + 2));
      assert.equal(toArticle[0].targetUri, uri(ARTICLE));
    });

    it('finds every reference of ISI: its mentions in the text and its ids in YAML', async () => {
      const offset = article.search(/\bISI\b/);
      const locations = await client.request<Location[]>('textDocument/references', { ...at(ARTICLE, article, offset), context: { includeDeclaration: true } });
      const index = corpus.expected.index;
      const mentions = index.analysis(uri(ARTICLE))!.mentions.filter((m) => (m.actorIds ?? [m.actorId]).includes('isi'));
      assert.equal(locations.filter((l) => l.uri === uri(ARTICLE)).length, mentions.length);
      assert.equal(locations.filter((l) => l.uri !== uri(ARTICLE)).length, index.actorReferences('isi').length);
      for (const location of locations.filter((l) => l.uri === uri(ACTORS))) assert.equal(textIn(actors, location.range), 'isi');
      const highlights = await client.request<{ range: Range }[]>('textDocument/documentHighlight', at(ARTICLE, article, offset));
      assert.equal(highlights.length, mentions.length);
    });

    it('refuses to rename the words of a text, and renames an actor id across files with minimal edits', async () => {
      const offset = article.search(/\bISI\b/);
      await assert.rejects(client.request('textDocument/prepareRename', at(ARTICLE, article, offset)), /not ids/);

      const idOffset = actors.indexOf('id: isi\n') + 4;
      const prepared = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', at(ACTORS, actors, idOffset));
      assert.equal(prepared.placeholder, 'isi');
      assert.equal(textIn(actors, prepared.range), 'isi');
      await assert.rejects(client.request('textDocument/rename', { ...at(ACTORS, actors, idOffset), newName: 'Not An Id' }), /not a valid id/);

      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at(ACTORS, actors, idOffset), newName: 'inter-services-intelligence' });
      const changes = (edit.documentChanges as TextDocumentEdit[]).map((change) => ({ ...change, edits: change.edits as TextEdit[] }));
      const editCount = changes.reduce((n, change) => n + change.edits.length, 0);
      assert.equal(editCount, corpus.expected.index.actorReferences('isi').length);
      for (const change of changes) {
        const path = change.textDocument.uri.slice(uri('').length);
        const original = corpus.read(path);
        for (const textEdit of change.edits) assert.equal(textIn(original, textEdit.range), 'isi', `${path}: each edit replaces only the id`);
        const renamed = applyEdits(original, change.edits);
        // Everything else, comments and formatting included, is byte-for-byte the same.
        assert.ok(!original.includes('inter-services-intelligence'));
        assert.equal(renamed.replaceAll('inter-services-intelligence', 'isi'), original);
        if (change.textDocument.uri === uri(ANNOTATION)) assert.equal(change.textDocument.version, 1, 'open documents are edited at their version');
      }
    });

    it('completes actor ids with name and kind, and vocabulary values', async () => {
      const claimantAt = annotation.indexOf('claimant: ') + 'claimant: '.length;
      const list = await client.request<CompletionList>('textDocument/completion', at(ANNOTATION, annotation, claimantAt));
      const isi = list.items.find((item) => item.label === 'isi');
      const expected = corpus.expected.index.actor('isi')!;
      assert.ok(isi, 'isi is proposed');
      assert.equal(isi.detail, `${expected.name!.value} · ${expected.kind!.value}`);

      const stanceAt = annotation.indexOf('stance: ') + 'stance: '.length;
      const stances = await client.request<CompletionList>('textDocument/completion', at(ANNOTATION, annotation, stanceAt));
      assert.deepEqual(stances.items.map((item) => item.label).sort(), ['neutral', 'rejects', 'supports']);
    });

    it('lists symbols: questions and claims in the text, actors in YAML, and across the workspace', async () => {
      const inText = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri(ARTICLE) } });
      const questions = inText.filter((s) => s.name.endsWith('?'));
      assert.ok(questions.length >= 5, 'the Q&A questions are sections');
      assert.ok(questions.some((q) => (q.children ?? []).length > 0), 'claims sit in their sections');

      const inActors = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri(ACTORS) } });
      assert.equal(inActors.length, corpus.expected.index.annotationFile(uri(ACTORS))!.actors.length);
      assert.ok(inActors.some((s) => s.name === 'isi'));

      const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'isi' });
      assert.ok(found.some((s) => s.name === 'isi' && s.location.uri === uri(ACTORS)));
      const claimId = corpus.expected.index.annotationFile(uri(ANNOTATION))!.textAnnotation!.claims[0].id!.value;
      const claims = await client.request<SymbolInformation[]>('workspace/symbol', { query: claimId });
      assert.ok(claims.some((s) => s.name === claimId));
    });

    it('marks mentions and claim spans with semantic tokens', async () => {
      const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uri(ARTICLE) } });
      assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
      const decoded = decodeTokens(tokens.data).map((t) => ({ ...t, text: textIn(article, { start: { line: t.line, character: t.character }, end: { line: t.line, character: t.character + t.length } }) }));
      const mentions = decoded.filter((t) => t.type === 0);
      assert.ok(mentions.some((t) => t.text === 'ISI'));
      assert.ok(decoded.some((t) => t.type === 1), 'claim spans');
    });

    it('links `text:` to the article', async () => {
      const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: uri(ANNOTATION) } });
      assert.ok(links.some((link) => link.target === uri(ARTICLE)));
    });

    it('flags a claim whose quote an edit to the text broke, in the text and in the YAML, and clears it when undone', async () => {
      const claim = corpus.expected.index.annotationFile(uri(ANNOTATION))!.textAnnotation!.claims.find((c) => c.quote && c.quote.value.split(' ').length >= 6 && article.indexOf(c.quote.value) >= 0)!;
      const start = article.indexOf(claim.quote!.value);
      const range = { start: positionAt(article, start), end: positionAt(article, start + claim.quote!.value.length) };
      const mark = client.mark();
      await client.change(uri(ARTICLE), range, 'Entirely different words were written here by the editor today.');
      const edited = { start: range.start, end: positionAt(article.slice(0, start) + 'Entirely different words were written here by the editor today.', start + 64) };

      if (mode === 'push') {
        await client.waitForPushedDiagnostics(uri(ARTICLE), hasQuoteProblem, 'with the broken quote');
        await client.waitForPushedDiagnostics(uri(ANNOTATION), hasQuoteProblem, 'with the broken quote');
      } else {
        assert.ok(hasQuoteProblem(await currentDiagnostics(ARTICLE)), 'the text shows the broken quote');
        await client.waitForMessage('workspace/diagnostic/refresh', mark);
        assert.ok(hasQuoteProblem(await currentDiagnostics(ANNOTATION)), 'the YAML shows the broken quote');
      }
      const inYaml = (await currentDiagnostics(ANNOTATION)).find((d) => QUOTE_PROBLEMS.has(String(d.code)))!;
      assert.equal(textIn(annotation, inYaml.range), annotation.slice(claim.quote!.range.start, claim.quote!.range.end));

      await client.change(uri(ARTICLE), edited, claim.quote!.value);
      if (mode === 'push') {
        await client.waitForPushedDiagnostics(uri(ARTICLE), (d) => !hasQuoteProblem(d), 'cleared');
        await client.waitForPushedDiagnostics(uri(ANNOTATION), (d) => !hasQuoteProblem(d), 'cleared');
      } else {
        assert.ok(!hasQuoteProblem(await currentDiagnostics(ARTICLE)));
        assert.ok(!hasQuoteProblem(await currentDiagnostics(ANNOTATION)));
      }
    });

    if (mode === 'pull') {
      it('answers workspace/diagnostic for every file with problems, and "unchanged" for result ids the client already has', async () => {
        const first = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
        const uris = first.items.map((item) => item.uri);
        for (const item of first.items) assert.ok(item.kind === 'full' && item.items.length > 0, `${item.uri} is listed with its problems`);
        for (const path of [ARTICLE, ANNOTATION, ACTORS]) {
          const own = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uri(path) } });
          assert.equal(uris.includes(uri(path)), own.kind === 'full' && own.items.length > 0, `${path} is listed exactly when it has problems`);
        }
        const previousResultIds = first.items.flatMap((item) => (item.resultId ? [{ uri: item.uri, value: item.resultId }] : []));
        const second = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds });
        assert.ok(second.items.every((item) => item.kind === 'unchanged'));
      });
    } else {
      it('pushes diagnostics only to a client that does not pull, and never asks it to pull', () => {
        assert.ok(client.received.some((m) => m.method === 'textDocument/publishDiagnostics'));
        assert.ok(!client.received.some((m) => m.method === 'workspace/diagnostic/refresh'));
      });
    }
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decodeTokens(data: number[]): { line: number; character: number; length: number; type: number; modifiers: number }[] {
  const tokens = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    tokens.push({ line, character, length: data[i + 2], type: data[i + 3], modifiers: data[i + 4] });
  }
  return tokens;
}
