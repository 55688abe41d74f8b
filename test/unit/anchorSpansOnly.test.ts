/**
 * `spansOnly` anchoring (agreement reads only where quotes anchor): the
 * quotes left to the approximate search are settled without it when the
 * budget surely suffices, with the same spans as the full anchoring; when it
 * might not, the search runs as usual.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { anchorSelectors, normalizeWithMap, type AnchorableText, type QuoteSelector } from '../../server/src/core';
import { approximateSearchBudget } from '../../server/src/core/approximateQuote';
import { SearchBudget } from '../../server/src/core/quoteSearch';
import { fuzzParameters } from '../robustness/fuzzSupport';
import { REPO_ROOT } from '../helpers/tempWorkspace';

const ARTICLE = readFileSync(path.join(REPO_ROOT, 'annotations/texts/pakistan-taliban-qa.txt'), 'utf8');
const TARGET: AnchorableText = { text: ARTICLE, normalized: normalizeWithMap(ARTICLE) };

/** A sentence of the article quoted without its first word, with the words before the original quote as its prefix (as the agreement benchmark's second coder does). */
const QUOTE = 'He asserted without evidence that most Afghan refugees in the country sympathize with the Taliban';
const SHORTENED: QuoteSelector = { quote: QUOTE.split(' ').slice(1).join(' '), prefix: ARTICLE.slice(0, ARTICLE.indexOf(QUOTE)).trimEnd().split(/\s+/).slice(-3).join(' ') };
const NEIGHBOUR: QuoteSelector = { quote: 'Virtually no one buys Pakistani denials' };

const spans = (selectors: QuoteSelector[], options: Parameters<typeof anchorSelectors>[2] = {}) => anchorSelectors(TARGET, selectors, options).map((result) => result.span);

describe('anchoring for spans only', () => {
  it('settles a quote that occurs but whose prefix no longer fits without searching, as unanchored as the search leaves it', () => {
    const full = anchorSelectors(TARGET, [NEIGHBOUR, SHORTENED]);
    assert.equal(full[1].span, undefined, 'the approximate search takes the span of a quote whose context does not fit');
    assert.ok(full[1].status === 'stale' || full[1].status === 'not-found');
    const budget = approximateSearchBudget();
    const left = budget.left;
    const settled = anchorSelectors(TARGET, [NEIGHBOUR, SHORTENED], { approximate: budget, spansOnly: true });
    assert.deepEqual(settled.map((r) => r.span), full.map((r) => r.span));
    assert.equal(settled[1].status, 'not-found');
    assert.equal(budget.left, left, 'no approximate search ran');
    assert.deepEqual(settled[0], full[0]);
  });

  it('searches as usual when the budget might refuse a search (a refused search leaves the span)', () => {
    const n = TARGET.normalized.text.length;
    // Below, at and above what the search over the text takes (three blocks of the quote per character), all below what the search can take at most.
    for (const units of [0, 2 * n, 3 * n, 8 * n, 40 * n]) {
      const full = anchorSelectors(TARGET, [NEIGHBOUR, SHORTENED], { approximate: new SearchBudget(units) });
      const settled = anchorSelectors(TARGET, [NEIGHBOUR, SHORTENED], { approximate: new SearchBudget(units), spansOnly: true });
      assert.deepEqual(settled, full, `budget ${units}`);
      if (units < 3 * n) assert.ok(full[1].span, 'a search the budget refuses leaves the exact occurrence its span');
    }
  });

  it('gives the full anchoring’s spans for random quotes with fitting, shortened or foreign context', () => {
    const words = ARTICLE.split(/\s+/).filter((w) => w.length > 0);
    const selector = fc
      .tuple(fc.nat({ max: words.length - 2 }), fc.integer({ min: 1, max: 14 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('fits', 'shortened', 'foreign', 'none', 'garbled'))
      .map(([start, count, prefixWords, context]): QuoteSelector => {
        const quoteWords = words.slice(start, start + count);
        const before = words.slice(Math.max(0, start - prefixWords), start).join(' ');
        if (context === 'shortened' && quoteWords.length > 1) return { quote: quoteWords.slice(1).join(' '), prefix: before || undefined };
        if (context === 'foreign') return { quote: quoteWords.join(' '), prefix: 'zebra crossing', suffix: 'quartz' };
        if (context === 'garbled') return { quote: `${quoteWords.join(' ')} xq`, prefix: before || undefined };
        return { quote: quoteWords.join(' '), prefix: context === 'fits' && before ? before : undefined };
      });
    fc.assert(
      fc.property(fc.array(selector, { minLength: 1, maxLength: 6 }), (selectors) => {
        assert.deepEqual(spans(selectors, { spansOnly: true }), spans(selectors));
      }),
      fuzzParameters(60),
    );
  });
});
