// Regression tests for issue 13, items 4, 6, 7 and 11: hostile anchoring
// input ran for minutes or out of memory. Each test asserts what bounds the
// work (budgets spent, candidates kept, diagnostic sizes), never wall-clock
// time; bench/hostile.mjs times the full-size cases as processes.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { anchorSelectors, annotationFileDiagnostics, APPROXIMATE_BUDGET_STEPS, MAX_CANDIDATES, normalizeWithMap, resolveQuote, type AnchorableText, type CoreDiagnostic } from '../../server/src/core';
import { OccurrenceFinder, SearchBudget } from '../../server/src/core/quoteSearch';
import { loadMemoryWorkspace, uriOf } from '../helpers/memoryWorkspace';
import type * as HostileModule from '../../bench/generator/hostileAnchoring.mjs' with { 'resolution-mode': 'import' };

/** The generator is an ES module shared with the benchmark; this test is compiled to out/test/unit. */
function loadGenerator(): Promise<typeof HostileModule> {
  const file = path.resolve(__dirname, '..', '..', '..', 'bench', 'generator', 'hostileAnchoring.mjs');
  return import(pathToFileURL(file).href) as Promise<typeof HostileModule>;
}

async function hostileCase(name: HostileModule.HostileCaseName, scale: number) {
  const generator = await loadGenerator();
  return generator.hostileAnchoringCase(name, scale);
}

/** The selectors and text of a case, for anchoring without a workspace. */
async function caseSelectors(name: HostileModule.HostileCaseName, scale: number): Promise<{ target: AnchorableText; quotes: string[] }> {
  const { files } = await hostileCase(name, scale);
  const text = files['annotations/texts/t.txt'];
  const quotes = [...files['annotations/t.yaml'].matchAll(/quote: (.*)\}$/gm)].map((match) => match[1]);
  return { target: { text, normalized: normalizeWithMap(text) }, quotes };
}

async function checkCase(name: HostileModule.HostileCaseName, scale: number): Promise<CoreDiagnostic[]> {
  const { files } = await hostileCase(name, scale);
  const { index } = await loadMemoryWorkspace(files);
  return annotationFileDiagnostics(index, uriOf('annotations/t.yaml'));
}

