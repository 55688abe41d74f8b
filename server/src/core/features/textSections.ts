import type { Span } from '../model';

/** A part of a text that starts with a heading: a Markdown heading, or a Q&A question on a line of its own. */
export interface TextSection {
  title: string;
  kind: 'heading' | 'question';
  /** From the heading to just before the next heading (or the end of the text). */
  range: Span;
  /** The heading line. */
  headingRange: Span;
}

/** A question stands alone as a paragraph and is at most this long. */
const MAX_QUESTION_LENGTH = 300;

const SPACE = 0x20;
const TAB = 0x09;
const HASH = 0x23;
const isBlankOrTab = (code: number) => code === SPACE || code === TAB;

/**
 * The sections of a text. Markdown headings (`#`…`######`) start sections;
 * so does a question that is a paragraph of its own, as in a Q&A, where the
 * answer follows the question. One scan of the text, no regular expression
 * over its lines: the work is linear in the text, whatever its lines hold.
 */
export function textSections(text: string): TextSection[] {
  const lines = lineSpans(text);
  const blank = lines.map((line) => text.slice(line.start, line.end).trim() === '');
  const blankAround = (j: number) => j < 0 || j >= lines.length || blank[j];
  const headings: Omit<TextSection, 'range'>[] = [];
  lines.forEach((headingRange, i) => {
    const title = headingTitle(text, headingRange.start, headingRange.end);
    if (title !== undefined) {
      headings.push({ title, kind: 'heading', headingRange });
      return;
    }
    if (blank[i] || !blankAround(i - 1) || !blankAround(i + 1)) return;
    const trimmed = text.slice(headingRange.start, headingRange.end).trim();
    if (trimmed.endsWith('?') && trimmed.length <= MAX_QUESTION_LENGTH) headings.push({ title: trimmed, kind: 'question', headingRange });
  });
  return headings.map((heading, i) => ({
    ...heading,
    range: { start: heading.headingRange.start, end: i + 1 < headings.length ? trimEnd(text, headings[i + 1].headingRange.start) : text.length },
  }));
}

/** Every line of a text, without its line break (CRLF, CR or LF); no empty last line after a final break. */
function lineSpans(text: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x0a && code !== 0x0d) continue;
    lines.push({ start, end: i });
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    start = i + 1;
  }
  if (start < text.length) lines.push({ start, end: text.length });
  return lines;
}

/**
 * The title of an ATX heading on the line [start, end): up to three spaces,
 * one to six `#`, a space or tab, the title, and an optional closing run of
 * `#` after a space; undefined when the line is no heading or has no title.
 */
function headingTitle(text: string, start: number, end: number): string | undefined {
  let i = start;
  while (i < end && i - start < 4 && text.charCodeAt(i) === SPACE) i++;
  if (i - start > 3) return undefined;
  const hashesStart = i;
  while (i < end && text.charCodeAt(i) === HASH) i++;
  const hashes = i - hashesStart;
  if (hashes < 1 || hashes > 6 || i === end || !isBlankOrTab(text.charCodeAt(i))) return undefined;
  while (i < end && isBlankOrTab(text.charCodeAt(i))) i++;
  let stop = end;
  while (stop > i && isBlankOrTab(text.charCodeAt(stop - 1))) stop--;
  let closing = stop;
  while (closing > i && text.charCodeAt(closing - 1) === HASH) closing--;
  if (closing < stop && (closing === i || isBlankOrTab(text.charCodeAt(closing - 1)))) {
    stop = closing;
    while (stop > i && isBlankOrTab(text.charCodeAt(stop - 1))) stop--;
  }
  return stop > i ? text.slice(i, stop) : undefined;
}

/** The offset before the whitespace that precedes `offset`. */
function trimEnd(text: string, offset: number): number {
  while (offset > 0 && /\s/.test(text[offset - 1])) offset--;
  return offset;
}
