// Issue 13: the language server answers a hover while it anchors hostile
// quotes, because every long search is cut into steps that it runs in slices.
// These tests count the steps of the searches that used to run in one piece
// (an approximate search over a megabyte, the gram index of a long text, the
// choice among 200,000 close matches) and check that a search run in steps
// finds what it finds in one go. They count steps, never time them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anchorSelectors, normalizeWithMap, type AnchorableText } from '../../server/src/core';
import { anchorSelectorsInSteps } from '../../server/src/core/anchorSelectors';
import { APPROXIMATE_STEP_BLOCKS, findApproximateQuote, findApproximateQuoteInSteps } from '../../server/src/core/approximateQuote';
import { BitParallelPattern } from '../../server/src/core/bitParallelPattern';
import { GRAMS_PER_STEP, OccurrenceFinder, SearchBudget } from '../../server/src/core/quoteSearch';

const MB = 1024 * 1024;

function anchorable(text: string): AnchorableText {
  return { text, normalized: normalizeWithMap(text) };
}

/** Runs steps to the end; the result and how many times they yielded. */
function run<T>(steps: Generator<void, T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, yields };
    yields++;
  }
}

const sentence = 'The committee met on Tuesday and discussed the border, the trade talks and the water treaty. ';
const megabyte = anchorable(sentence.repeat(Math.ceil(MB / sentence.length)));

describe('anchoring in steps (issue 13)', () => {
  it('an approximate search over a megabyte yields every APPROXIMATE_STEP_BLOCKS of matching and finds what the search in one go finds', () => {
    const selector = { quote: 'The committee met on Wednesday and discussed the border, the trade talks and the water' };
    const blocks = new BitParallelPattern(selector.quote).blocks;
    const { value, yields } = run(findApproximateQuoteInSteps(megabyte, selector, {}));
    assert.ok(yields >= Math.floor((megabyte.normalized.text.length * blocks) / APPROXIMATE_STEP_BLOCKS), `${yields} yields`);
    assert.deepEqual(value, findApproximateQuote(megabyte, selector, {}));
    assert.ok(value && value.length > 0 && value[0].quoteSimilarity > 0.9);
  });

  it('200,000 close matches of a short quote are found in steps and ordered in linear time, closest and first in the text first', () => {
    const target = anchorable('a'.repeat(200_000));
    const { value, yields } = run(findApproximateQuoteInSteps(target, { quote: 'aax' }, {}));
    assert.ok(yields >= Math.floor(200_000 / APPROXIMATE_STEP_BLOCKS), `${yields} yields`);
    // One edit away everywhere: the first five non-overlapping spans, each as close to the quote's length as it can be.
    assert.deepEqual(
      value?.map((c) => [c.span.start, c.span.end, c.quoteSimilarity]),
      [[0, 2], [2, 5], [5, 8], [8, 11], [11, 14]].map(([start, end]) => [start, end, 1 - 1 / 3]),
    );
  });

  it('a search the budget refuses yields nothing and searches nothing', () => {
    const budget = new SearchBudget(10);
    const { value, yields } = run(findApproximateQuoteInSteps(megabyte, { quote: 'absent words' }, {}, 5, budget));
    assert.equal(value, undefined);
    assert.equal(yields, 0);
    assert.ok(budget.exhausted);
  });

  it('the gram index of a megabyte is built in steps of GRAMS_PER_STEP positions and finds what the one-piece index finds', () => {
    const text = megabyte.normalized.text;
    const { value: stepped, yields } = run(OccurrenceFinder.inSteps(text, new SearchBudget(1e9), 200));
    assert.ok(yields >= Math.floor(text.length / GRAMS_PER_STEP), `${yields} yields`);
    const whole = new OccurrenceFinder(text, new SearchBudget(1e9), 200);
    for (const needle of ['water treaty. The', 'Tuesday', 'zebras']) {
      const found: number[][] = [[], []];
      stepped.forEach(needle, (at) => found[0].push(at));
      whole.forEach(needle, (at) => found[1].push(at));
      assert.deepEqual(found[0], found[1]);
    }
  });

  it('200 lost quotes over a megabyte anchor in many steps to the results of anchoring in one go', () => {
    const selectors = Array.from({ length: 200 }, (_, i) => ({ quote: `Quite unrelated words number ${i} that the article never says about zebras and violins` }));
    const { value, yields } = run(anchorSelectorsInSteps(megabyte, selectors));
    const blocks = new BitParallelPattern(selectors[0].quote).blocks;
    // Each quote that the budget lets be searched takes several steps, not one.
    const searched = value.filter((result) => !result.searchIncomplete).length;
    assert.ok(searched > 0);
    assert.ok(yields >= searched * Math.floor((megabyte.normalized.text.length * blocks) / APPROXIMATE_STEP_BLOCKS), `${yields} yields for ${searched} searches`);
    assert.deepEqual(value, anchorSelectors(megabyte, selectors));
  });
});
