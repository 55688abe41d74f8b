// Property-based tests of anchoring: random quotes taken from the seed
// article are found exactly (or reported ambiguous when they occur more than
// once, never resolved to a wrong place), spans are valid ranges, and
// normalisation maps every offset back to the original text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MAX_CANDIDATES, normalizeForMatch, normalizeWithMap, occurrenceCount, originalEnd, originalSpan, originalStart, resolveQuote, type AnchorableText, type Span } from '../../server/src/core';
import { REPO_ROOT } from '../helpers/tempWorkspace';
import { fuzzParameters } from '../robustness/fuzzSupport';

const ARTICLE = readFileSync(path.join(REPO_ROOT, 'annotations', 'texts', 'pakistan-taliban-qa.txt'), 'utf8');

function anchorable(text: string): AnchorableText {
  return { text, normalized: normalizeWithMap(text) };
}

const SEED = anchorable(ARTICLE);

/** Letters and digits: a quote that starts and ends on one is not cut inside a whitespace or dash run, a surrogate pair or a combining sequence. */
const WORD_EDGE = /^[\p{L}\p{N}]$/u;
const COMBINING = /^\p{M}$/u;

function cleanEdges(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  const first = text[start];
  const last = text[end - 1];
  return WORD_EDGE.test(first) && WORD_EDGE.test(last) && !COMBINING.test(text[end] ?? '');
}

/** How often a normalised quote occurs in the normalised text, overlaps included. */
function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

function assertValidSpan(span: Span, text: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length, JSON.stringify(span));
}

/** A quote of the article: its start, and a length from one word to a few lines. */
const quoteOfArticle = fc
  .tuple(fc.nat({ max: ARTICLE.length - 1 }), fc.integer({ min: 1, max: 160 }))
  .map(([start, length]) => ({ start, end: Math.min(ARTICLE.length, start + length) }))
  .filter(({ start, end }) => cleanEdges(ARTICLE, start, end));

describe('fuzzing the anchoring', () => {
  it('finds a random quote of the seed article exactly, or reports every occurrence when there are several', () => {
    fc.assert(
      fc.property(quoteOfArticle, ({ start, end }) => {
        const quote = ARTICLE.slice(start, end);
        const occurrences = countOccurrences(SEED.normalized.text, normalizeForMatch(quote).trim());
        const result = resolveQuote(SEED, { quote });
        if (occurrences === 1) {
          assert.equal(result.status, 'exact', JSON.stringify(quote));
          assert.deepEqual(result.span, { start, end });
        } else {
          assert.equal(result.status, 'ambiguous', JSON.stringify(quote));
          // The first MAX_CANDIDATES occurrences in text order are kept, and all are counted.
          assert.equal(occurrenceCount(result), occurrences);
          assert.equal(result.candidates.length, Math.min(occurrences, MAX_CANDIDATES));
          assert.ok(result.candidates.every((c, i) => i === 0 || result.candidates[i - 1].start < c.start), 'candidates in text order');
          if (result.candidates.length === occurrences || start <= result.candidates[result.candidates.length - 1].start) {
            assert.ok(result.candidates.some((c) => c.start === start && c.end === end), 'the quoted place is among the candidates');
          }
          for (const candidate of result.candidates) {
            assertValidSpan(candidate, ARTICLE);
            assert.equal(normalizeForMatch(ARTICLE.slice(candidate.start, candidate.end)), normalizeForMatch(quote), 'every candidate reads as the quote');
          }
        }
      }),
      fuzzParameters(300),
    );
  });

  it('with the words around it as prefix and suffix, never resolves a repeated quote to the wrong place', () => {
    const shortQuote = fc
      .tuple(fc.nat({ max: ARTICLE.length - 1 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }))
      .filter(([start, length]) => cleanEdges(ARTICLE, start, Math.min(ARTICLE.length, start + length)));
    fc.assert(
      fc.property(shortQuote, ([start, length, before, after]) => {
        const end = Math.min(ARTICLE.length, start + length);
        const selector = { quote: ARTICLE.slice(start, end), prefix: ARTICLE.slice(Math.max(0, start - before), start), suffix: ARTICLE.slice(end, end + after) };
        const result = resolveQuote(SEED, selector);
        if (result.status === 'exact' || result.status === 'normalized') {
          assert.deepEqual(result.span, { start, end }, JSON.stringify(selector));
        } else {
          assert.equal(result.status, 'ambiguous', JSON.stringify(selector));
          const lastKept = result.candidates[result.candidates.length - 1].start;
          if (occurrenceCount(result) <= MAX_CANDIDATES || start <= lastKept) {
            assert.ok(result.candidates.some((c) => c.start === start && c.end === end), 'the quoted place is among the candidates');
          }
        }
      }),
      fuzzParameters(300),
    );
  });

  it('finds a quote typed with ASCII quotes, dashes and spacing where the article has typographic ones', () => {
    const typed = (quote: string) => quote.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[—–]/g, '--').replace(/\s+/g, ' ');
    fc.assert(
      fc.property(quoteOfArticle, ({ start, end }) => {
        const quote = typed(ARTICLE.slice(start, end));
        const result = resolveQuote(SEED, { quote });
        if (result.status === 'ambiguous') return;
        assert.ok(result.status === 'exact' || result.status === 'normalized', `${result.status}: ${JSON.stringify(quote)}`);
        assert.deepEqual(result.span, { start, end });
      }),
      fuzzParameters(200),
    );
  });

  it('never throws on arbitrary quotes and texts, and every span it returns is a valid range', () => {
    const text = fc.string({ maxLength: 200, unit: fc.oneof(fc.constantFrom(' ', '\r\n', '\n', '\t', '—', '–', '-', '’', '“', '”', '"', "'", '…', '\u00ad', '\u200b', '\ufeff', '\u{1F600}', 'e\u0301', 'ISI', 'the'), fc.string({ maxLength: 1, unit: 'binary' })) });
    fc.assert(
      fc.property(text, text, fc.option(text), fc.option(text), (body, quote, prefix, suffix) => {
        const target = anchorable(body);
        const result = resolveQuote(target, { quote, prefix: prefix ?? undefined, suffix: suffix ?? undefined });
        if (result.span) assertValidSpan(result.span, body);
        for (const candidate of result.candidates) assertValidSpan(candidate, body);
        if (result.status === 'exact') assert.equal(body.slice(result.span!.start, result.span!.end), quote);
      }),
      fuzzParameters(500),
    );
  });
});

