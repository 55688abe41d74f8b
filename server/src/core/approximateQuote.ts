import type { AnchorableText, QuoteSelector, ScoredCandidate } from './anchorTypes';
import { drain } from './aliasAutomaton';
import { BitParallelPattern } from './bitParallelPattern';
import { boundedEditDistance } from './didYouMean';
import { normalizeForMatch, originalSpan } from './normalizeText';
import { SearchBudget } from './quoteSearch';

/** Where the selector's neighbours (the claims before and after it) landed, as text offsets. */
export interface Neighbours {
  before?: number;
  after?: number;
}

/** The share of the quote's length that may differ for a candidate to be considered. */
const MAX_DIFFERENCE = 0.3;
/**
 * Work allowed for the approximate searches of one annotation file, in steps
 * of the bit-parallel matcher (one text character × 32 quote characters,
 * about 10 ns each): a second or two, however many quotes are lost.
 */
export const APPROXIMATE_BUDGET_STEPS = 150_000_000;
/** At most this many places where a close match ends are kept; past that, only the closer ones. */
const MAX_ENDS = 200_000;
/** At most this many non-overlapping candidates are scored, the closest first. */
const MAX_SCORED = 32;
/** Prefix and suffix are compared with the text over at most this many characters. */
const MAX_CONTEXT = 200;
const WEIGHTS = { quote: 0.6, context: 0.25, position: 0.15 };

/** 1 − normalised edit distance between two strings. */
export function similarity(a: string, b: string): number {
  const length = Math.max(a.length, b.length);
  if (length === 0) return 1;
  return 1 - boundedEditDistance(a, b, length) / length;
}

/** A fresh budget for the approximate searches of one file. */
export function approximateSearchBudget(): SearchBudget {
  return new SearchBudget(APPROXIMATE_BUDGET_STEPS);
}

/**
 * Work of one step of a search, in block steps of the bit-parallel matcher
 * (about 10 ns each), which also bounds the close matches a step reports:
 * a step takes a millisecond or two, so that a caller that must stay
 * responsive can search a megabyte in slices.
 */
export const APPROXIMATE_STEP_BLOCKS = 1 << 16;
/** Close matches looked at per step when the candidates are chosen among them. */
const ENDS_PER_STEP = 1 << 14;

/**
 * Places in the text whose characters are within `maxDistance` edits of the
 * pattern (approximate substring matching), closest first, none
 * overlapping, at most MAX_SCORED. Returns [start, end, distance] in
 * normalised offsets, or undefined when the budget does not allow the search.
 * Yields after every APPROXIMATE_STEP_BLOCKS of matching and every
 * ENDS_PER_STEP close matches looked at: the search resumes where it stopped.
 */
function* approximateOccurrences(text: string, pattern: string, maxDistance: number, budget: SearchBudget): Generator<void, [number, number, number][] | undefined> {
  const m = pattern.length;
  const matcher = new BitParallelPattern(pattern);
  if (!budget.take(matcher.searchCost(text.length))) return undefined;
  // Where close matches end, and their distance; when there are too many, the farthest are dropped.
  let ends = new Int32Array(1024);
  let distances = new Int32Array(1024);
  let count = 0;
  let threshold = maxDistance;
  const onEnd = (end: number, distance: number): number => {
    while (count >= MAX_ENDS) {
      if (threshold === 0) return -1;
      threshold--;
      let kept = 0;
      for (let i = 0; i < count; i++) {
        if (distances[i] > threshold) continue;
        ends[kept] = ends[i];
        distances[kept++] = distances[i];
      }
      count = kept;
      if (distance > threshold) return threshold;
    }
    if (count === ends.length) {
      const grownEnds = new Int32Array(Math.min(MAX_ENDS, 2 * count));
      const grownDistances = new Int32Array(grownEnds.length);
      grownEnds.set(ends);
      grownDistances.set(distances);
      ends = grownEnds;
      distances = grownDistances;
    }
    ends[count] = end;
    distances[count++] = distance;
    return threshold;
  };
  const columnsPerStep = Math.max(1, Math.floor(APPROXIMATE_STEP_BLOCKS / matcher.blocks));
  matcher.startSearch();
  for (let from = 0, wanted = maxDistance; from < text.length && wanted >= 0; from += columnsPerStep) {
    wanted = matcher.continueSearch(text, from, Math.min(text.length, from + columnsPerStep), wanted, onEnd);
    yield;
  }
  // Closest first, then in text order (ends were found in text order): a counting sort by distance.
  const order = new Int32Array(count);
  const firstOf = new Int32Array(threshold + 2);
  for (let i = 0; i < count; i++) firstOf[distances[i] + 1]++;
  for (let d = 1; d < firstOf.length; d++) firstOf[d] += firstOf[d - 1];
  for (let i = 0; i < count; i++) order[firstOf[distances[i]]++] = i;
  yield;
  // Where a match starts: the pattern read backwards from its end.
  const reversed = new BitParallelPattern(pattern.split('').reverse().join(''));
  const chosen: [number, number, number][] = [];
  const overlaps = (start: number, end: number) => chosen.some(([s, e]) => start < e && s < end);
  for (let k = 0; k < count; k++) {
    if (k > 0 && k % ENDS_PER_STEP === 0) yield;
    const i = order[k];
    const end = ends[i];
    const distance = distances[i];
    // Even its shortest possible span overlaps a chosen one: no need to find where it starts.
    if (overlaps(end - Math.max(0, m - distance), end)) continue;
    const longest = Math.min(end, m + distance);
    if (!budget.take(reversed.searchCost(longest))) break;
    const prefixDistances = reversed.prefixDistances(text, end - 1, -1, longest);
    // Of the spans ending here at this distance, the one whose length is closest to the quote's.
    let length = 0;
    for (let l = 1; l <= longest; l++) {
      if (prefixDistances[l - 1] === distance && (length === 0 || Math.abs(l - m) <= Math.abs(length - m))) length = l;
    }
    if (length === 0 || overlaps(end - length, end)) continue;
    chosen.push([end - length, end, distance]);
    if (chosen.length === MAX_SCORED) break;
  }
  return chosen;
}