describe('hostile anchoring input (issue 13)', () => {
  it('item 4: a quote that occurs 100,000 times keeps 20 candidates, counts them all, and reports in a few kilobytes', async () => {
    const diagnostics = await checkCase('ambiguous-a', 0.1);
    assert.equal(diagnostics.length, 6);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.code, 'quote-ambiguous');
      assert.match(diagnostic.message, /occurs 100000 times in annotations\/texts\/t\.txt \(annotations\/texts\/t\.txt:1 \(20 times\), …and 99980 more\)/);
      assert.ok(diagnostic.message.length < 1000, `${diagnostic.message.length} characters of message`);
      assert.equal(diagnostic.related?.length, MAX_CANDIDATES);
      assert.equal((diagnostic.data?.candidates as unknown[]).length, MAX_CANDIDATES);
      assert.equal(diagnostic.data?.occurrences, 100_000);
    }
    assert.ok(JSON.stringify(diagnostics).length < 6 * 8000, `${JSON.stringify(diagnostics).length} bytes of diagnostics`);
  });

  it('item 6: `aax` in 200,000 × `a` costs one pass of the bit-parallel matcher, not a candidate list of the text\'s size', async () => {
    const { target, quotes } = await caseSelectors('approximate-aax', 1);
    const approximate = new SearchBudget(APPROXIMATE_BUDGET_STEPS);
    const [result] = anchorSelectors(target, quotes.map((quote) => ({ quote })), { approximate });
    assert.equal(result.status, 'not-found');
    assert.ok((result.nearMisses ?? []).length <= 3);
    const spent = APPROXIMATE_BUDGET_STEPS - approximate.left;
    // One step per text character for the search, and at most a few per scored candidate (32 of them) to find where it starts.
    assert.ok(spent >= 200_000 && spent <= 200_000 + 32 * 2 * 4, `${spent} steps`);
    assert.equal(approximate.exhausted, false);
  });

  it('item 7: 200 lost quotes share one approximate budget; past it they are reported as not searched in full', async () => {
    const { target, quotes } = await caseSelectors('lost-quotes', 0.1);
    const approximate = new SearchBudget(10_000_000);
    const results = anchorSelectors(target, quotes.map((quote) => ({ quote })), { approximate });
    assert.ok(results.every((result) => result.status === 'not-found'));
    const unsearched = results.filter((result) => result.searchIncomplete).length;
    // Each quote is 2 blocks of 32 characters over a 100 kB text: about 200,000 steps, so about 50 fit in the budget.
    assert.ok(unsearched > 100 && unsearched < 170, `${unsearched} quotes not searched`);
    assert.ok(approximate.exhausted);
    assert.ok(approximate.left >= 0);
    // Those that were searched come first, in file order: the budget is spent on the first quotes, then stops.
    const firstUnsearched = results.findIndex((result) => result.searchIncomplete);
    assert.ok(results.slice(firstUnsearched).every((result) => result.searchIncomplete));
  });

  it('item 7: at full size (1 MB, 200 quotes), check completes and says which quotes were not searched in full', async () => {
    const diagnostics = await checkCase('lost-quotes', 1);
    assert.equal(diagnostics.length, 200);
    // A few generated quotes are close enough to some sentence to be proposed as stale.
    assert.ok(diagnostics.every((diagnostic) => diagnostic.code === 'quote-not-found' || diagnostic.code === 'quote-stale'));
    const incomplete = diagnostics.filter((diagnostic) => diagnostic.data?.searchIncomplete === true);
    assert.ok(incomplete.length > 0 && incomplete.length < 200, `${incomplete.length} not searched in full`);
    assert.match(incomplete[0].message, /was not found in annotations\/texts\/t\.txt, but the search stopped before it was complete: the quotes of this file used up the work allowed for one file/);
  });

  it('item 11: 70,000 distinct quotes anchor exactly, with exact-search work linear in the text and the quotes', async () => {
    const { target, quotes } = await caseSelectors('many-claims', 1);
    const units = 1e12;
    const exact = new SearchBudget(units);
    const results = anchorSelectors(target, quotes.map((quote) => ({ quote })), { exact });
    assert.equal(results.length, 70_000);
    assert.ok(results.every((result) => result.status === 'exact'));
    const quoteCharacters = quotes.reduce((sum, quote) => sum + quote.length, 0);
    const spent = units - exact.left;
    // Scanning the text once per quote would be 70,000 × 1.3 M characters; the gram index looks each quote up by its rarest gram.
    assert.ok(spent <= 3 * quoteCharacters + target.text.length, `${spent} units for ${quoteCharacters} quote characters`);
  });

  it('a search cut short among the occurrences answers nothing rather than a wrong unique anchor', () => {
    const text = 'one x two. '.repeat(100);
    const target = { text, normalized: normalizeWithMap(text) };
    // Enough for the scan and three occurrences of the hundred.
    const cutShort = resolveQuote(target, { quote: 'x' }, new OccurrenceFinder(target.normalized.text, new SearchBudget(text.length + 1 + 3), 1));
    assert.deepEqual(cutShort, { status: 'not-found', candidates: [], searchIncomplete: true });
    const complete = resolveQuote(target, { quote: 'x' }, new OccurrenceFinder(target.normalized.text, new SearchBudget(text.length + 1 + 100), 1));
    assert.equal(complete.status, 'ambiguous');
    assert.equal(complete.occurrences, 100);
  });

  it('an exact-search budget that runs out leaves the remaining quotes not found and marked as not searched, never wrong', async () => {
    const { target, quotes } = await caseSelectors('many-claims', 0.05);
    const exact = new SearchBudget(20_000);
    const results = anchorSelectors(target, quotes.map((quote) => ({ quote })), { exact });
    const found = results.filter((result) => result.status === 'exact').length;
    assert.ok(found > 0 && found < quotes.length, `${found} found`);
    for (const result of results) assert.ok(result.status === 'exact' || (result.status === 'not-found' && result.searchIncomplete), JSON.stringify(result));
    for (const [i, result] of results.entries()) if (result.span) assert.equal(target.text.slice(result.span.start, result.span.end), quotes[i]);
  });
});
