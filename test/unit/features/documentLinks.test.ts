import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentLinks } from '../../../server/src/core/features';
import { ACTORS_URI, CLAIMS, CLAIMS_URI, fixtureIndex, TEXT_URI } from './fixture';

describe('document links', () => {
  it('links `text:` to the article and `url:` to the web page, inside any quotes', async () => {
    const index = await fixtureIndex({ 'annotations/claims.yaml': CLAIMS.replace('text: texts/a.txt', 'text: "texts/a.txt"') });
    const content = index.content(CLAIMS_URI)!;
    assert.deepEqual(documentLinks(index, CLAIMS_URI).map((l) => [content.slice(l.range.start, l.range.end), l.target]), [
      ['texts/a.txt', TEXT_URI],
      ['https://example.org/article', 'https://example.org/article'],
    ]);
  });

  it('links a Wikidata id to its item', async () => {
    const index = await fixtureIndex();
    assert.deepEqual(documentLinks(index, ACTORS_URI).map((l) => l.target), ['https://www.wikidata.org/wiki/Q1141281']);
  });

  it('does not link a text that cannot be read', async () => {
    const index = await fixtureIndex({ 'annotations/claims.yaml': CLAIMS.replace('texts/a.txt', 'texts/missing.txt') });
    assert.ok(!documentLinks(index, CLAIMS_URI).some((l) => l.target.startsWith('file:')));
  });
});
