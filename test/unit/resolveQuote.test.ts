import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeForMatch, normalizeWithMap, resolveQuote, type AnchorableText } from '../../server/src/core';

function target(text: string): AnchorableText {
  return { text, normalized: normalizeWithMap(text) };
}

function quoted(text: string, result: ReturnType<typeof resolveQuote>): string | undefined {
  return result.span && text.slice(result.span.start, result.span.end);
}

describe('resolveQuote', () => {
  it('finds an exact quote', () => {
    const text = 'The ISI was instrumental in the creation of the group.';
    const result = resolveQuote(target(text), { quote: 'instrumental in the creation' });
    assert.equal(result.status, 'exact');
    assert.equal(quoted(text, result), 'instrumental in the creation');
  });

  it('matches typographic quotes and apostrophes typed as straight ones', () => {
    const text = 'the Taliban are “not a military outfit” but rather “normal civilians.” It’s done.';
    const result = resolveQuote(target(text), { quote: '"not a military outfit" but rather "normal civilians."' });
    assert.equal(result.status, 'normalized');
    assert.equal(quoted(text, result), '“not a military outfit” but rather “normal civilians.”');
    assert.equal(quoted(text, resolveQuote(target(text), { quote: "It's done" })), 'It’s done');
  });

  it('matches dash variants, including a double hyphen for an em dash', () => {
    const text = 'senior Pakistani military officers—and, not coincidently, the Taliban—consider';
    assert.equal(quoted(text, resolveQuote(target(text), { quote: 'officers--and, not coincidently' })), 'officers—and, not coincidently');
    assert.equal(quoted(text, resolveQuote(target(text), { quote: 'officers-and' })), 'officers—and');
  });

  it('ignores differences in runs of whitespace and line breaks', () => {
    const text = 'one  two\n three';
    const result = resolveQuote(target(text), { quote: 'one two three' });
    assert.equal(result.status, 'normalized');
    assert.equal(quoted(text, result), 'one  two\n three');
  });

  it('trims surrounding whitespace from the quote, as YAML block scalars add a newline', () => {
    const text = 'alpha beta gamma';
    assert.equal(quoted(text, resolveQuote(target(text), { quote: 'beta gamma\n' })), 'beta gamma');
  });

  it('uses the prefix and the suffix to pick one of several occurrences', () => {
    const text = 'Quetta in Balochistan. Karachi, Peshawar, and Quetta. Quetta again.';
    const byPrefix = resolveQuote(target(text), { quote: 'Quetta', prefix: 'Peshawar, and ' });
    assert.equal(byPrefix.status, 'exact');
    assert.equal(byPrefix.span!.start, text.indexOf('Quetta.'));
    const bySuffix = resolveQuote(target(text), { quote: 'Quetta', suffix: ' again' });
    assert.equal(bySuffix.span!.start, text.lastIndexOf('Quetta'));
    const both = resolveQuote(target(text), { quote: 'Quetta', prefix: 'and', suffix: '.' });
    assert.equal(both.span!.start, text.indexOf('Quetta.'));
  });

  it('compares prefix and suffix after normalisation', () => {
    const text = 'the Taliban’s backers. the Taliban’s ability.';
    const result = resolveQuote(target(text), { quote: 'Taliban', suffix: "'s ability" });
    assert.equal(result.span!.start, text.lastIndexOf('Taliban'));
  });

  it('reports every occurrence when the quote is ambiguous', () => {
    const text = 'the ISI and the ISI and the ISI';
    const result = resolveQuote(target(text), { quote: 'the ISI' });
    assert.equal(result.status, 'ambiguous');
    assert.deepEqual(result.candidates.map((c) => c.start), [0, 12, 24]);
  });

  it('stays ambiguous when the context fits several occurrences equally', () => {
    const text = 'and the ISI, and the ISI.';
    const result = resolveQuote(target(text), { quote: 'the ISI', prefix: 'and ' });
    assert.equal(result.status, 'ambiguous');
    assert.equal(result.candidates.length, 2);
  });

  it('reports a quote that is not in the text', () => {
    assert.equal(resolveQuote(target('alpha beta'), { quote: 'gamma' }).status, 'not-found');
    assert.equal(resolveQuote(target('alpha beta'), { quote: '  \n ' }).status, 'empty');
  });

  it('is case-sensitive', () => {
    assert.equal(resolveQuote(target('The Taliban'), { quote: 'the taliban' }).status, 'not-found');
  });

  it('resolves offsets in CRLF texts as UTF-16 offsets of the original', () => {
    const text = 'First line\r\nsecond line\r\nthe ISI retains leverage\r\n';
    const result = resolveQuote(target(text), { quote: 'the ISI retains' });
    assert.equal(result.status, 'exact');
    assert.equal(result.span!.start, text.indexOf('the ISI'));
    const across = resolveQuote(target(text), { quote: 'second line the ISI' });
    assert.equal(across.status, 'normalized');
    assert.equal(quoted(text, across), 'second line\r\nthe ISI');
  });

  it('handles astral characters at the edges of a quote', () => {
    const text = 'before 𝐈𝐒𝐈 middle 😀 after';
    const start = resolveQuote(target(text), { quote: '𝐈𝐒𝐈 middle' });
    assert.equal(start.status, 'exact');
    assert.equal(start.span!.start, 7);
    assert.equal(quoted(text, start), '𝐈𝐒𝐈 middle');
    const end = resolveQuote(target(text), { quote: 'middle 😀' });
    assert.equal(quoted(text, end), 'middle 😀');
    assert.equal(end.span!.end - end.span!.start, 'middle 😀'.length);
    const normalizedEdge = resolveQuote(target('x “😀” y'), { quote: '"😀"' });
    assert.equal(normalizedEdge.status, 'normalized');
    assert.equal(quoted('x “😀” y', normalizedEdge), '“😀”');
  });
});

describe('normalisation', () => {
  it('normalises short strings exactly as whole texts', () => {
    const samples = ['', ' ', 'a  b\r\nc', '“x”—y–z‘’', 'wait…', 'soft\u00adhyphen', 'zero\u200bwidth  \u200b space', '😀 ISI-backed --- x', 'x'.repeat(5000) + '\u2026'.repeat(3000)];
    for (const sample of samples) assert.equal(normalizeForMatch(sample), normalizeWithMap(sample).text, JSON.stringify(sample.slice(0, 40)));
  });
});
