import type { AnchorableText, AnchorResult, QuoteSelector, ScoredCandidate } from './anchorTypes';
import { approximateSearchBudget, approximateSearchMostCost, findApproximateQuoteInSteps, type Neighbours } from './approximateQuote';
import { OccurrenceFinder, sharedOccurrences, type SearchBudget } from './quoteSearch';
import { emptyList } from './emptyList';
import { exactSearchBudget, resolveQuoteInSteps } from './resolveQuote';

/** How sure an approximate match must be to be proposed as `stale` rather than reported `not-found`. */
export const STALE_CONFIDENCE = 0.75;
/** How far ahead of the runner-up the best approximate match must be. */
export const STALE_MARGIN = 0.1;
/** Near misses below this confidence are not worth listing. */
const NEAR_MISS_CONFIDENCE = 0.45;

/**
 * The budgets of one file's searches (fresh ones when not given), and
 * `spansOnly`: the caller reads only where the quotes anchor (`span`), as
 * agreement does. An approximate search never gives a span (a stale quote
 * is proposed, not anchored); it only takes one away, from a quote that
 * occurs but whose context does not fit. So when the approximate budget
 * surely suffices for every quote left to it (none would be refused), those
 * quotes are settled without searching: the same spans, without proposals
 * or near misses (`not-found`, or `ambiguous` as the exact search left it).
 */
export interface AnchorOptions {
  exact?: SearchBudget;
  approximate?: SearchBudget;
  spansOnly?: boolean;
  /** Keep each quote's occurrences with the text's normalised form for other anchorings of the same text, and take those kept (`sharedOccurrences`): for agreement, whose coders mostly quote alike. */
  shareOccurrences?: boolean;
}

/**
 * Anchors an ordered list of selectors (the claims or mentions of one file)
 * in a text. Exact and normalised matches come first. A quote that is gone,
 * or whose prefix/suffix no longer fit, is searched approximately and scored,
 * using where its neighbours in the list landed; the best match is proposed
 * as `stale` only when it is clearly ahead, since a wrong anchor is worse
 * than none. Nothing is re-anchored silently: a stale result has no `span`.
 *
 * The work is bounded by the file's input, not by its square: the exact
 * searches share an index of the text and one budget, the approximate ones
 * another; a quote that the budgets leave unsearched is `not-found` with
 * `searchIncomplete`.
 */
export function anchorSelectors(target: AnchorableText, selectors: readonly QuoteSelector[], budgets: AnchorOptions = {}): AnchorResult[] {
  const steps = anchorSelectorsInSteps(target, selectors, budgets);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * `anchorSelectors` cut into steps, for a caller that must stay responsive
 * (the language server): it yields while it indexes the text, after each
 * quote's exact search and every few milliseconds of an approximate search,
 * and returns the same results.
 */
export function* anchorSelectorsInSteps(target: AnchorableText, selectors: readonly QuoteSelector[], budgets: AnchorOptions = {}): Generator<void, AnchorResult[]> {
  const memo = budgets.shareOccurrences ? sharedOccurrences(target.normalized) : undefined;
  const finder = yield* OccurrenceFinder.inSteps(target.normalized.text, budgets.exact ?? exactSearchBudget(target.normalized.text.length), selectors.length, memo);
  yield;
  const results: AnchorResult[] = [];
  for (const selector of selectors) {
    results.push(yield* resolveQuoteInSteps(target, selector, finder));
    yield;
  }
  const budget = budgets.approximate ?? approximateSearchBudget();
  const settled = budgets.spansOnly && settleWithoutSearch(target, selectors, results, budget);
  if (settled) return settled;
  const final: AnchorResult[] = [];
  for (let i = 0; i < results.length; i++) {
    const result = results[i];
    if (!wantsApproximateSearch(result)) {
      final.push(result);
      continue;
    }
    const candidates = yield* findApproximateQuoteInSteps(target, selectors[i], neighboursOf(results, i), 5, budget);
    final.push(judgeApproximate(result, candidates));
    yield;
  }
  return final;
}

/** Whether the exact search left a quote to the approximate one: not found, or its context did not fit (unless the budget already ran out). */
function wantsApproximateSearch(result: AnchorResult): boolean {
  return (result.status === 'not-found' || result.contextMismatch === true) && !result.searchIncomplete;
}

/**
 * For `spansOnly`: the results with every quote left to the approximate
 * search settled without it, or undefined when the budget might refuse one
 * of those searches (then a quote could keep its span: search as usual).
 */
function settleWithoutSearch(target: AnchorableText, selectors: readonly QuoteSelector[], results: AnchorResult[], budget: SearchBudget): AnchorResult[] | undefined {
  let most = 0;
  for (let i = 0; i < results.length; i++) if (wantsApproximateSearch(results[i])) most += approximateSearchMostCost(target.normalized.text.length, selectors[i].quote);
  if (most > budget.left) return undefined;
  return results.map((result) => {
    if (!wantsApproximateSearch(result) || result.status === 'not-found' || result.status === 'ambiguous') return result;
    return { status: 'not-found', candidates: emptyList() };
  });
}

/** What an approximate search makes of a quote that was not found, or whose context did not fit. */
function judgeApproximate(result: AnchorResult, candidates: ScoredCandidate[] | undefined): AnchorResult {
  if (!candidates) return result.status === 'not-found' ? { ...result, searchIncomplete: true } : result;
  const [best, second] = candidates;
  if (best && best.confidence >= STALE_CONFIDENCE && (!second || best.confidence - second.confidence >= STALE_MARGIN)) {
    return { status: 'stale', candidates: emptyList(), proposal: best };
  }
  const nearMisses = candidates.filter((c) => c.confidence >= NEAR_MISS_CONFIDENCE).slice(0, 3);
  if (result.status === 'ambiguous') return { ...result, nearMisses };
  return { status: 'not-found', candidates: emptyList(), nearMisses };
}

function neighboursOf(results: AnchorResult[], index: number): Neighbours {
  const neighbours: Neighbours = {};
  for (let j = index - 1; j >= 0; j--) {
    const span = results[j].span;
    if (span && !results[j].contextMismatch) {
      neighbours.before = span.start;
      break;
    }
  }
  for (let j = index + 1; j < results.length; j++) {
    const span = results[j].span;
    if (span && !results[j].contextMismatch) {
      neighbours.after = span.start;
      break;
    }
  }
  return neighbours;
}
