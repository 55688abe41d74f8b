import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findHighlights, findReferences } from '../../../server/src/core/features';
import { ACTORS, ACTORS_URI, ARTICLE, CLAIMS, CLAIMS_URI, cursorIn, mark, TEXT_URI } from './fixture';

async function referencesAt(path: string, content: string, needle: string, at: number, includeDeclaration = true) {
  const { index, uri, offset } = await cursorIn(path, mark(content, needle, at));
  return findReferences(index, uri, offset, { includeDeclaration }).map((r) => `${r.uri.slice('file:///ws/annotations/'.length)}:${(index.content(r.uri) ?? '').slice(r.range.start, r.range.end)}@${r.range.start}`);
}

describe('references', () => {
  it('finds every mention of an actor in texts and every reference in YAML', async () => {
    const found = await referencesAt('annotations/texts/a.txt', ARTICLE, 'ISI', 1);
    const names = found.map((r) => r.replace(/@\d+$/, ''));
    assert.deepEqual(names.sort(), [
      'actors.yaml:isi', // definition
      'actors.yaml:isi', // imran-khan opposes isi
      'claims.yaml:isi', // author
      'claims.yaml:isi', // mention actor
      'claims.yaml:isi', // claimant
      'texts/a.txt:ISI',
      'texts/a.txt:ISI',
      'texts/a.txt:The agency',
    ].sort());
  });

  it('leaves the definition out when asked to', async () => {
    const found = await referencesAt('annotations/claims.yaml', CLAIMS, 'claimant: isi', 11, false);
    assert.ok(!found.some((r) => r.startsWith(`actors.yaml:isi@${ACTORS.indexOf('id: isi') + 4}`)));
    assert.equal(found.filter((r) => r.startsWith('actors.yaml')).length, 1);
  });

  it('finds the uses of a concept', async () => {
    const found = await referencesAt('annotations/claims.yaml', CLAIMS, 'concept: taliban', 10);
    assert.deepEqual(found.map((r) => r.replace(/@\d+$/, '')), ['claims.yaml:taliban-is-military', 'concepts.yaml:taliban-is-military']);
  });

  it('finds a claim’s id and its span in the text', async () => {
    const found = await referencesAt('annotations/texts/a.txt', ARTICLE, 'backs', 2);
    assert.deepEqual(found.map((r) => r.replace(/@\d+$/, '')), ['claims.yaml:isi-backs', 'texts/a.txt:backs the Taliban']);
  });

  it('highlights the other occurrences within the file only', async () => {
    const inText = await cursorIn('annotations/texts/a.txt', mark(ARTICLE, 'Taliban', 1));
    assert.deepEqual(findHighlights(inText.index, TEXT_URI, inText.offset).map((h) => ARTICLE.slice(h.range.start, h.range.end)), ['Taliban', 'Taliban']);

    const inActors = await cursorIn('annotations/actors.yaml', mark(ACTORS, 'target: isi', 9));
    const highlights = findHighlights(inActors.index, ACTORS_URI, inActors.offset);
    assert.deepEqual(highlights.map((h) => h.kind), ['definition', 'reference']);
    assert.ok(highlights.every((h) => inActors.text.slice(h.range.start, h.range.end) === 'isi'));
    const inClaims = await cursorIn('annotations/claims.yaml', mark(CLAIMS, 'author: isi', 9));
    assert.equal(findHighlights(inClaims.index, CLAIMS_URI, inClaims.offset).length, 3);
  });
});
