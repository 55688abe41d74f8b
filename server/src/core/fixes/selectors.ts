import type { AnnotationFile, ClaimDef, MentionDef, Span, SuppressionDef } from '../model';
import { resolveQuote, type AnchorableText } from '../resolveQuote';

/** The claim, mention or suppression whose `quote` value has exactly this range. */
export function selectorWithQuoteAt(file: AnnotationFile, range: Span): ClaimDef | MentionDef | SuppressionDef | undefined {
  const annotation = file.textAnnotation;
  if (!annotation) return undefined;
  const matches = (def: ClaimDef | MentionDef | SuppressionDef) => def.quote?.range.start === range.start && def.quote.range.end === range.end;
  return annotation.claims.find(matches) ?? annotation.mentions.find(matches) ?? annotation.suppress.find(matches);
}

/** At most this many words of context are tried before giving up on a short one. */
const MAX_CONTEXT_WORDS = 8;

/** The `count` whole words (and the spacing after them) just before `offset`. */
export function wordsBefore(text: string, offset: number, count: number): string {
  let start = offset;
  for (let words = 0; words < count && start > 0; words++) {
    while (start > 0 && /\s/.test(text[start - 1])) start--;
    while (start > 0 && !/\s/.test(text[start - 1])) start--;
  }
  return text.slice(start, offset);
}

/** The spacing and `count` whole words just after `offset`. */
export function wordsAfter(text: string, offset: number, count: number): string {
  let end = offset;
  for (let words = 0; words < count && end < text.length; words++) {
    while (end < text.length && /\s/.test(text[end])) end++;
    while (end < text.length && !/\s/.test(text[end])) end++;
  }
  return text.slice(offset, end);
}

/**
 * The shortest prefix and/or suffix (in whole words, as the text has them)
 * that makes `quote` resolve to exactly `span`. Empty when the quote is
 * unique already; undefined when no context of up to eight words on each side does it.
 */
export function disambiguatingContext(target: AnchorableText, quote: string, span: Span): { prefix?: string; suffix?: string } | undefined {
  const hits = (prefix?: string, suffix?: string) => {
    const result = resolveQuote(target, { quote, prefix, suffix });
    return result.span?.start === span.start && result.span.end === span.end && !result.contextMismatch;
  };
  if (hits()) return {};
  for (let words = 1; words <= MAX_CONTEXT_WORDS; words++) {
    const prefix = wordsBefore(target.text, span.start, words);
    if (prefix.trim() && hits(prefix)) return { prefix };
    const suffix = wordsAfter(target.text, span.end, words);
    if (suffix.trim() && hits(undefined, suffix)) return { suffix };
    if (prefix.trim() && suffix.trim() && hits(prefix, suffix)) return { prefix, suffix };
  }
  return undefined;
}