describe('fuzzing normalisation', () => {
  const text = fc.string({ maxLength: 120, unit: fc.oneof(fc.constantFrom(' ', '  ', '\r\n', '\n', '\r', '\t', '\u00a0', '\u2028', '—', '–', '--', '-', '’', '‘', '“', '”', '«', '"', "'", '…', '\u00ad', '\u200b', '\u2060', '\ufeff', '\u{1F600}', '\u{1D4AF}', 'e\u0301', 'a', 'Z'), fc.string({ maxLength: 1, unit: 'binary' })) });

  it('normalises a whole text exactly as it normalises a short string', () => {
    fc.assert(fc.property(text, (value) => assert.equal(normalizeWithMap(value).text, normalizeForMatch(value))), fuzzParameters(500));
  });

  it('maps every normalised offset back into the original, in order, and round-trips any range not cut inside an expansion', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (value, a, b) => {
        const normalized = normalizeWithMap(value);
        const length = normalized.text.length;
        const starts = Array.from({ length }, (_, k) => originalStart(normalized, k));
        const ends = Array.from({ length }, (_, k) => originalEnd(normalized, k));
        for (let k = 0; k < length; k++) {
          assert.ok(starts[k] >= 0 && starts[k] < ends[k] && ends[k] <= value.length, `offset ${k}`);
          if (k > 0) assert.ok(starts[k] >= starts[k - 1] && ends[k] >= ends[k - 1], `monotonic at ${k}`);
        }
        if (length === 0) return;
        let from = a % length;
        let to = from + 1 + (b % (length - from));
        // An ellipsis becomes three dots from one original character: a range must not cut it.
        while (from > 0 && starts[from] === starts[from - 1]) from--;
        while (to < length && starts[to] === starts[to - 1]) to++;
        const span = originalSpan(normalized, from, to);
        assertValidSpan(span, value);
        assert.equal(normalizeForMatch(value.slice(span.start, span.end)), normalized.text.slice(from, to), `range ${from}..${to} of ${JSON.stringify(value)}`);
      }),
      fuzzParameters(500),
    );
  });
});
