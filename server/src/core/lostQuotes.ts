import type { AnchorableText } from './anchorTypes';
import type { Span } from './model';
import { normalizeForMatch, originalSpan, type NormalizedText } from './normalizeText';

/** The fewest leading or trailing words of a lost quote that place its diagnostic in the text. */
const MIN_WORDS_TO_PLACE = 3;
/** The most leading or trailing words tried: a lost quote is placed by at most 2 × (12 − 3 + 1) scans of the text. */
const MAX_WORDS_TO_PLACE = 12;

/**
 * Where each lost quote's diagnostic goes in a text, by quote: placing one
 * scans the text up to 20 times, so a text's diagnostics, recomputed after
 * every edit that reaches them, reuse the placements while the text is the same.
 */
const placements = new WeakMap<AnchorableText, Map<string, Span>>();

/** Where the diagnostic of a quote that no longer occurs in a text goes: where it probably was, or else the first line. */
export function lostQuoteRange(text: AnchorableText, quote: string): Span {
  let byQuote = placements.get(text);
  if (!byQuote) placements.set(text, (byQuote = new Map()));
  let span = byQuote.get(quote);
  if (!span) byQuote.set(quote, (span = placeLostQuote(text.normalized, quote) ?? firstLine(text.text)));
  return { ...span };
}

/** Whether `lostQuoteRange` has the placement of this quote in this text at hand. */
export function isLostQuotePlaced(text: AnchorableText, quote: string): boolean {
  return placements.get(text)?.has(quote) ?? false;
}

/**
 * Where a quote that no longer occurs probably was: the longest run of its
 * leading or trailing words (up to MAX_WORDS_TO_PLACE) that still occurs
 * exactly once.
 */
export function placeLostQuote(normalized: NormalizedText, quote: string): Span | undefined {
  const words = normalizeForMatch(quote).trim().split(' ').filter((word) => word !== '');
  // At most MAX_WORDS_TO_PLACE words: each try scans the text, and a long quote must not cost one scan per word.
  for (let count = Math.min(words.length - 1, MAX_WORDS_TO_PLACE); count >= MIN_WORDS_TO_PLACE; count--) {
    for (const part of [words.slice(0, count), words.slice(words.length - count)]) {
      const needle = part.join(' ');
      const at = normalized.text.indexOf(needle);
      if (at >= 0 && normalized.text.indexOf(needle, at + 1) < 0) return originalSpan(normalized, at, at + needle.length);
    }
  }
  return undefined;
}

function firstLine(text: string): Span {
  const end = text.search(/\r|\n/);
  return { start: 0, end: end < 0 ? text.length : end };
}
