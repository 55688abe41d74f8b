import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { textDiagnostics } from '../../../server/src/core/features';
import { ARTICLE, CLAIMS, fixtureIndex, TEXT_URI } from './fixture';

describe('diagnostics in texts', () => {
  it('has none when every quote resolves', async () => {
    assert.deepEqual(textDiagnostics(await fixtureIndex(), TEXT_URI), []);
  });

  it('flags, in the text, a claim whose quote an edit removed, near the words that remain', async () => {
    const edited = ARTICLE.replace('are “normal civilians.”', 'are, he said, just ordinary people.');
    const index = await fixtureIndex({ 'annotations/texts/a.txt': edited });
    const [diagnostic] = textDiagnostics(index, TEXT_URI);
    assert.equal(diagnostic.code, 'quote-not-found');
    assert.equal(diagnostic.severity, 'error');
    assert.match(diagnostic.message, /The claim `khan-civilians` \(annotations\/claims\.yaml:11\) quotes "the Taliban are "normal civilians\."", which no longer occurs in this text\. Restore the words here, or update the quote/);
    assert.equal(diagnostic.related?.[0].uri, 'file:///ws/annotations/claims.yaml');
    assert.ok(edited.slice(diagnostic.range.start, diagnostic.range.end).length > 0);
  });

  it('flags a copy-edited quote as stale, on the words proposed for it', async () => {
    const edited = ARTICLE.replace('backs the Taliban', 'backs the Taleban');
    const [diagnostic] = textDiagnostics(await fixtureIndex({ 'annotations/texts/a.txt': edited }), TEXT_URI);
    assert.equal(diagnostic.code, 'quote-stale');
    assert.equal(edited.slice(diagnostic.range.start, diagnostic.range.end), 'backs the Taleban');
  });

  it('flags every occurrence of an ambiguous quote', async () => {
    const index = await fixtureIndex({ 'annotations/claims.yaml': CLAIMS.replace('quote: backs the Taliban', 'quote: The ISI') });
    const diagnostics = textDiagnostics(index, TEXT_URI);
    assert.deepEqual(diagnostics.map((d) => [d.code, ARTICLE.slice(d.range.start, d.range.end)]), [['quote-ambiguous', 'The ISI'], ['quote-ambiguous', 'The ISI']]);
    assert.match(diagnostics[1].message, /occurs 2 times in this text \(this is occurrence 2\)/);
  });

  it('follows the severities configured for the codes', async () => {
    const edited = ARTICLE.replace('backs the Taliban', 'backs the Taleban');
    const index = await fixtureIndex({ 'annotations/texts/a.txt': edited, 'policy-annotator.yaml': 'severity:\n  quote-stale: off\n' });
    assert.deepEqual(textDiagnostics(index, TEXT_URI), []);
  });
});
