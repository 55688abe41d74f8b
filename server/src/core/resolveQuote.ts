import { MAX_CANDIDATES, type AnchorableText, type AnchorResult, type QuoteSelector } from './anchorTypes';
import type { Span } from './model';
import { drain } from './aliasAutomaton';
import { emptyList } from './emptyList';
import { normalizeForMatch, originalSpan } from './normalizeText';
import { EXACT_BASE_UNITS, EXACT_UNITS_PER_TEXT_CHAR, OccurrenceFinder, SearchBudget } from './quoteSearch';

export { MAX_CANDIDATES, occurrenceCount } from './anchorTypes';
export type { AnchorableText, AnchorResult, AnchorStatus, QuoteSelector, ScoredCandidate } from './anchorTypes';

/** How many sides of the context (prefix, suffix) agree with the text around a candidate. */
function contextScore(normalizedText: string, start: number, end: number, prefix: string, suffix: string): number {
  let score = 0;
  if (prefix) {
    // The prefix ends right before the quote, or before the single space that separates them.
    const before = normalizedText.charCodeAt(start - 1) === 0x20 ? start - 1 : start;
    if (before >= prefix.length && normalizedText.startsWith(prefix, before - prefix.length)) score++;
  }
  if (suffix) {
    const after = normalizedText.charCodeAt(end) === 0x20 ? end + 1 : end;
    if (normalizedText.startsWith(suffix, after)) score++;
  }
  return score;
}

/** A fresh exact-search budget for one file's quotes in a text. */
export function exactSearchBudget(textLength: number): SearchBudget {
  return new SearchBudget(EXACT_BASE_UNITS + EXACT_UNITS_PER_TEXT_CHAR * textLength);
}

/**
 * Finds where a quote selector points in a text, following the W3C
 * TextQuoteSelector semantics: the quote must occur, and prefix/suffix pick
 * between several occurrences. An exact occurrence wins over a normalised one.
 * Returns `ambiguous` rather than guessing when the context does not decide;
 * then it keeps the first MAX_CANDIDATES occurrences and counts the others.
 *
 * `finder` shares an index and a work budget between the quotes of one file;
 * without it, the quote gets a budget of its own. Work is linear in the
 * text's length plus the occurrences' total length.
 */
export function resolveQuote(target: AnchorableText, selector: QuoteSelector, finder?: OccurrenceFinder): AnchorResult {
  return drain(resolveQuoteInSteps(target, selector, finder));
}

/** `resolveQuote` a step at a time (see `OccurrenceFinder.forEachInSteps`), for a caller that must stay responsive. */
export function* resolveQuoteInSteps(target: AnchorableText, selector: QuoteSelector, finder?: OccurrenceFinder): Generator<void, AnchorResult> {
  const quote = normalizeForMatch(selector.quote).trim();
  if (quote.length === 0) return { status: 'empty', candidates: emptyList() };
  const prefix = selector.prefix ? normalizeForMatch(selector.prefix).trim() : '';
  const suffix = selector.suffix ? normalizeForMatch(selector.suffix).trim() : '';
  const normalizedText = target.normalized.text;
  const search = finder ?? new OccurrenceFinder(normalizedText, exactSearchBudget(normalizedText.length), 1);

  // Occurrences whose context fits best: the first MAX_CANDIDATES, and how many.
  const best: number[] = [];
  let bestCount = 0;
  let bestScore = -1;
  let found = 0;
  const contextCost = prefix.length + suffix.length;
  const complete = yield* search.forEachInSteps(quote, (normStart) => {
    found++;
    const score = contextCost === 0 ? 0 : contextScore(normalizedText, normStart, normStart + quote.length, prefix, suffix);
    if (contextCost > 0) search.budget.spend(contextCost);
    if (score > bestScore) {
      bestScore = score;
      best.length = 0;
      bestCount = 0;
    }
    if (score === bestScore) {
      bestCount++;
      if (best.length < MAX_CANDIDATES) best.push(normStart);
    }
  });
  // A search cut short may have missed occurrences that would make the quote ambiguous or fit the context better: no answer rather than a wrong one.
  if (!complete) return { status: 'not-found', candidates: emptyList(), searchIncomplete: true };
  if (found === 0) return { status: 'not-found', candidates: emptyList() };

  const span = (normStart: number): Span => originalSpan(target.normalized, normStart, normStart + quote.length);
  const contextMismatch = contextCost > 0 && bestScore === 0 ? { contextMismatch: true } : {};
  if (bestCount > 1) return { status: 'ambiguous', candidates: best.map(span), occurrences: bestCount, ...contextMismatch };
  const resolved = span(best[0]);
  const isExact = resolved.end - resolved.start === selector.quote.length && target.text.startsWith(selector.quote, resolved.start);
  return { status: isExact ? 'exact' : 'normalized', span: resolved, candidates: emptyList(), ...contextMismatch };
}
