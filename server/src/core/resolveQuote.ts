import type { Span } from './model';
import type { ScoredCandidate } from './approximateQuote';
import { normalizeForMatch, originalSpan, type NormalizedText } from './normalizeText';

/** What a quote selector needs: the quote and, optionally, the text just around it. */
export interface QuoteSelector {
  quote: string;
  prefix?: string;
  suffix?: string;
}

export type AnchorStatus =
  /** The quote occurs character for character. */
  | 'exact'
  /** The quote occurs once quotes, dashes and whitespace are normalised. */
  | 'normalized'
  /** The quote occurs more than once and the context does not pick one. */
  | 'ambiguous'
  | 'not-found'
  /** The quote is empty once normalised. */
  | 'empty'
  /** The quote is gone, but a close match exists: proposed, never applied silently. */
  | 'stale';

export interface AnchorResult {
  status: AnchorStatus;
  /** The resolved range in the text, for `exact` and `normalized`. */
  span?: Span;
  /** For `ambiguous`: every occurrence that fits the context equally well. */
  candidates: Span[];
  /** Prefix/suffix were given but fit none of the occurrences: the text around the quote changed. */
  contextMismatch?: boolean;
  /** For `stale`: where the quote would go now, and how sure that is. */
  proposal?: ScoredCandidate;
  /** For `not-found`: the closest places, none of them clear enough to propose. */
  nearMisses?: ScoredCandidate[];
}

/**
 * A text prepared for anchoring: the original and its normalised form. Built
 * once per text version and shared by every quote anchored in it.
 */
export interface AnchorableText {
  text: string;
  normalized: NormalizedText;
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  let at = haystack.indexOf(needle);
  while (at !== -1) {
    found.push(at);
    at = haystack.indexOf(needle, at + 1);
  }
  return found;
}

/** How many sides of the context (prefix, suffix) agree with the text around a candidate. */
function contextScore(normalizedText: string, start: number, end: number, prefix: string, suffix: string): number {
  let score = 0;
  if (prefix) {
    const before = normalizedText.slice(Math.max(0, start - prefix.length - 1), start).trimEnd();
    if (before.endsWith(prefix)) score++;
  }
  if (suffix) {
    const after = normalizedText.slice(end, end + suffix.length + 1).trimStart();
    if (after.startsWith(suffix)) score++;
  }
  return score;
}

/**
 * Finds where a quote selector points in a text, following the W3C
 * TextQuoteSelector semantics: the quote must occur, and prefix/suffix pick
 * between several occurrences. An exact occurrence wins over a normalised one.
 * Returns `ambiguous` rather than guessing when the context does not decide.
 */
export function resolveQuote(target: AnchorableText, selector: QuoteSelector): AnchorResult {
  const quote = normalizeForMatch(selector.quote).trim();
  if (quote.length === 0) return { status: 'empty', candidates: [] };
  const prefix = selector.prefix ? normalizeForMatch(selector.prefix).trim() : '';
  const suffix = selector.suffix ? normalizeForMatch(selector.suffix).trim() : '';
  const normalizedText = target.normalized.text;

  // Exact occurrences in the original text, mapped to normalised offsets for the context check.
  const exact = occurrences(target.text, selector.quote);
  const normalizedHits = occurrences(normalizedText, quote);
  const candidates: { span: Span; normStart: number; normEnd: number }[] = normalizedHits.map((normStart) => ({
    span: originalSpan(target.normalized, normStart, normStart + quote.length),
    normStart,
    normEnd: normStart + quote.length,
  }));
  if (candidates.length === 0) return { status: 'not-found', candidates: [] };

  let best = candidates;
  let bestScore = -1;
  if (prefix || suffix) {
    for (const candidate of candidates) {
      const score = contextScore(normalizedText, candidate.normStart, candidate.normEnd, prefix, suffix);
      if (score > bestScore) {
        bestScore = score;
        best = [candidate];
      } else if (score === bestScore) {
        best.push(candidate);
      }
    }
  }
  const contextMismatch = bestScore === 0 ? { contextMismatch: true } : {};
  if (best.length > 1) return { status: 'ambiguous', candidates: best.map((c) => c.span), ...contextMismatch };
  const span = best[0].span;
  const isExact = exact.some((start) => start === span.start && start + selector.quote.length === span.end);
  return { status: isExact ? 'exact' : 'normalized', span, candidates: [], ...contextMismatch };
}
