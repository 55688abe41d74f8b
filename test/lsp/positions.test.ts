import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import type { DocumentSymbol, Hover, LocationLink, SemanticTokens } from 'vscode-languageserver-protocol';
import { fixture, fixtureOnDisk, withCrlf } from '../helpers/fixture';
import type { TempWorkspace } from '../helpers/tempWorkspace';
import { threeActorsYaml } from '../helpers/threeActors';
import { positionAt, textIn } from './corpusWorkspace';
import { fileUri, serveWorkspace, type LspTestClient } from './lspTestClient';

// A CRLF workspace with astral characters (emoji, mathematical letters, a flag) before the words that matter, and
// the three actors (test/fixtures/three-actors.txtar), one with an emoji in its name.
const FILES = withCrlf(
  fixture(
    { 'annotations/actors.yaml': threeActorsYaml().replace('name: Inter-Services Intelligence', 'name: "Inter-Services Intelligence 🕵"') },
    `
-- annotations/texts/article.txt --
Intro 😀😀 line.

What does the ISI want?

𝒜𝒷 The ISI 😀 backs the Taliban, says 🇵🇰 Imran Khan.
-- annotations/claims.yaml --
text: texts/article.txt
title: "𝒜 title 😀"
claims:
  - id: isi-backs-taliban
    claimant: imran-khan
    quote: "😀 backs the Taliban"
    about: [isi, taliban]
`,
  ),
);
const ARTICLE = FILES['annotations/texts/article.txt'];
const ACTORS = FILES['annotations/actors.yaml'];
const CLAIMS = FILES['annotations/claims.yaml'];

describe('positions are UTF-16 and exact on lines with astral characters and in CRLF files', () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  const uri = (relative: string) => fileUri(path.join(workspace.dir, 'annotations', relative));
  const at = (relative: string, text: string, offset: number) => ({ textDocument: { uri: uri(relative) }, position: positionAt(text, offset) });

  const session = serveWorkspace(() => fixtureOnDisk(FILES), { pullDiagnostics: false });
  before(() => ({ workspace, client } = session));

  it('hovers over a mention that follows astral characters on a CRLF line', async () => {
    const offset = ARTICLE.indexOf('ISI 😀') + 1;
    const position = positionAt(ARTICLE, offset);
    assert.deepEqual(position, { line: 4, character: 10 }, 'UTF-16: each astral character counts twice');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('texts/article.txt') }, position });
    assert.equal(textIn(ARTICLE, hover.range!), 'ISI');
    assert.deepEqual(hover.range, { start: { line: 4, character: 9 }, end: { line: 4, character: 12 } });
  });

  it('goes from a quote with an emoji to its exact span in the text', async () => {
    const links = await client.request<LocationLink[]>('textDocument/definition', at('claims.yaml', CLAIMS, CLAIMS.indexOf('backs the')));
    assert.equal(textIn(ARTICLE, links[0].targetSelectionRange), '😀 backs the Taliban');
    assert.equal(textIn(CLAIMS, links[0].originSelectionRange!), '"😀 backs the Taliban"');
  });

  it('goes from an id in a CRLF YAML file to its definition after an astral name', async () => {
    const links = await client.request<LocationLink[]>('textDocument/definition', at('claims.yaml', CLAIMS, CLAIMS.indexOf('imran-khan') + 2));
    assert.equal(textIn(ACTORS, links[0].targetSelectionRange), 'imran-khan');
  });

  it('places semantic tokens on the right UTF-16 columns', async () => {
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uri('texts/article.txt') } });
    const texts: string[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
      texts.push(textIn(ARTICLE, { start: { line, character }, end: { line, character: character + tokens.data[i + 2] } }));
    }
    assert.deepEqual(texts, ['ISI', 'ISI', '😀 backs the ', 'Taliban', 'Imran Khan']);
  });

  it('puts a Q&A question on its own line as a section', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri('texts/article.txt') } });
    const question = symbols.find((s) => s.name === 'What does the ISI want?')!;
    assert.equal(textIn(ARTICLE, question.selectionRange), 'What does the ISI want?');
    assert.equal(question.children?.[0]?.name, 'isi-backs-taliban');
  });

  it('flags a broken quote in the CRLF text at the words that remain, and in the YAML at the quote', async () => {
    await client.open(uri('texts/article.txt'), ARTICLE);
    const start = ARTICLE.indexOf('backs the Taliban');
    await client.change(uri('texts/article.txt'), { start: positionAt(ARTICLE, start), end: positionAt(ARTICLE, start + 'backs'.length) }, 'funds');
    const inYaml = await client.waitForPushedDiagnostics(uri('claims.yaml'), (d) => d.some((x) => x.code === 'quote-not-found' || x.code === 'quote-stale'), 'with the broken quote');
    const yamlProblem = inYaml.find((x) => x.code === 'quote-not-found' || x.code === 'quote-stale')!;
    assert.equal(textIn(CLAIMS, yamlProblem.range), '"😀 backs the Taliban"');
    const inText = await client.waitForPushedDiagnostics(uri('texts/article.txt'), (d) => d.length > 0, 'with the broken quote');
    const edited = ARTICLE.replace('backs the Taliban', 'funds the Taliban');
    // The copy-edited words are proposed as the quote's new place: the diagnostic sits exactly on them.
    assert.equal(inText[0].code, 'quote-stale');
    assert.equal(textIn(edited, inText[0].range), '😀 funds the Taliban');
  });
});
