import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentSymbols, textSections, workspaceSymbols, matchesQuery } from '../../../server/src/core/features';
import { loadMemoryWorkspace, uriOf, yaml } from '../../helpers/memoryWorkspace';
import { ACTORS_URI, CLAIMS_URI, fixtureIndex, FILES, TEXT_URI } from './fixture';

const QA = ['Intro sentence. The ISI backs the Taliban.', '', 'What does the ISI want?', '', 'It wants influence. Imran Khan said so.', '', 'Aqil Shah', 'Byline, not a question.', '', 'Is it working?', '', 'Perhaps.'].join('\n');

describe('symbols', () => {
  it('lists the actors, concepts and claims of YAML files, selecting their ids', async () => {
    const index = await fixtureIndex();
    const actors = documentSymbols(index, ACTORS_URI);
    assert.deepEqual(actors.map((s) => [s.name, s.category, s.detail]), [
      ['isi', 'actor', 'Inter-Services Intelligence · intelligence-agency'],
      ['taliban', 'actor', 'Afghan Taliban · armed-group'],
      ['imran-khan', 'actor', 'Imran Khan · person'],
    ]);
    const content = index.content(ACTORS_URI)!;
    for (const symbol of actors) {
      assert.equal(content.slice(symbol.selection.start, symbol.selection.end), symbol.name);
      assert.ok(symbol.range.start <= symbol.selection.start && symbol.selection.end <= symbol.range.end);
    }
    assert.deepEqual(documentSymbols(index, CLAIMS_URI).map((s) => [s.name, s.detail]), [
      ['khan-civilians', 'imran-khan · assertion · rejects taliban-is-military'],
      ['isi-backs', 'isi'],
    ]);
  });

  it('finds the Q&A questions of a text and puts each claim in its section', async () => {
    const claims = yaml('text: texts/a.txt', 'claims:', '  - id: before', '    claimant: isi', '    quote: backs the Taliban', '  - id: inside', '    claimant: imran-khan', '    quote: Imran Khan said so');
    const { index } = await loadMemoryWorkspace({ ...FILES, 'annotations/texts/a.txt': QA, 'annotations/claims.yaml': claims });
    const symbols = documentSymbols(index, TEXT_URI);
    assert.deepEqual(symbols.map((s) => [s.name, s.category, s.children.map((c) => c.name)]), [
      ['before', 'claim', []],
      ['What does the ISI want?', 'question', ['inside']],
      ['Is it working?', 'question', []],
    ]);
    const question = symbols[1];
    assert.equal(QA.slice(question.range.start, question.range.end), 'What does the ISI want?\n\nIt wants influence. Imran Khan said so.\n\nAqil Shah\nByline, not a question.');
  });

  it('takes Markdown headings as sections', () => {
    const sections = textSections('# Title\n\nText.\n\n## Part two ##\r\nMore text?\r\n');
    assert.deepEqual(sections.map((s) => [s.title, s.kind]), [['Title', 'heading'], ['Part two', 'heading']]);
  });

  it('reads ATX headings as CommonMark does: indent, closing run, no title', () => {
    const text = ['   ### Indented', '    # Code, not a heading', '#No space', '# C#', '## Closed ## ', '# ###', '####### Seven', '#\tTab'].join('\n');
    assert.deepEqual(textSections(text).map((s) => s.title), ['Indented', 'C#', 'Closed', 'Tab']);
  });

  it('outlines a text whose heading line holds 150,000 spaces (issue 13, item 8) without backtracking', async () => {
    const line = `# a${' '.repeat(150_000)}b`;
    const hostile = `${line}\n\nText.\n\n${'#'.repeat(6)}${' '.repeat(150_000)}x${' '.repeat(150_000)}#\n\nMore?\n`;
    assert.deepEqual(textSections(hostile).map((s) => [s.title.length, s.kind]), [[150_002, 'heading'], [1, 'heading'], [5, 'question']]);
    const { index } = await loadMemoryWorkspace({ ...FILES, 'annotations/texts/a.txt': hostile });
    const symbols = documentSymbols(index, TEXT_URI);
    assert.deepEqual(symbols.map((s) => s.category), ['heading', 'heading', 'question']);
    assert.ok(symbols[0].name.length <= 120);
  });

  it('finds actors by id or name, claims by id, across the workspace', async () => {
    const index = await fixtureIndex();
    // Characters in order, as editors filter: "isi" also fits "taliban-is-military".
    assert.deepEqual(workspaceSymbols(index, 'isi').map((s) => [s.name, s.category]), [['isi', 'actor'], ['isi-backs', 'claim'], ['taliban-is-military', 'concept']]);
    assert.deepEqual(workspaceSymbols(index, 'Intelligence').map((s) => s.name), ['isi']);
    assert.deepEqual(workspaceSymbols(index, 'civ').map((s) => [s.name, s.container]), [['khan-civilians', 'annotations/claims.yaml']]);
    assert.equal(workspaceSymbols(index, '').length, 3 + 1 + 2);
    assert.ok(matchesQuery('tlbn', 'taliban') && !matchesQuery('nabilat', 'taliban'));
    assert.equal(uriOf('annotations/claims.yaml'), CLAIMS_URI);
  });
});
