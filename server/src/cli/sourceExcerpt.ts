import { escapeControlCharacter, isControlCharacter } from '../core';

/** Columns a tab takes in an excerpt. */
export const TAB_WIDTH = 4;
/** UTF-16 code units of the source line shown before the diagnostic's column. */
export const EXCERPT_BEFORE = 60;
/** UTF-16 code units of the source line shown at most. */
export const EXCERPT_LENGTH = 200;

/** A piece of a source line fit to print, with the part to underline. */
export interface SourceExcerpt {
  /** Tabs expanded, control characters escaped, cut to a window around the column (cuts marked "…"). */
  text: string;
  /** The underlined part of `text`, as UTF-16 offsets into it. */
  start: number;
  end: number;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The part of `line` around `[start, end)` (UTF-16 offsets into the line) to
 * show under a diagnostic. However long the line, the excerpt is at most
 * about EXCERPT_LENGTH characters: a one-line file of a megabyte with a
 * thousand problems prints a thousand short excerpts, not a gigabyte.
 */
export function sourceExcerpt(line: string, start: number, end: number): SourceExcerpt {
  start = Math.max(0, Math.min(start, line.length));
  end = Math.max(start, Math.min(end, line.length));
  let from = Math.max(0, start - EXCERPT_BEFORE);
  let to = Math.min(line.length, from + EXCERPT_LENGTH);
  if (from > 0 && isLowSurrogate(line.charCodeAt(from))) from--;
  if (to < line.length && isLowSurrogate(line.charCodeAt(to))) to++;
  const parts: string[] = [];
  let length = 0;
  let excerptStart = -1;
  let excerptEnd = -1;
  if (from > 0) {
    parts.push('…');
    length++;
  }
  for (let i = from; i < to; i++) {
    if (i === start) excerptStart = length;
    if (i === end) excerptEnd = length;
    const code = line.charCodeAt(i);
    const piece = code === 9 ? ' '.repeat(TAB_WIDTH) : isControlCharacter(code) ? escapeControlCharacter(line[i]) : line[i];
    parts.push(piece);
    length += piece.length;
  }
  if (excerptStart < 0) excerptStart = length;
  if (excerptEnd < 0) excerptEnd = length;
  if (to < line.length) parts.push('…');
  return { text: parts.join(''), start: excerptStart, end: excerptEnd };
}

/** Zero-width characters besides combining marks: zero-width space and joiners, the byte order mark, variation selectors. */
function isZeroWidth(code: number): boolean {
  return (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef);
}

/** East Asian Wide and Fullwidth characters (and wide emoji): two terminal columns. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x231a && code <= 0x231b) ||
    (code >= 0x2329 && code <= 0x232a) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xa960 && code <= 0xa97f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe6f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

const COMBINING = /^[\p{Mn}\p{Me}]$/u;

/**
 * How many terminal columns `text` takes: East Asian wide and fullwidth
 * characters two, combining marks and zero-width characters none, others
 * one (by code point, so a character outside the BMP counts once).
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code < 0x300) {
      width++;
    } else if (isZeroWidth(code) || COMBINING.test(character)) {
      continue;
    } else {
      width += isWide(code) ? 2 : 1;
    }
  }
  return width;
}
