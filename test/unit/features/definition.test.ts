import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDefinition } from '../../../server/src/core/features';
import { uriOf } from '../../helpers/memoryWorkspace';
import { ACTORS, ACTORS_URI, ARTICLE, CLAIMS, CLAIMS_URI, CONCEPTS, CONCEPTS_URI, cursorIn, mark, TEXT_URI } from './fixture';

async function definitionsAt(path: string, content: string, needle: string, at = 0, occurrence = 0, overrides: Record<string, string> = {}) {
  const { index, uri, offset } = await cursorIn(path, mark(content, needle, at, occurrence), overrides);
  const contentOf = (target: string) => index.content(target) ?? '';
  return findDefinition(index, uri, offset).map((d) => ({ uri: d.uri, selected: contentOf(d.uri).slice(d.selection.start, d.selection.end), whole: contentOf(d.uri).slice(d.range.start, d.range.end) }));
}

describe('go to definition', () => {
  it('goes from a mention in a text to the actor definition', async () => {
    const [definition] = await definitionsAt('annotations/texts/a.txt', ARTICLE, 'Imran Khan', 3);
    assert.equal(definition.uri, ACTORS_URI);
    assert.equal(definition.selected, 'imran-khan');
    assert.match(definition.whole, /^id: imran-khan\n {4}name: Imran Khan/);
  });

  it('goes from an explicit mention to its actor', async () => {
    const [definition] = await definitionsAt('annotations/texts/a.txt', ARTICLE, 'The agency', 4);
    assert.equal(definition.selected, 'isi');
  });

  it('goes from a claim span in a text back to the claim in its annotation file', async () => {
    const [definition] = await definitionsAt('annotations/texts/a.txt', ARTICLE, 'normal civilians', 3);
    assert.equal(definition.uri, CLAIMS_URI);
    assert.equal(definition.selected, 'khan-civilians');
  });

  it('goes from actor and concept ids in YAML to their definitions', async () => {
    assert.deepEqual((await definitionsAt('annotations/claims.yaml', CLAIMS, 'claimant: imran-khan', 12)).map((d) => [d.uri, d.selected]), [[ACTORS_URI, 'imran-khan']]);
    assert.deepEqual((await definitionsAt('annotations/actors.yaml', ACTORS, 'target: taliban', 10)).map((d) => [d.uri, d.selected]), [[ACTORS_URI, 'taliban']]);
    assert.deepEqual((await definitionsAt('annotations/claims.yaml', CLAIMS, 'concept: taliban', 12)).map((d) => [d.uri, d.selected]), [[CONCEPTS_URI, 'taliban-is-military']]);
  });

  it('goes from a quote, or a claim id, to the quoted span in the text', async () => {
    assert.deepEqual((await definitionsAt('annotations/claims.yaml', CLAIMS, 'quote: backs', 9)).map((d) => [d.uri, d.selected]), [[TEXT_URI, 'backs the Taliban']]);
    assert.deepEqual((await definitionsAt('annotations/claims.yaml', CLAIMS, 'id: isi-backs', 6)).map((d) => [d.uri, d.selected]), [[TEXT_URI, 'backs the Taliban']]);
    assert.deepEqual((await definitionsAt('annotations/claims.yaml', CLAIMS, 'quote: The agency', 9)).map((d) => [d.uri, d.selected]), [[TEXT_URI, 'The agency']]);
  });

  it('leads an ambiguous quote to every occurrence, and a stale one to the proposed words', async () => {
    const ambiguous = CLAIMS.replace('quote: backs the Taliban', 'quote: The ISI');
    assert.deepEqual((await definitionsAt('annotations/claims.yaml', ambiguous, 'quote: The ISI', 9)).map((d) => d.selected), ['The ISI', 'The ISI']);
    const copyEdited = ARTICLE.replace('backs the Taliban', 'backs the Taleban');
    const stale = await definitionsAt('annotations/claims.yaml', CLAIMS, 'quote: backs', 9, 0, { 'annotations/texts/a.txt': copyEdited });
    assert.deepEqual(stale.map((d) => d.selected), ['backs the Taleban']);
  });

  it('goes from `text:` to the article', async () => {
    const [definition] = await definitionsAt('annotations/claims.yaml', CLAIMS, 'texts/a.txt', 3);
    assert.equal(definition.uri, uriOf('annotations/texts/a.txt'));
  });

  it('goes nowhere from free text or a concept label', async () => {
    assert.deepEqual(await definitionsAt('annotations/concepts.yaml', CONCEPTS, 'military force', 2), []);
    assert.deepEqual(await definitionsAt('annotations/texts/a.txt', ARTICLE, 'denies', 2), []);
  });
});
