import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEMANTIC_TOKEN_FALLBACKS, SEMANTIC_TOKEN_TYPES, textSemanticTokens } from '../../../server/src/core/features';
import { ACTORS, ARTICLE, fixtureIndex, TEXT_URI } from './fixture';

describe('semantic tokens', () => {
  it('marks mentions and claim spans, never overlapping, with mentions cut out of claims', async () => {
    const index = await fixtureIndex();
    const tokens = textSemanticTokens(index, TEXT_URI);
    assert.deepEqual(tokens.map((t) => [ARTICLE.slice(t.span.start, t.span.end), t.type, t.modifiers.join(',')]), [
      ['ISI', 'actorMention', ''],
      ['backs the ', 'claim', ''],
      ['Taliban', 'actorMention', 'insideClaim'],
      ['Imran Khan', 'actorMention', ''],
      ['the ', 'claim', ''],
      ['Taliban', 'actorMention', 'insideClaim'],
      [' are “normal civilians.”', 'claim', ''],
      ['ISI', 'actorMention', ''],
      ['The agency', 'actorMention', 'explicit'],
    ]);
    for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i - 1].span.end <= tokens[i].span.start, 'sorted and disjoint');
  });

  it('marks an alias shared by several actors as ambiguous', async () => {
    const index = await fixtureIndex({ 'annotations/actors.yaml': ACTORS.replace('aliases: [Imran Khan]', 'aliases: [Imran Khan, ISI]') });
    const isi = textSemanticTokens(index, TEXT_URI).find((t) => ARTICLE.slice(t.span.start, t.span.end) === 'ISI');
    assert.deepEqual(isi?.modifiers, ['ambiguous']);
  });

  it('declares a standard fallback for every custom token type', () => {
    for (const type of SEMANTIC_TOKEN_TYPES) assert.ok(SEMANTIC_TOKEN_FALLBACKS[type]);
  });
});
