import { countBelow } from '../sortedSearch';
import type { Span } from '../model';

/**
 * Converts between the core's offsets (UTF-16 code units, as in LSP and
 * JavaScript strings) and Unicode code point offsets, which the W3C
 * TextPositionSelector and brat's standoff format count.
 *
 * A character outside the Basic Multilingual Plane (an emoji, a historic
 * script) is two UTF-16 code units but one code point; everything else is
 * one of each. Combining marks are code points of their own in both units.
 */
export class CodePointIndex {
  /** UTF-16 offsets of the high surrogate of every well-formed surrogate pair, ascending. */
  private readonly pairStarts: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      const high = text.charCodeAt(i);
      if (high >= 0xd800 && high <= 0xdbff) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          this.pairStarts.push(i);
          i++;
        }
      }
    }
  }

  /** The length of the text in code points. */
  get length(): number {
    return this.text.length - this.pairStarts.length;
  }

  /**
   * The code point offset of a UTF-16 offset. (An offset between the two
   * halves of a pair, which the core never produces, counts as after it.)
   */
  toCodePoint(utf16Offset: number): number {
    // Pairs that end at or before the offset each shrink it by one.
    return utf16Offset - countBelow(this.pairStarts, utf16Offset - 1);
  }

  /** The UTF-16 offset of a code point offset. */
  toUtf16(codePointOffset: number): number {
    // The k-th pair starts at code point pairStarts[k] - k; each pair before the offset adds one unit.
    let low = 0;
    let high = this.pairStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.pairStarts[mid] - mid < codePointOffset) low = mid + 1;
      else high = mid;
    }
    return codePointOffset + low;
  }

  spanToCodePoints(span: Span): Span {
    return { start: this.toCodePoint(span.start), end: this.toCodePoint(span.end) };
  }

  spanToUtf16(span: Span): Span {
    return { start: this.toUtf16(span.start), end: this.toUtf16(span.end) };
  }
}

const COMBINING = /^\p{M}/u;

/**
 * Up to `length` code points of context before a span, never starting on a
 * combining mark or the low half of a surrogate pair (the context is widened
 * to the start of the character instead).
 */
export function contextBefore(text: string, start: number, length: number): string {
  let from = start;
  for (let taken = 0; taken < length && from > 0; taken++) from -= isLowSurrogateAfterHigh(text, from - 1) ? 2 : 1;
  while (from > 0 && (isLowSurrogateAfterHigh(text, from) || COMBINING.test(text.slice(from, from + 2)))) from--;
  return text.slice(from, start);
}

/**
 * Up to `length` code points of context after a span, never ending inside a
 * surrogate pair or before a combining mark that belongs to its last character.
 */
export function contextAfter(text: string, end: number, length: number): string {
  let to = end;
  for (let taken = 0; taken < length && to < text.length; taken++) to += isHighSurrogateBeforeLow(text, to) ? 2 : 1;
  while (to < text.length && COMBINING.test(text.slice(to, to + 2))) to += isHighSurrogateBeforeLow(text, to) ? 2 : 1;
  return text.slice(end, to);
}

function isHighSurrogateBeforeLow(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
}

function isLowSurrogateAfterHigh(text: string, at: number): boolean {
  return at > 0 && isHighSurrogateBeforeLow(text, at - 1);
}

/**
 * Characters that end a line for Python's `str.splitlines`, which brat uses
 * to read `.ann` files: an annotation line's text may contain none of them.
 */
// eslint-disable-next-line no-control-regex -- the file separators are line breaks to Python
const LINE_BREAKS = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;

/**
 * Splits a span into the pieces between line breaks, dropping empty pieces.
 * A span within one line comes back whole.
 */
export function splitAtLineBreaks(text: string, span: Span): Span[] {
  const pieces: Span[] = [];
  const slice = text.slice(span.start, span.end);
  let from = 0;
  for (const match of slice.matchAll(LINE_BREAKS)) {
    if (match.index > from) pieces.push({ start: span.start + from, end: span.start + match.index });
    from = match.index + match[0].length;
  }
  if (slice.length > from) pieces.push({ start: span.start + from, end: span.end });
  return pieces;
}
