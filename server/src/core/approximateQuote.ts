import { boundedEditDistance } from './didYouMean';
import type { Span } from './model';
import { normalizeForMatch, originalSpan } from './normalizeText';
import type { AnchorableText, QuoteSelector } from './resolveQuote';

/** A place where a quote might now be, with how sure we are of it. */
export interface ScoredCandidate {
  span: Span;
  /** 0..1: how closely the words match the quote. */
  quoteSimilarity: number;
  /** 0..1: how closely the surrounding text matches prefix/suffix; undefined without them. */
  contextSimilarity?: number;
  /** 0..1: whether it lies between the neighbouring claims' anchors; undefined without neighbours. */
  positionScore?: number;
  /** 0..1: the weighted combination of the above. */
  confidence: number;
}

/** Where the selector's neighbours (the claims before and after it) landed, as text offsets. */
export interface Neighbours {
  before?: number;
  after?: number;
}

/** The share of the quote's length that may differ for a candidate to be considered. */
const MAX_DIFFERENCE = 0.3;
/** Work limit (text length × quote length) for one approximate search. */
const MAX_CELLS = 40_000_000;
const WEIGHTS = { quote: 0.6, context: 0.25, position: 0.15 };

/** 1 − normalised edit distance between two strings. */
export function similarity(a: string, b: string): number {
  const length = Math.max(a.length, b.length);
  if (length === 0) return 1;
  return 1 - boundedEditDistance(a, b, length) / length;
}

/**
 * Every place in the text whose words are within a bounded edit distance of
 * the quote (approximate substring matching), best first, none overlapping.
 * Returns [start, end, distance] in normalised offsets.
 */
function approximateOccurrences(text: string, pattern: string, maxDistance: number): [number, number, number][] {
  const m = pattern.length;
  let previous = new Int32Array(m + 1);
  let current = new Int32Array(m + 1);
  let previousStart = new Int32Array(m + 1);
  let currentStart = new Int32Array(m + 1);
  // Column 0: nothing of the text consumed; every alignment starts at offset 0.
  for (let i = 0; i <= m; i++) previous[i] = i;
  const ends: [number, number, number][] = [];
  for (let j = 1; j <= text.length; j++) {
    const code = text.charCodeAt(j - 1);
    // Row 0 costs nothing: a match may start anywhere (here, at offset j).
    current[0] = 0;
    currentStart[0] = j;
    for (let i = 1; i <= m; i++) {
      const substitute = previous[i - 1] + (pattern.charCodeAt(i - 1) === code ? 0 : 1);
      const deleteFromText = previous[i] + 1;
      const skipInPattern = current[i - 1] + 1;
      if (substitute <= deleteFromText && substitute <= skipInPattern) {
        current[i] = substitute;
        currentStart[i] = previousStart[i - 1];
      } else if (deleteFromText <= skipInPattern) {
        current[i] = deleteFromText;
        currentStart[i] = previousStart[i];
      } else {
        current[i] = skipInPattern;
        currentStart[i] = currentStart[i - 1];
      }
    }
    if (current[m] <= maxDistance) ends.push([currentStart[m], j, current[m]]);
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
  }
  ends.sort((a, b) => a[2] - b[2] || a[0] - b[0]);
  const chosen: [number, number, number][] = [];
  for (const candidate of ends) {
    if (chosen.some(([s, e]) => candidate[0] < e && s < candidate[1])) continue;
    chosen.push(candidate);
  }
  return chosen;
}

/**
 * Looks for the quote approximately: where it would be if the text was
 * copy-edited since it was annotated. Each candidate is scored by the quote's
 * words, the prefix/suffix context and its position between the neighbouring
 * claims. The caller decides whether the best is clear enough to propose.
 */
export function findApproximateQuote(target: AnchorableText, selector: QuoteSelector, neighbours: Neighbours, limit = 5): ScoredCandidate[] {
  const quote = normalizeForMatch(selector.quote).trim();
  const text = target.normalized.text;
  if (quote.length === 0 || text.length * quote.length > MAX_CELLS) return [];
  const maxDistance = Math.max(1, Math.floor(quote.length * MAX_DIFFERENCE));
  const prefix = selector.prefix ? normalizeForMatch(selector.prefix).trim() : '';
  const suffix = selector.suffix ? normalizeForMatch(selector.suffix).trim() : '';
  const hasNeighbours = neighbours.before !== undefined || neighbours.after !== undefined;

  const scored = approximateOccurrences(text, quote, maxDistance).map(([start, end, distance]): ScoredCandidate => {
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