/**
 * The most budget `findApproximateQuoteInSteps` can take for a quote in a
 * text of `textLength` units: the search over the whole text, then, for at
 * most one close match per text position (and MAX_ENDS), the backward search
 * for where it starts, over at most the quote's length plus its allowed
 * distance. A caller that has this much left for every quote still to
 * search knows that none of those searches will be refused.
 */
export function approximateSearchMostCost(textLength: number, quote: string): number {
  const m = normalizeForMatch(quote).trim().length;
  if (m === 0) return 0;
  const blocks = Math.max(1, Math.ceil(m / 32));
  const maxDistance = Math.max(1, Math.floor(m * MAX_DIFFERENCE));
  return blocks * textLength + Math.min(MAX_ENDS, textLength) * blocks * (m + maxDistance);
}

/**
 * Looks for the quote approximately: where it would be if the text was
 * copy-edited since it was annotated. Each candidate is scored by the quote's
 * words, the prefix/suffix context and its position between the neighbouring
 * claims. The caller decides whether the best is clear enough to propose.
 * Returns undefined, having searched nothing, when `budget` (shared by the
 * quotes of one file) does not allow the search.
 */
export function findApproximateQuote(target: AnchorableText, selector: QuoteSelector, neighbours: Neighbours, limit = 5, budget = approximateSearchBudget()): ScoredCandidate[] | undefined {
  return drain(findApproximateQuoteInSteps(target, selector, neighbours, limit, budget));
}

/**
 * `findApproximateQuote` a step at a time, for a caller that must stay
 * responsive: the search of a long text yields every couple of milliseconds
 * of work (APPROXIMATE_STEP_BLOCKS) and resumes where it stopped; the result
 * is the same.
 */
export function* findApproximateQuoteInSteps(target: AnchorableText, selector: QuoteSelector, neighbours: Neighbours, limit = 5, budget = approximateSearchBudget()): Generator<void, ScoredCandidate[] | undefined> {
  const quote = normalizeForMatch(selector.quote).trim();
  const text = target.normalized.text;
  if (quote.length === 0) return [];
  const maxDistance = Math.max(1, Math.floor(quote.length * MAX_DIFFERENCE));
  const prefix = selector.prefix ? normalizeForMatch(selector.prefix).trim().slice(-MAX_CONTEXT) : '';
  const suffix = selector.suffix ? normalizeForMatch(selector.suffix).trim().slice(0, MAX_CONTEXT) : '';
  const hasNeighbours = neighbours.before !== undefined || neighbours.after !== undefined;

  const occurrences = yield* approximateOccurrences(text, quote, maxDistance, budget);
  if (!occurrences) return undefined;
  const scored = occurrences.map(([start, end, distance]): ScoredCandidate => {
    const span = originalSpan(target.normalized, start, end);
    const quoteSimilarity = 1 - distance / quote.length;
    let contextSimilarity: number | undefined;
    if (prefix || suffix) {
      const sides: number[] = [];
      if (prefix) sides.push(similarity(prefix, text.slice(Math.max(0, start - prefix.length - 1), start).trim().slice(-prefix.length)));
      if (suffix) sides.push(similarity(suffix, text.slice(end, end + suffix.length + 1).trim().slice(0, suffix.length)));
      contextSimilarity = sides.reduce((a, b) => a + b, 0) / sides.length;
    }
    let positionScore: number | undefined;
    if (hasNeighbours) {
      const afterBefore = neighbours.before === undefined || span.start >= neighbours.before;
      const beforeAfter = neighbours.after === undefined || span.start <= neighbours.after;
      positionScore = afterBefore && beforeAfter ? 1 : 0;
    }
    let weighted = WEIGHTS.quote * quoteSimilarity;
    let weights = WEIGHTS.quote;
    if (contextSimilarity !== undefined) {
      weighted += WEIGHTS.context * contextSimilarity;
      weights += WEIGHTS.context;
    }
    if (positionScore !== undefined) {
      weighted += WEIGHTS.position * positionScore;
      weights += WEIGHTS.position;
    }
    return { span, quoteSimilarity, contextSimilarity, positionScore, confidence: weighted / weights };
  });
  return scored.sort((a, b) => b.confidence - a.confidence || a.span.start - b.span.start).slice(0, limit);
}
