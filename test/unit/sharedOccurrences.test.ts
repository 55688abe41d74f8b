/**
 * Occurrences shared between anchorings of one text (`sharedOccurrences`,
 * `AnchorOptions.shareOccurrences`): agreement anchors each coder's quotes
 * against the same normalised form, and a needle scanned for once is taken
 * from the memo after. The memo must change nothing: every occurrence
 * visited, every budget charge, every refusal for lack of budget and every
 * step yielded is as a fresh scan's.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { anchorSelectors, normalizeWithMap, type AnchorableText, type QuoteSelector } from '../../server/src/core';
import { OCCURRENCES_PER_STEP, OccurrenceFinder, SearchBudget, sharedOccurrences, type OccurrenceMemo } from '../../server/src/core/quoteSearch';
import { fuzzParameters } from '../robustness/fuzzSupport';

/** Everything one `forEachInSteps` does that a caller can see: visits, steps, the answer and the budget left. */
function scan(finder: OccurrenceFinder, needle: string): { visits: number[]; steps: number; found: boolean; left: number; exhausted: boolean } {
  const visits: number[] = [];
  const steps = finder.forEachInSteps(needle, (at) => visits.push(at));
  let count = 0;
  let step = steps.next();
  while (!step.done) {
    count++;
    step = steps.next();
  }
  return { visits, steps: count, found: step.value, left: finder.budget.left, exhausted: finder.budget.exhausted };
}

describe('occurrences shared between anchorings of one text', () => {
  it('a needle scanned for once is taken from the memo after, with the same visits, charges and steps, also when the budget runs out midway', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'ab '), maxLength: 3000 }),
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ' '), minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 20_000 }),
        (text, needles, units) => {
          const memo: OccurrenceMemo = new Map();
          // The first finder fills the memo (or leaves out what its budget cut short); the second takes from it.
          const filling = new OccurrenceFinder(text, new SearchBudget(units), 1, memo);
          const taking = new OccurrenceFinder(text, new SearchBudget(units), 1, memo);
          const fresh = new OccurrenceFinder(text, new SearchBudget(units), 1);
          for (const needle of needles) {
            const expected = scan(fresh, needle);
            assert.deepEqual(scan(filling, needle), expected);
            assert.deepEqual(scan(taking, needle), expected);
          }
          for (const [needle, starts] of memo) {
            const all: number[] = [];
            for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) all.push(at);
            assert.deepEqual(starts, all, 'only complete scans are kept');
          }
        },
      ),
      fuzzParameters(300),
    );
  });

  it('steps through a needle found more often than a step holds, from the memo as from the scan', () => {
    const text = 'a'.repeat(2 * OCCURRENCES_PER_STEP + 5);
    const memo: OccurrenceMemo = new Map();
    const first = scan(new OccurrenceFinder(text, new SearchBudget(1e9), 1, memo), 'a');
    assert.ok(first.steps > 0);
    assert.ok(memo.has('a'));
    assert.deepEqual(scan(new OccurrenceFinder(text, new SearchBudget(1e9), 1, memo), 'a'), first);
  });

  it('anchoring two coders’ selectors against one normalised form gives what anchoring each alone gives, and scans for a quote once', () => {
    const text = 'The minister said the plan would fail. Critics said the plan would work. The minister said nothing else.';
    const target: AnchorableText = { text, normalized: normalizeWithMap(text) };
    const first: QuoteSelector[] = [{ quote: 'the plan would fail' }, { quote: 'The minister said', suffix: ' nothing' }, { quote: 'gone from the text' }];
    const second: QuoteSelector[] = [{ quote: 'the plan would fail' }, { quote: 'The minister said', prefix: 'work. ' }, { quote: 'Critics said' }];
    const alone = [anchorSelectors({ text, normalized: normalizeWithMap(text) }, first, { spansOnly: true }), anchorSelectors({ text, normalized: normalizeWithMap(text) }, second, { spansOnly: true })];
    const shared = [anchorSelectors(target, first, { spansOnly: true, shareOccurrences: true }), anchorSelectors(target, second, { spansOnly: true, shareOccurrences: true })];
    assert.deepEqual(shared, alone);
    const memo = sharedOccurrences(target.normalized);
    assert.deepEqual([...memo.keys()].sort(), ['Critics said', 'The minister said', 'gone from the text', 'the plan would fail'].sort(), 'each distinct quote scanned for once, as the normalised text has it');
    assert.equal(sharedOccurrences({ ...target.normalized }).size, 0, 'the memo belongs to that normalised form only');
  });
});
